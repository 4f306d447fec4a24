using HarborHa.Configuration;

namespace HarborHa.Common;

/// <summary>Maps stack settings to a <see cref="Protection"/>.</summary>
public static class ProtectionOf
{
    /// <summary>Protected outside dev (DESIGN.md, security and data defaults).</summary>
    public static Protection Stack(StackConfig config) => config.IsProtected ? Protection.Protected : Protection.Disposable;
}
