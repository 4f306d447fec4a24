using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Monitoring;

/// <summary>
/// Declares a region's alarms on its own alert topic. Every alarm's description names the region,
/// the component and the runbook section, so whoever is paged knows where to look; OK actions go to
/// the topic too, so a recovery is seen.
/// </summary>
public sealed class RegionAlarms
{
    /// <summary>Where the runbooks live, relative to the repository.</summary>
    public const string RunbookDocument = "docs/operations.md";

    private readonly PulumiProgram _program;
    private readonly AlertTopic _topic;

    public RegionAlarms(PulumiProgram program, AlertTopic topic, AlarmThresholds thresholds)
    {
        _program = program;
        _topic = topic;
        Thresholds = thresholds;
    }

    public AlarmThresholds Thresholds { get; }

    public string Region => _topic.Region;

    public AlertTopic Topic => _topic;

    /// <summary>Logical name of the alarm with role <paramref name="role"/>.</summary>
    public string NameOf(string role) => LogicalName.Of(Region, "alarm", role);

    /// <summary>The description every alarm carries.</summary>
    public string Describe(AlarmSpec spec) =>
        $"harbor-ha {Region} {spec.Component}: {spec.Summary}. Runbook: {RunbookDocument}#{spec.Runbook}";

    /// <summary>Declares the alarm of <paramref name="spec"/>; <paramref name="extraActions"/> run beside the notifications.</summary>
    public Resource Add(AlarmSpec spec, IReadOnlyList<Value>? extraActions = null) =>
        _program.Declare(NameOf(spec.Role), ResourceTypes.MetricAlarm, _topic.Provider, new MapValue
        {
            ["alarmDescription"] = Describe(spec),
            ["namespace"] = spec.Namespace,
            ["metricName"] = spec.MetricName,
            ["dimensions"] = spec.Dimensions,
            ["statistic"] = spec.Statistic,
            ["period"] = spec.PeriodSeconds,
            ["evaluationPeriods"] = spec.EvaluationPeriods,
            ["threshold"] = spec.Value,
            ["comparisonOperator"] = spec.Comparison,
            ["treatMissingData"] = spec.TreatMissingData,
            ["alarmActions"] = new ListValue([.. _topic.Actions, .. extraActions ?? []]),
            ["okActions"] = new ListValue([.. _topic.Actions]),
            ["tags"] = ProgramExtensions.NameTag(NameOf(spec.Role)),
        });

    /// <summary>
    /// An EventBridge rule of this region whose matching events go to the alert topic (for what
    /// services report as events rather than metrics: failovers, failed backups).
    /// </summary>
    public Resource AddEventRule(string role, string description, Value pattern)
    {
        var rule = _program.Declare(LogicalName.Of(Region, "events", role), ResourceTypes.EventRule, _topic.Provider, new MapValue
        {
            ["description"] = description,
            ["eventPattern"] = pattern,
            ["tags"] = ProgramExtensions.NameTag(LogicalName.Of(Region, "events", role)),
        });
        _program.Declare(LogicalName.Of(Region, "events", role, "to-alerts"), ResourceTypes.EventTarget, _topic.Provider, new MapValue
        {
            ["rule"] = rule.Out("name"),
            ["arn"] = _topic.Arn,
        });
        return rule;
    }
}
