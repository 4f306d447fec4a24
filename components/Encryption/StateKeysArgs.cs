using HarborHa.Common;

namespace HarborHa.Encryption;

/// <summary>Inputs of <see cref="StateKeys"/>.</summary>
public sealed record StateKeysArgs
{
    /// <summary>The region whose state the keys encrypt, e.g. <c>ap-southeast-1</c>.</summary>
    public required string Region { get; init; }

    /// <summary>Alias of the key in the region; aliases are unique per account and region, so it should name the stack.</summary>
    public required string KeyAlias { get; init; }

    /// <summary>
    /// The region holding this region's disaster-recovery copies (same partition), which gets a
    /// second key; null for none. Default null: the caller decides where copies live.
    /// </summary>
    public string? DrRegion { get; init; }

    /// <summary>Alias of the key in <see cref="DrRegion"/>; required with it.</summary>
    public string? DrKeyAlias { get; init; }

    /// <summary>
    /// Default <see cref="Protection.Protected"/>: keys are <c>protect</c>ed and get KMS's longest
    /// deletion window (30 days), because deleting a key destroys every backup encrypted with it.
    /// Disposable keys wait the shortest window (7 days).
    /// </summary>
    public Protection Protection { get; init; } = Protection.Protected;

    /// <summary>
    /// IAM principals (role or user ARNs) that administer the keys; only those of the keys' partition
    /// apply. Default empty: the account root administers (so the account's IAM policies decide who),
    /// and nobody may use a key except through RDS, ElastiCache and S3. Named administrators must
    /// include whoever runs <c>pulumi up</c>: KMS refuses a policy that locks its setter out.
    /// </summary>
    public IReadOnlyList<string> KeyAdminArns { get; init; } = [];
}
