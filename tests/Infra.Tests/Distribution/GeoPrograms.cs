using System.Collections.Concurrent;
using HarborHa.Configuration;
using HarborHa.Stacks;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

/// <summary>
/// Real geo programs: config text read by the real parser, built by the real
/// <see cref="Synthesizer"/>, once per test run. Tests read them; mutation tests mutate copies of
/// their resources (<see cref="GeoProgram.Resources"/>), never the shared program.
/// </summary>
public static class GeoPrograms
{
    private static readonly ConcurrentDictionary<string, Lazy<GeoProgram>> Built = new(StringComparer.Ordinal);

    /// <summary>The program of a stack file's text, e.g. one of <see cref="GeoConfigs"/>.</summary>
    public static GeoProgram Of(string stackYaml) =>
        Built.GetOrAdd(stackYaml, yaml => new Lazy<GeoProgram>(() => Build(Label(yaml), TestConfigs.Parse(yaml)))).Value;

    /// <summary>
    /// A program of the matrix by name: a <see cref="GeoConfigs"/> constant, <c>stack:NAME</c> for a
    /// committed stack file, or <c>example:FILE</c> for a file under examples/.
    /// </summary>
    public static GeoProgram Named(string name) => name switch
    {
        _ when name.StartsWith("stack:", StringComparison.Ordinal) =>
            File(name, Path.Combine(TestConfigs.RepoRoot(), $"Pulumi.{name["stack:".Length..]}.yaml")),
        _ when name.StartsWith("example:", StringComparison.Ordinal) =>
            File(name, Path.Combine(TestConfigs.RepoRoot(), "examples", name["example:".Length..])),
        _ => Of(GeoConfigs.ByName(name)),
    };

    /// <summary>
    /// Every geo program the tests know: the distribution configs, and every committed stack and
    /// example whose topology is geo, so what users run is covered as it changes.
    /// </summary>
    public static TheoryData<string> Matrix()
    {
        var data = new TheoryData<string>();
        foreach (var name in GeoConfigs.Names)
        {
            data.Add(name);
        }

        foreach (var stack in TestConfigs.CommittedStacks().Where(s => TestConfigs.LoadCommitted(s).Topology == Topology.Geo))
        {
            data.Add($"stack:{stack}");
        }

        foreach (var file in Directory.GetFiles(Path.Combine(TestConfigs.RepoRoot(), "examples"), "*.yaml").Order(StringComparer.Ordinal))
        {
            if (ConfigParser.Parse(RawConfig.FromStackFile(file)).Topology == Topology.Geo)
            {
                data.Add($"example:{Path.GetFileName(file)}");
            }
        }

        return data;
    }

    private static GeoProgram File(string label, string path) =>
        Built.GetOrAdd(label, _ => new Lazy<GeoProgram>(() => Build(label, ConfigParser.Parse(RawConfig.FromStackFile(path))))).Value;

    private static GeoProgram Build(string label, StackConfig config) => new(label, config, Synthesizer.Build(config));

    private static string Label(string yaml) => GeoConfigs.Names.FirstOrDefault(n => GeoConfigs.ByName(n) == yaml) ?? "custom config";
}
