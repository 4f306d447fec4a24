namespace HarborHa.Distribution;

/// <summary>
/// How the primary pushes images to every other region. The rule set itself is fixed by
/// <see cref="ReplicationPlan"/> (one event-based push rule per other region, from the primary only);
/// these are its settings.
/// </summary>
public sealed record ReplicationSettings
{
    /// <summary>Replicate only tags matching this Harbor pattern (e.g. <c>v*</c>). Default null: every tag.</summary>
    public string? Tags { get; init; }

    /// <summary>What replicas do when the primary deletes. Default <see cref="DeletedArtifacts.KeepInReplicas"/>.</summary>
    public DeletedArtifacts DeletedArtifacts { get; init; } = DeletedArtifacts.KeepInReplicas;

    /// <summary>What a rule does with an artifact already in a replica. Default <see cref="ExistingArtifacts.Overwrite"/>.</summary>
    public ExistingArtifacts ExistingArtifacts { get; init; } = ExistingArtifacts.Overwrite;

    /// <summary>Bandwidth limit per replication task on links within a partition, in Mbit/s. Default null: unlimited (the private network is the region's own).</summary>
    public int? BandwidthMbps { get; init; }

    /// <summary>
    /// Bandwidth limit per replication task on links between partitions, in Mbit/s, so replication
    /// cannot fill the VPN that other traffic shares. Default 100.
    /// </summary>
    public int CrossBorderBandwidthMbps { get; init; } = 100;

    /// <summary>
    /// The primary's jobservice registry HTTP client timeout, in minutes. Default 120: Harbor's own
    /// default, 30, cuts off large layers pushed over a rate-limited VPN.
    /// </summary>
    public int RegistryHttpClientTimeoutMinutes { get; init; } = 120;

    /// <summary>
    /// When the scheduled catch-up rule beside each event rule runs, in Harbor's cron syntax (six
    /// fields, seconds first). Default hourly at minute 0: Harbor retries a failed task only a few
    /// times, so an artifact lost to a VPN outage or a jobservice restart is copied within the hour.
    /// </summary>
    public string CatchUpSchedule { get; init; } = DefaultCatchUpSchedule;

    /// <summary>Hourly, at minute 0.</summary>
    public const string DefaultCatchUpSchedule = "0 0 * * * *";
}
