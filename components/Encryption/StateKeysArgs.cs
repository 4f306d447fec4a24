using HarborHa.Common;
using HarborHa.Configuration;

namespace HarborHa.Encryption;

/// <summary>Inputs of <see cref="StateKeys"/>.</summary>
public sealed record StateKeysArgs
{
    /// <summary>The region whose state the keys encrypt; its <c>DrRegion</c>, if any, gets a second key.</summary>
    public required RegionConfig Region { get; init; }

    /// <summary>The stack's domain: it names the key aliases (StateNames), which are unique per account and region.</summary>
    public required string Domain { get; init; }

    /// <summary>
    /// Default <see cref="Protection.Protected"/>: keys are <c>protect</c>ed and get KMS's longest
    /// deletion window (30 days), because deleting a key destroys every backup encrypted with it.
    /// Disposable keys wait the shortest window (7 days).
    /// </summary>
    public Protection Protection { get; init; } = Protection.Protected;
}
