using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Stacks;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Model;

/// <summary>
/// Runs the conformance gate (tests/conformance) on the program of every committed stack, every
/// example and the provider-discovery program: the C# model must produce properties that the
/// pinned provider SDKs accept. Needs `npm ci` in tests/conformance (tests/run-all.sh does it).
/// </summary>
public class ConformanceTests
{
    private static string Gate => Path.Combine(TestConfigs.RepoRoot(), "tests", "conformance", "gate.js");

    public static (int Code, string Stdout, string Stderr) RunGate(IEnumerable<string> files)
    {
        var modules = Path.Combine(TestConfigs.RepoRoot(), "tests", "conformance", "node_modules");
        Assert.True(Directory.Exists(modules), "run `npm ci --ignore-scripts` in tests/conformance first (tests/run-all.sh does)");
        var result = ExternalProcess.Run("node", [Gate, .. files]);
        return (result.Code, result.Stdout, result.Stderr);
    }

    [Fact]
    public void Every_committed_stack_and_example_conforms_to_the_provider_sdks()
    {
        var dir = Directory.CreateTempSubdirectory("harbor-ha-conformance-").FullName;
        var files = new List<string>();
        foreach (var stack in TestConfigs.CommittedStacks())
        {
            files.Add(Write(dir, $"stack-{stack}.yaml", TestConfigs.LoadCommitted(stack)));
        }

        foreach (var example in Directory.GetFiles(Path.Combine(TestConfigs.RepoRoot(), "examples"), "*.yaml").Order(StringComparer.Ordinal))
        {
            files.Add(Write(dir, $"example-{Path.GetFileName(example)}", ConfigParser.Parse(RawConfig.FromStackFile(example))));
        }

        // The C# example composes components without the config parser: it must conform too.
        var custom = Path.Combine(dir, "example-custom-topology.yaml");
        File.WriteAllText(custom, YamlWriter.Write(CustomTopology.TeamRegistry.Build()));
        files.Add(custom);

        var discovery = Path.Combine(dir, "providers-only.yaml");
        File.WriteAllText(discovery, YamlWriter.Write(Synthesizer.ProvidersOnly()));
        files.Add(discovery);

        var (code, stdout, stderr) = RunGate(files);
        Assert.True(code == 0, $"conformance gate failed (exit {code}):\n{stderr}\n{stdout}");
        Assert.Contains($"{files.Count} programs", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Gate_rejects_a_property_the_provider_does_not_know()
    {
        var program = Synthesizer.Build(TestConfigs.Parse(TestConfigs.SingleSite));
        var vpc = program.Get("ap-southeast-1-network-vpc");
        program.Replace(vpc with { Properties = new MapValue(vpc.Properties) { ["enableDnsHostname"] = true } });
        var dir = Directory.CreateTempSubdirectory("harbor-ha-conformance-").FullName;
        var file = Path.Combine(dir, "typo.yaml");
        File.WriteAllText(file, YamlWriter.Write(program));
        var (code, _, stderr) = RunGate([file]);
        Assert.Equal(1, code);
        Assert.Contains("ap-southeast-1-network-vpc", stderr, StringComparison.Ordinal);
        Assert.Contains("enableDnsHostname", stderr, StringComparison.Ordinal);
    }

    private static string Write(string dir, string name, StackConfig config)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, YamlWriter.Write(Synthesizer.Build(config)));
        return path;
    }
}
