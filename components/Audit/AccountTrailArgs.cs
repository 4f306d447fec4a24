using HarborHa.Common;
using HarborHa.Logging;

namespace HarborHa.Audit;

/// <summary>Inputs of <see cref="AccountTrail"/>.</summary>
public sealed record AccountTrailArgs
{
    /// <summary>The trail's home region (it records every region of its partition); it names the resources.</summary>
    public required string Region { get; init; }

    /// <summary>The trail's name, unique per account and region; the bucket policy names it, so it is set, not generated.</summary>
    public required string TrailName { get; init; }

    /// <summary>Name of the bucket the trail writes to (S3 names are global: it should name the stack).</summary>
    public required string BucketName { get; init; }

    /// <summary>The home region's log bucket: the trail bucket's own access logs go there.</summary>
    public required LogBucket Logs { get; init; }

    /// <summary>
    /// Days trail files are kept, and locked: each file is under S3 Object Lock for as long as it is
    /// kept, so nobody (governance mode: nobody without the bypass permission) can remove the record of
    /// what happened. Default 365.
    /// </summary>
    public int RetentionDays { get; init; } = 365;

    /// <summary>Object Lock mode of the trail bucket. Default <see cref="ObjectLockMode.Governance"/>.</summary>
    public ObjectLockMode LockMode { get; init; } = ObjectLockMode.Governance;

    /// <summary>Default <see cref="Protection.Protected"/>: the bucket refuses deletion.</summary>
    public Protection Protection { get; init; } = Protection.Protected;
}
