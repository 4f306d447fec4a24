namespace HarborHa.Configuration;

/// <summary>
/// <c>retention</c> of a project: Harbor keeps an artifact that matches any rule and deletes the
/// rest when the policy runs. At least one of the two limits is set.
/// </summary>
public sealed record RetentionConfig
{
    /// <summary><c>keepLastPushed</c>: keep the N most recently pushed artifacts of each repository.</summary>
    public int? KeepLastPushed { get; init; }

    /// <summary><c>keepPushedWithinDays</c>: keep artifacts pushed within this many days.</summary>
    public int? KeepPushedWithinDays { get; init; }

    /// <summary><c>schedule</c>: <c>hourly</c>, <c>daily</c> or <c>weekly</c>. Default daily.</summary>
    public RetentionSchedule Schedule { get; init; } = RetentionSchedule.Daily;
}

/// <summary>How often a retention policy runs.</summary>
public enum RetentionSchedule
{
    Hourly,
    Daily,
    Weekly,
}
