namespace HarborHa.Distribution;

/// <summary>
/// A region's Harbor garbage collection. Retention and replication deletes only untag artifacts; their
/// blobs stay in S3 until garbage collection runs, so every region has a schedule.
/// </summary>
public sealed record GarbageCollectionSpec
{
    /// <summary><c>hourly</c>, <c>daily</c>, <c>weekly</c> or a Harbor cron (seconds first). Default weekly, Sunday 04:00 UTC, a quiet hour for pushes.</summary>
    public string Schedule { get; init; } = "0 0 4 * * 0";

    /// <summary>
    /// Also delete untagged artifacts. Default false: deployments pin images by digest while their
    /// tags move on, so an untagged artifact may still be what a cluster runs.
    /// </summary>
    public bool DeleteUntagged { get; init; }
}
