using System.Collections.Concurrent;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Stacks;
using HarborHa.Tests.Checks;
using HarborHa.Tests.Distribution;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Monitoring;

/// <summary>
/// The programs the day-two tests read: one generated config per topology and side (from the config
/// matrix), the geo distribution configs and every committed stack, each built once per run.
/// </summary>
public static class MonitoredPrograms
{
    private static readonly ConcurrentDictionary<string, Lazy<(StackConfig Config, PulumiProgram Program)>> Built = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Names { get; } =
    [
        "single-site/china", "single-site/overseas", "ha/china", "ha/overseas", "geo/china", "geo/overseas", "geo/both",
        .. GeoConfigs.Names,
        .. TestConfigs.CommittedStacks().Select(s => $"stack:{s}"),
    ];

    public static TheoryData<string> Matrix()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        return data;
    }

    public static (StackConfig Config, PulumiProgram Program) Of(string name) =>
        Built.GetOrAdd(name, n => new Lazy<(StackConfig, PulumiProgram)>(() => Build(n))).Value;

    private static (StackConfig, PulumiProgram) Build(string name)
    {
        StackConfig config;
        if (name.StartsWith("stack:", StringComparison.Ordinal))
        {
            config = TestConfigs.LoadCommitted(name["stack:".Length..]);
        }
        else if (name.Contains('/', StringComparison.Ordinal))
        {
            var parts = name.Split('/');
            var environment = parts[0] == "single-site" ? "dev" : "prod";
            var exposure = parts[0] == "geo" ? "internal" : "public";
            config = TestConfigs.Parse(ConfigMatrixTests.StackYaml(new ConfigMatrixTests.Case(parts[0], exposure, "acm-dns", parts[1], environment)));
        }
        else
        {
            config = TestConfigs.Parse(GeoConfigs.ByName(name));
        }

        return (config, Synthesizer.Build(config));
    }

    /// <summary>The region a resource is declared in: its AWS provider is <c>&lt;region&gt;-aws</c>.</summary>
    public static string? RegionOf(Resource resource) =>
        resource.Options.Provider is { Target: var p } && p.EndsWith("-aws", StringComparison.Ordinal) ? p[..^"-aws".Length] : null;

    /// <summary>The metric alarms of <paramref name="region"/>.</summary>
    public static IReadOnlyList<Resource> AlarmsIn(PulumiProgram program, string region) =>
        program.OfType(ResourceTypes.MetricAlarm).Where(a => RegionOf(a) == region).ToArray();

    public static string? Namespace(Resource alarm) => alarm.Text("namespace");
}
