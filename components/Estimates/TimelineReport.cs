using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HarborHa.Estimates;

/// <summary>One resource of the timeline: when it starts and finishes (minutes from the start of <c>pulumi up</c>).</summary>
/// <param name="Resource">The logical name.</param>
/// <param name="Type">Its type token.</param>
/// <param name="Start">Minutes from the start of the update when its create begins.</param>
/// <param name="Finish">Minutes from the start when it is created.</param>
/// <param name="Duration">Its create duration (midpoint, range, source).</param>
/// <param name="Region">Its provider's region, null for resources without an AWS provider.</param>
/// <param name="Slack">Minutes it could finish later without delaying the whole (unbounded parallelism); 0 on the critical path.</param>
public sealed record TimelineEntry(string Resource, string Type, string? Region, double Start, double Finish, CreateDuration Duration, double Slack);

/// <summary>
/// The result of <see cref="Timeline"/>: the critical path (the dependency chain that sets the
/// total with unbounded parallelism), the total with the modelled parallelism, and every
/// resource's start, finish and slack. <see cref="ToJson"/> and <see cref="ToMermaid"/> render it.
/// </summary>
public sealed record TimelineReport(double CriticalPathMinutes, IReadOnlyList<string> Path, double TotalMinutes, int? Parallel, IReadOnlyList<TimelineEntry> Resources)
{
    public TimelineEntry Entry(string resource) => Resources.Single(e => e.Resource == resource);

    /// <summary>
    /// <c>{ "criticalPathMinutes", "path": [names, first created first], "totalMinutes",
    /// "parallel": N | null, "resources": [ { "resource", "type", "start", "finish", "minutes",
    /// "slack" } ] }</c>, minutes rounded to 0.01.
    /// </summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("criticalPathMinutes", R(CriticalPathMinutes));
            w.WriteStartArray("path");
            foreach (var p in Path)
            {
                w.WriteStringValue(p);
            }

            w.WriteEndArray();
            w.WriteNumber("totalMinutes", R(TotalMinutes));
            if (Parallel is { } n)
            {
                w.WriteNumber("parallel", n);
            }
            else
            {
                w.WriteNull("parallel");
            }

            w.WriteStartArray("resources");
            foreach (var e in Resources)
            {
                w.WriteStartObject();
                w.WriteString("resource", e.Resource);
                w.WriteString("type", e.Type);
                w.WriteNumber("start", R(e.Start));
                w.WriteNumber("finish", R(e.Finish));
                w.WriteNumber("minutes", R(e.Duration.Minutes));
                w.WriteNumber("slack", R(e.Slack));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// A Mermaid Gantt chart: one section per region, the resources that take at least
    /// <paramref name="minMinutes"/> plus every resource of the critical path (marked <c>crit</c>).
    /// Times are seconds from the start (Mermaid's <c>dateFormat X</c>).
    /// </summary>
    public string ToMermaid(string title, double minMinutes = 0.5)
    {
        var onPath = Path.ToHashSet(StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append("gantt\n");
        sb.Append(CultureInfo.InvariantCulture, $"    title {Clean(title)}\n");
        sb.Append("    dateFormat X\n");
        sb.Append("    axisFormat %H:%M\n");
        foreach (var section in Resources.Where(e => onPath.Contains(e.Resource) || e.Duration.Minutes >= minMinutes)
                     .GroupBy(e => e.Region ?? "no AWS provider").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"    section {Clean(section.Key)}\n");
            foreach (var e in section.OrderBy(e => e.Start).ThenBy(e => e.Resource, StringComparer.Ordinal))
            {
                var start = (long)Math.Round(e.Start * 60);
                var end = Math.Max(start + 1, (long)Math.Round(e.Finish * 60));
                var tag = onPath.Contains(e.Resource) ? "crit, " : "";
                sb.Append(CultureInfo.InvariantCulture, $"    {Clean(e.Resource)} :{tag}{start}, {end}\n");
            }
        }

        return sb.ToString();
    }

    private static double R(double minutes) => Math.Round(minutes, 2);

    private static string Clean(string text) => text.Replace(':', ' ').Replace('#', ' ').Replace(';', ' ');
}
