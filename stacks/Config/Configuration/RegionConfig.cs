namespace HarborHa.Configuration;

/// <summary>One entry of <c>harbor-ha:regions</c>, validated.</summary>
public sealed record RegionConfig
{
    /// <summary>AWS region code, e.g. <c>ap-southeast-1</c>; <c>cn-*</c> codes are in the China partition.</summary>
    public required string Name { get; init; }

    /// <summary>Fixed place in the side's CIDR plan (0–15); never changes once given.</summary>
    public required int Slot { get; init; }

    public RegionRole Role { get; init; } = RegionRole.Replica;

    /// <summary>Whether this region is its side's transit hub.</summary>
    public bool IsHub { get; init; }

    /// <summary>Availability zones used; single-site defaults to 2 (the least an ALB and EKS accept), ha/geo to 3.</summary>
    public required int AzCount { get; init; }

    /// <summary>
    /// Region holding this region's disaster-recovery copies, in the same partition; null for none.
    /// In ha and geo, the region's default partner (<c>DrPartners</c>) when <c>drRegion</c> is not given.
    /// </summary>
    public string? DrRegion { get; init; }

    /// <summary>Where <see cref="DrRegion"/> comes from: given, the topology's default, or <c>drRegion: none</c>.</summary>
    public DrRegionSource DrRegionSource { get; init; } = DrRegionSource.Given;

    /// <summary>Set only while rebuilding a lost region: where its state comes back from.</summary>
    public RestoreSource? Restore { get; init; }

    /// <summary>
    /// <c>lost: true</c>: the region is gone (a disaster). Nothing is declared in it or needs it
    /// reachable; its slot stays taken and its DR copies in its DR region stay declared, so it can be
    /// rebuilt from them. <see cref="StackConfig.Regions"/> never contains a lost region.
    /// </summary>
    public bool IsLost { get; init; }

    public Side Side => Regions.SideOf(Name);

    public bool IsPrimary => Role == RegionRole.Primary;
}

/// <summary>
/// What a region's stateful components are rebuilt from (DESIGN.md, disaster-recovery rebuild).
/// Setting it on an existing region changes only the restore inputs, never logical names.
/// </summary>
public sealed record RestoreSource
{
    /// <summary>RDS snapshot identifier or ARN to create the database from.</summary>
    public string? DatabaseSnapshot { get; init; }

    /// <summary>ARN of replicated automated backups to restore to a point in time from.</summary>
    public string? DatabaseBackupArn { get; init; }

    /// <summary>Point in time (RFC 3339, UTC) for <see cref="DatabaseBackupArn"/>; null means the latest restorable time.</summary>
    public string? DatabaseRestoreTime { get; init; }

    /// <summary>How registry storage comes back from the DR bucket.</summary>
    public StorageRestore Storage { get; init; } = StorageRestore.None;

    /// <summary>
    /// <c>storage: { replicaOf: R }</c>: Harbor serves the DR bucket of lost region R directly (the
    /// region is R rebuilt in R's DR region); null otherwise. <see cref="Storage"/> is then None.
    /// </summary>
    public string? StorageReplicaOf { get; init; }
}

/// <summary>How a rebuilt region gets its registry objects back.</summary>
public enum StorageRestore
{
    /// <summary>Use the region's own bucket (it survived or is empty).</summary>
    None,

    /// <summary>Point Harbor at the DR bucket directly (fastest; the DR bucket becomes the live one).</summary>
    UseDr,

    /// <summary>Replicate the DR bucket back into a new regional bucket (S3 batch replication, run by the runbook).</summary>
    CopyFromDr,
}
