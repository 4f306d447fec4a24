using HarborHa.Configuration;

namespace HarborHa.Planning;

/// <summary>
/// How big each region is. Defaults per topology come from <see cref="For"/>; every field can be
/// overridden by <c>harbor-ha:sizing.&lt;field&gt;</c>. Changing a size never renames or replaces a
/// stateful resource (names do not contain sizes). docs/sizing.md shows the table.
/// </summary>
public sealed record Sizing
{
    /// <summary>RDS instance class.</summary>
    public required string DbInstanceClass { get; init; }

    /// <summary>Initial gp3 storage in GiB.</summary>
    public required int DbAllocatedStorageGb { get; init; }

    /// <summary>Storage autoscaling ceiling in GiB.</summary>
    public required int DbMaxAllocatedStorageGb { get; init; }

    /// <summary>
    /// Automated backup retention (days); also the point-in-time recovery window and the retention
    /// of the backups replicated to the DR region.
    /// </summary>
    public required int DbBackupRetentionDays { get; init; }

    /// <summary>ElastiCache node type.</summary>
    public required string CacheNodeType { get; init; }

    /// <summary>Days of automatic Redis snapshots.</summary>
    public required int CacheSnapshotRetentionDays { get; init; }

    /// <summary>
    /// Days a registry object's replaced or deleted version is kept before S3 expires it: the window
    /// in which an accidental delete (or a garbage collection run too eagerly) can be undone. Default 30.
    /// </summary>
    public int StorageNoncurrentVersionDays { get; init; } = 30;

    /// <summary>EKS managed node group instance type.</summary>
    public required string NodeInstanceType { get; init; }

    public required int NodeMinSize { get; init; }

    public required int NodeDesiredSize { get; init; }

    public required int NodeMaxSize { get; init; }

    /// <summary>Replicas of each stateless Harbor component (core, registry, portal, jobservice, nginx).</summary>
    public required int HarborReplicas { get; init; }

    /// <summary>The defaults of a topology: cheap for single-site, one of everything per AZ for ha and geo.</summary>
    public static Sizing For(Topology topology) => topology switch
    {
        Topology.SingleSite => new Sizing
        {
            DbInstanceClass = "db.t4g.medium",
            DbAllocatedStorageGb = 20,
            DbMaxAllocatedStorageGb = 100,
            DbBackupRetentionDays = 7,
            CacheNodeType = "cache.t4g.small",
            CacheSnapshotRetentionDays = 1,
            StorageNoncurrentVersionDays = 7,
            NodeInstanceType = "m6i.large",
            NodeMinSize = 2,
            NodeDesiredSize = 2,
            NodeMaxSize = 4,
            HarborReplicas = 1,
        },
        _ => new Sizing
        {
            DbInstanceClass = "db.r6g.large",
            DbAllocatedStorageGb = 100,
            DbMaxAllocatedStorageGb = 1000,
            DbBackupRetentionDays = 14,
            CacheNodeType = "cache.r6g.large",
            CacheSnapshotRetentionDays = 7,
            StorageNoncurrentVersionDays = 30,
            NodeInstanceType = "m6i.xlarge",
            NodeMinSize = 3,
            NodeDesiredSize = 3,
            NodeMaxSize = 9,
            HarborReplicas = 3,
        },
    };
}
