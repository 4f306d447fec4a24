namespace HarborHa.Distribution;

/// <summary>
/// The robot accounts the program declares. Each has the same name and the same secret in every
/// region where it exists, so one set of credentials works against any region's Harbor.
/// </summary>
public enum RobotRole
{
    /// <summary><c>robot$ci</c>: pushes from CI, in the primary only (the one writer).</summary>
    Ci,

    /// <summary><c>robot$pull</c>: pulls managed and proxy-cache projects, in every region.</summary>
    Pull,

    /// <summary><c>robot$replicator</c>: the primary's replication rules push with it, in every other region.</summary>
    Replicator,
}
