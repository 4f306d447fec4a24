using HarborHa.Model;

namespace HarborHa.Distribution;

/// <summary>An account at an upstream registry, e.g. to lift Docker Hub's anonymous pull limit.</summary>
public sealed record UpstreamCredentials
{
    /// <summary>The upstream account's user name. Required.</summary>
    public required string Username { get; init; }

    /// <summary>
    /// The upstream password or token: a reference to a secret (a secret config declaration or a
    /// <c>random:</c> result), never a literal. The component wraps it secret. Required.
    /// </summary>
    public required Value Password { get; init; }
}
