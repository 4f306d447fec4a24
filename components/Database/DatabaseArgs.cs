using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Database;

/// <summary>
/// Inputs of <see cref="HarborDatabase"/>. Sizes default to the ha/geo row of the sizing table
/// (docs/sizing.md); smaller stacks pass their own sizes.
/// </summary>
public sealed record DatabaseArgs
{
    /// <summary>The region code; it names the resources.</summary>
    public required string Region { get; init; }

    /// <summary>Where the instance is created from when it is rebuilt. Default null: a new, empty database.</summary>
    public DatabaseRestore? Restore { get; init; }

    /// <summary>The <c>random</c> provider that generates the master password.</summary>
    public required Ref RandomProvider { get; init; }

    /// <summary>ARN of the region's customer-managed key: storage and Performance Insights are encrypted with it.</summary>
    public required Value KmsKeyArn { get; init; }

    /// <summary>Identifier of the final snapshot taken when a protected instance is deleted (unique per account and region).</summary>
    public required string FinalSnapshotIdentifier { get; init; }

    /// <summary>Where automated backups are replicated to; default null: no copy outside the region.</summary>
    public DrSite? Dr { get; init; }

    /// <summary>Default <see cref="Redundancy.MultiAz"/>: a synchronous standby in another AZ with automatic failover.</summary>
    public Redundancy Redundancy { get; init; } = Redundancy.MultiAz;

    /// <summary>
    /// Default <see cref="Protection.Protected"/>: Pulumi <c>protect</c>, deletion protection, a
    /// final snapshot, automated backups kept after deletion, changes applied in the maintenance
    /// window. Disposable: none of these, so dev stacks destroy cleanly.
    /// </summary>
    public Protection Protection { get; init; } = Protection.Protected;

    /// <summary>RDS instance class. Default db.r6g.large (memory-optimised Graviton).</summary>
    public string InstanceClass { get; init; } = "db.r6g.large";

    /// <summary>Initial gp3 storage in GiB. Default 100.</summary>
    public int AllocatedStorageGb { get; init; } = 100;

    /// <summary>Ceiling for storage autoscaling in GiB. Default 1000.</summary>
    public int MaxAllocatedStorageGb { get; init; } = 1000;

    /// <summary>Days of automated backups, the point-in-time window, here and in the DR region. Default 14.</summary>
    public int BackupRetentionDays { get; init; } = 14;

    /// <summary>Days of Performance Insights history. Default 7, the retention AWS includes at no charge.</summary>
    public int PerformanceInsightsRetentionDays { get; init; } = 7;

    /// <summary>
    /// The instance identifier (unique per account and region). It names the CloudWatch Logs groups
    /// RDS exports to (<c>/aws/rds/instance/&lt;identifier&gt;/&lt;log&gt;</c>), which the component
    /// creates first with <see cref="LogRetentionDays"/>; RDS would otherwise create them keeping
    /// logs forever. Set once: an existing instance keeps the identifier it was created with.
    /// </summary>
    public required string Identifier { get; init; }

    /// <summary>Days the exported PostgreSQL and upgrade logs are kept. Default 90, like the other logs of a region.</summary>
    public int LogRetentionDays { get; init; } = 90;
}
