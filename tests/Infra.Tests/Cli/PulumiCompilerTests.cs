using System.Text.Json.Nodes;
using HarborHa.Model;
using HarborHa.Stacks;
using HarborHa.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace HarborHa.Tests.Cli;

/// <summary>
/// Runs the compiler command from Pulumi.yaml exactly as Pulumi does: split into words, executed
/// without a shell in the project folder, config in PULUMI_CONFIG (structured values as JSON text).
/// </summary>
public class PulumiCompilerTests
{
    private static string[] CompilerCommand()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(TestConfigs.RepoRoot(), "Pulumi.yaml"))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        Assert.Equal("harbor-ha", root["name"].ToString());
        Assert.Equal("yaml", root["runtime"]["name"].ToString());
        return root["runtime"]["options"]["compiler"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The stack file's harbor-ha config as Pulumi passes it: every value a string.</summary>
    private static string PulumiConfigJson(string stack)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(TestConfigs.RepoRoot(), $"Pulumi.{stack}.yaml"))));
        var config = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["config"];
        var json = new JsonObject();
        foreach (var (key, value) in config.Children)
        {
            json[key.ToString()] = value is YamlScalarNode s ? s.Value : ToJson(value)!.ToJsonString();
        }

        return json.ToJsonString();
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlScalarNode s when int.TryParse(s.Value, out var i) => i,
        YamlScalarNode s when s.Value is "true" or "false" => s.Value == "true",
        YamlScalarNode s => s.Value,
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlMappingNode map => new JsonObject(map.Children.Select(e => KeyValuePair.Create(e.Key.ToString(), ToJson(e.Value)))),
        _ => null,
    };

    private static Dictionary<string, string> PulumiEnvironment(string stack) => new()
    {
        ["PULUMI_STACK"] = stack,
        ["PULUMI_PROJECT"] = "harbor-ha",
        ["PULUMI_ORGANIZATION"] = "acme",
        ["PULUMI_ROOT_DIRECTORY"] = TestConfigs.RepoRoot(),
        ["PULUMI_CONFIG"] = PulumiConfigJson(stack),
    };

    private static (int Code, string Stdout, string Stderr) RunCompiler(Dictionary<string, string> environment)
    {
        var command = CompilerCommand();
        var result = ExternalProcess.Run(command[0], command.Skip(1), TestConfigs.RepoRoot(), environment);
        return (result.Code, result.Stdout, result.Stderr);
    }

    [Fact]
    public void Compiler_prints_the_prod_program_from_pulumi_config_and_only_providers_without_a_stack()
    {
        var withStack = RunCompiler(PulumiEnvironment("prod"));
        Assert.True(withStack.Code == 0, withStack.Stderr);
        Assert.Equal(YamlWriter.Write(Synthesizer.Build(TestConfigs.LoadCommitted("prod"))), withStack.Stdout);

        var discovery = RunCompiler([]);
        Assert.True(discovery.Code == 0, discovery.Stderr);
        Assert.Equal(YamlWriter.Write(Synthesizer.ProvidersOnly()), discovery.Stdout);
    }

    [Fact]
    public void Compiler_is_a_launcher_that_builds_once_and_prints_only_yaml_on_stdout_cold_and_warm()
    {
        Assert.Equal(["bash", "infra/compile.sh"], CompilerCommand());
        var cache = Directory.CreateTempSubdirectory("harbor-ha-compiler-");
        try
        {
            // A fresh cache is a fresh clone's first run: the launcher builds, on stderr only.
            var environment = PulumiEnvironment("dev");
            environment["HARBOR_HA_CACHE"] = cache.FullName;
            var expected = YamlWriter.Write(Synthesizer.Build(TestConfigs.LoadCommitted("dev")));

            var cold = RunCompiler(environment);
            Assert.True(cold.Code == 0, cold.Stderr);
            Assert.Equal(expected, cold.Stdout);
            Assert.Contains("building the compiler", cold.Stderr, StringComparison.Ordinal);
            Assert.Single(Directory.GetDirectories(cache.FullName));

            var warm = RunCompiler(environment);
            Assert.True(warm.Code == 0, warm.Stderr);
            Assert.Equal(expected, warm.Stdout);
            Assert.DoesNotContain("building", warm.Stderr, StringComparison.Ordinal);

            environment.Remove("PULUMI_STACK");
            environment.Remove("PULUMI_CONFIG");
            var discovery = RunCompiler(environment);
            Assert.True(discovery.Code == 0, discovery.Stderr);
            Assert.Equal(YamlWriter.Write(Synthesizer.ProvidersOnly()), discovery.Stdout);
        }
        finally
        {
            cache.Delete(recursive: true);
        }
    }
}
