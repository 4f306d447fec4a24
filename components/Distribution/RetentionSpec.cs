namespace HarborHa.Distribution;

/// <summary>
/// Which artifacts of a project each region keeps: Harbor keeps an artifact that matches any rule
/// and deletes the rest when the policy runs, so a policy needs at least one rule (a policy without
/// rules would delete everything; <see cref="RegionDistribution"/> refuses it).
/// </summary>
public sealed record RetentionSpec
{
    /// <summary>Keep the N most recently pushed artifacts of each repository. Default null: no such rule.</summary>
    public int? KeepLastPushed { get; init; }

    /// <summary>Keep artifacts pushed within this many days. Default null: no such rule.</summary>
    public int? KeepPushedWithinDays { get; init; }

    /// <summary>How often the policy runs. Default daily: deletions follow pushes within a day, outside working hours.</summary>
    public RetentionFrequency Frequency { get; init; } = RetentionFrequency.Daily;
}
