namespace HarborHa.Configuration;

/// <summary>
/// <c>harbor-ha:replication</c>: how the primary pushes images to every other region. The rule set
/// itself is fixed (one event-based push rule per other region, from the primary only); these are
/// its settings.
/// </summary>
public sealed record ReplicationConfig
{
    /// <summary><c>tags</c>: replicate only tags matching this Harbor pattern (e.g. <c>v*</c>). Default null: every tag.</summary>
    public string? Tags { get; init; }

    /// <summary>
    /// <c>deletion</c>: also delete in the replicas what is deleted in the primary. Default false, so
    /// a mistaken delete in the primary does not empty every region.
    /// </summary>
    public bool Deletion { get; init; }

    /// <summary><c>override</c>: overwrite an artifact of the same name in a replica. Default true (the primary is the only writer).</summary>
    public bool Override { get; init; } = true;

    /// <summary><c>bandwidthMbps</c>: bandwidth limit per replication task on links within a side, in Mbit/s. Default null: unlimited.</summary>
    public int? BandwidthMbps { get; init; }

    /// <summary>
    /// <c>crossBorderBandwidthMbps</c>: bandwidth limit per replication task on links between China and
    /// overseas, in Mbit/s, so replication cannot fill the VPN that other traffic shares. Default 100.
    /// </summary>
    public int CrossBorderBandwidthMbps { get; init; } = 100;

    /// <summary>
    /// <c>crossBorderHttpTimeoutMinutes</c>: the primary's jobservice registry HTTP client timeout
    /// when any link crosses the border (Harbor's default is 30 minutes, too short for large layers
    /// over a rate-limited VPN). Default 120.
    /// </summary>
    public int CrossBorderHttpTimeoutMinutes { get; init; } = 120;

    /// <summary>
    /// <c>catchUpSchedule</c>: Harbor cron (six fields, seconds first) of the scheduled catch-up rule
    /// beside each event rule; it copies only what a replica is missing. Default hourly, <c>0 0 * * * *</c>.
    /// </summary>
    public string CatchUpSchedule { get; init; } = "0 0 * * * *";

    /// <summary>
    /// <c>storageRtc</c>: S3 Replication Time Control on each region's registry-bucket replication to
    /// its DR region: S3 replicates 99.99% of new objects within 15 minutes (backed by its SLA) and
    /// emits an event for any object that misses it. Default false: replication is usually seconds,
    /// but without a bound. Priced per GB replicated.
    /// </summary>
    public bool StorageRtc { get; init; }
}
