namespace HarborHa.Distribution;

/// <summary>A region's part in image distribution: the one writer, or a region that only receives.</summary>
public enum DistributionRole
{
    /// <summary>
    /// A replica: receives the primary's pushes through its replicator robot and never replicates
    /// itself. The default, because a second writer would need rules back, and Harbor has no loop guard.
    /// </summary>
    Replica,

    /// <summary>The primary: CI pushes here (its CI robot) and it holds one push rule per other region.</summary>
    Primary,
}
