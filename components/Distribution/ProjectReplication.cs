namespace HarborHa.Distribution;

/// <summary>Whether the primary's push rules carry a project to the other regions.</summary>
public enum ProjectReplication
{
    /// <summary>Every artifact pushed to the primary reaches every other region. The default: the point of a geo registry.</summary>
    EveryRegion,

    /// <summary>Only the primary serves the project; the project still exists, empty, in every region.</summary>
    PrimaryOnly,
}
