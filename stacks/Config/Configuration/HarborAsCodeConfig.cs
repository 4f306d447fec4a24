namespace HarborHa.Configuration;

/// <summary>
/// <c>harbor-ha:garbageCollection</c>: Harbor's garbage collection in every region of every topology.
/// </summary>
public sealed record GarbageCollectionConfig
{
    /// <summary><c>schedule</c>: <c>hourly</c>, <c>daily</c>, <c>weekly</c> or a Harbor cron (six fields, seconds first). Default weekly, Sunday 04:00 UTC.</summary>
    public string Schedule { get; init; } = "0 0 4 * * 0";

    /// <summary>
    /// <c>deleteUntagged</c>: also delete untagged artifacts. Default false: deployments pin images by
    /// digest and their tags move, so an untagged artifact may still be running somewhere.
    /// </summary>
    public bool DeleteUntagged { get; init; }
}

/// <summary><c>harbor-ha:robots</c>: lifetime of the robot accounts the program declares.</summary>
public sealed record RobotsConfig
{
    /// <summary><c>durationDays</c>: days until a robot expires; rotate before then (docs/distribution.md). Default 365.</summary>
    public int DurationDays { get; init; } = 365;
}
