namespace HarborHa.Database;

/// <summary>
/// Where a rebuilt database comes from (a disaster-recovery rebuild). RDS reads these only when the
/// instance is created, so they are ignored on a live instance: setting them never replaces it.
/// Exactly one of <see cref="SnapshotIdentifier"/> and <see cref="AutomatedBackupsArn"/>.
/// </summary>
public sealed record DatabaseRestore
{
    /// <summary>RDS snapshot identifier or ARN to create the instance from.</summary>
    public string? SnapshotIdentifier { get; init; }

    /// <summary>ARN of (replicated) automated backups to restore to a point in time from.</summary>
    public string? AutomatedBackupsArn { get; init; }

    /// <summary>Point in time (RFC 3339, UTC) for <see cref="AutomatedBackupsArn"/>. Default null: the latest restorable time.</summary>
    public string? RestoreTime { get; init; }
}
