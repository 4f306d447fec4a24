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
          harbor-ha:clusterAdminArns: [arn:aws:iam::111122223333:role/harbor-ha-deployer]
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
          harbor-ha:clusterAdminArns: [arn:aws:iam::111122223333:role/harbor-ha-deployer, arn:aws-cn:iam::444455556666:role/harbor-ha-deployer]
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

    /// <summary>
    /// Parses a fixture as a stack file, plus the keys that issue 18 made required when a fixture
    /// written before it leaves them out (tests/Infra.Tests/Distribution/GeoConfigs.cs and inline
    /// fixtures): outside dev, a cluster admin of each partition; with exposure public or both, a
    /// documentation-range client CIDR. Tests of those requirements call <see cref="ParseStrict"/>.
    /// </summary>
    public static StackConfig Parse(string stackYaml) => ConfigParser.Parse(WithRequiredSecurityKeys(RawConfig.FromStackYaml(stackYaml, "test.yaml")));

    /// <summary>Parses a fixture exactly as written.</summary>
    public static StackConfig ParseStrict(string stackYaml) => ConfigParser.Parse(RawConfig.FromStackYaml(stackYaml, "test.yaml"));

    /// <summary>The fixture deployer's role in each partition (documentation account ids).</summary>
    public static readonly IReadOnlyList<string> FixtureAdmins =
        ["arn:aws:iam::111122223333:role/harbor-ha-deployer", "arn:aws-cn:iam::444455556666:role/harbor-ha-deployer"];

    private static RawConfig WithRequiredSecurityKeys(RawConfig raw)
    {
        var values = new SortedDictionary<string, RawValue>(raw.Values.ToDictionary(v => v.Key, v => v.Value), StringComparer.Ordinal);
        string? Text(string key) => values.TryGetValue(key, out var v) && v.Node is System.Text.Json.Nodes.JsonValue j && j.TryGetValue<string>(out var t) ? t : null;
        if (Text("harbor-ha:environment") != "dev" && !values.ContainsKey("harbor-ha:clusterAdminArns"))
        {
            values["harbor-ha:clusterAdminArns"] = new RawValue(new System.Text.Json.Nodes.JsonArray([.. FixtureAdmins.Select(a => (System.Text.Json.Nodes.JsonNode?)a)]), false);
        }

        if (Text("harbor-ha:exposure") is "public" or "both" && !values.ContainsKey("harbor-ha:clientCidrs"))
        {
            values["harbor-ha:clientCidrs"] = new RawValue(new System.Text.Json.Nodes.JsonArray("203.0.113.0/24"), false);
        }

        return raw with { Values = values };
    }

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
