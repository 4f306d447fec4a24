using HarborHa.Model;

namespace HarborHa.Monitoring;

/// <summary>
/// One CloudWatch metric alarm, before it is bound to a region and its topic.
/// </summary>
/// <param name="Role">Name part of the alarm, e.g. <c>db-cpu</c>; the logical name is <c>&lt;region&gt;-alarm-&lt;role&gt;</c>.</param>
/// <param name="Component">What is watched, in words (<c>PostgreSQL</c>, <c>Redis</c>, ...).</param>
/// <param name="Runbook">Section of docs/operations.md that says what to do (the anchor, without <c>#</c>).</param>
/// <param name="Summary">What the alarm means, e.g. <c>CPU above 80% for 15 minutes</c>.</param>
/// <param name="Threshold">The override name of its threshold in <see cref="AlarmThresholds"/>, or null when fixed.</param>
/// <param name="Namespace">CloudWatch namespace, e.g. <c>AWS/RDS</c>.</param>
/// <param name="MetricName">The metric, e.g. <c>CPUUtilization</c>.</param>
/// <param name="Dimensions">The metric's dimensions (names to values or references).</param>
/// <param name="Statistic"><c>Average</c>, <c>Sum</c>, <c>Minimum</c> or <c>Maximum</c>.</param>
/// <param name="PeriodSeconds">Length of one evaluated period.</param>
/// <param name="EvaluationPeriods">Consecutive breaching periods before the alarm fires.</param>
/// <param name="Value">The threshold in the metric's unit (bytes, percent, count, seconds).</param>
/// <param name="Comparison">CloudWatch comparison operator, e.g. <c>GreaterThanThreshold</c>.</param>
/// <param name="TreatMissingData"><c>missing</c>, <c>notBreaching</c> or <c>breaching</c> (a silent probe is breaching).</param>
public sealed record AlarmSpec(
    string Role,
    string Component,
    string Runbook,
    string Summary,
    string? Threshold,
    string Namespace,
    string MetricName,
    MapValue Dimensions,
    string Statistic,
    int PeriodSeconds,
    int EvaluationPeriods,
    long Value,
    string Comparison,
    string TreatMissingData = "missing");
