using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Stacks;

namespace HarborHa.Tests.Support;

/// <summary>Builds configs and programs from stack-file YAML text, the way users write them.</summary>
public static class TestConfigs
{
    public const string SingleSite = """
        config:
          harbor-ha:topology: single-site
          harbor-ha:environment: dev
          harbor-ha:domain: registry.example.com
          harbor-ha:chinaImageMirror: mirror.example.cn/harbor
          harbor-ha:regions:
            - name: ap-southeast-1
              slot: 0
        """;

    public const string Ha = """
        config:
          harbor-ha:topology: ha
          harbor-ha:domain: registry.example.com
          harbor-ha:chinaImageMirror: mirror.example.cn/harbor
          harbor-ha:regions:
            - name: eu-central-1
              slot: 1
              drRegion: eu-west-1
        """;

    public const string Geo = """
        config:
          harbor-ha:topology: geo
          harbor-ha:domain: registry.example.com
          harbor-ha:chinaImageMirror: mirror.example.cn/harbor
          harbor-ha:regions:
            - name: cn-north-1
              slot: 0
              role: primary
              drRegion: cn-northwest-1
            - name: cn-northwest-1
              slot: 1
            - name: ap-southeast-1
              slot: 0
              drRegion: ap-southeast-2
            - name: eu-central-1
              slot: 1
        """;

    public static StackConfig Parse(string stackYaml) => ConfigParser.Parse(RawConfig.FromStackYaml(stackYaml, "test.yaml"));

    public static PulumiProgram Synth(string stackYaml) => Synthesizer.Build(Parse(stackYaml));

    /// <summary>The committed stack files, found from the test's working directory upwards.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Infra.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Infra.sln not found above the test directory");
    }

    /// <summary>
    /// The stacks the repository ships (dev, staging, prod), listed here rather than globbed, so a stray
    /// <c>Pulumi.*.yaml</c> in a working tree neither adds a stack to the tests nor hides a missing one.
    /// </summary>
    public static IReadOnlyList<string> CommittedStacks() => ["dev", "staging", "prod"];

    public static StackConfig LoadCommitted(string stack) =>
        ConfigParser.Parse(RawConfig.FromStackFile(Path.Combine(RepoRoot(), $"Pulumi.{stack}.yaml")));

    /// <summary>Resources of a type token.</summary>
    public static IReadOnlyList<Resource> OfType(this PulumiProgram program, string type) =>
        program.Resources.Where(r => r.Type == type).ToArray();

    /// <summary>A property as a string literal, or null.</summary>
    public static string? Text(this Resource resource, string property) =>
        resource.Properties.TryGet(property, out var v) && v is Text t ? t.Value : null;
}
