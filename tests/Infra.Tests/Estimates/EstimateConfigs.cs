using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Stacks;
using HarborHa.Tests.Distribution;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Estimates;

/// <summary>Programs the estimate tests run on: the committed stacks, the examples and configs built through the real parser.</summary>
public static class EstimateConfigs
{
    /// <summary>single-site in Singapore (the shape of Pulumi.dev.yaml, without its self-signed certificate).</summary>
    public const string SingleSite = """
        config:
          harbor-ha:topology: single-site
          harbor-ha:environment: dev
          harbor-ha:domain: registry.example.com
          harbor-ha:regions:
            - name: ap-southeast-1
              slot: 0
        """;

    /// <summary>ha in the same region, with a DR region (the shape of Pulumi.staging.yaml).</summary>
    public const string Ha = """
        config:
          harbor-ha:topology: ha
          harbor-ha:domain: registry.example.com
          harbor-ha:regions:
            - name: ap-southeast-1
              slot: 0
              drRegion: ap-southeast-2
        """;

    /// <summary>The committed prod stack (five regions, both sides) with a sixth region added, the way a user adds one.</summary>
    public static string ProdPlusOne() =>
        File.ReadAllText(StackFile("prod")).TrimEnd() + "\n    - name: ap-northeast-1\n      slot: 3\n      drRegion: ap-northeast-3\n";

    public static string StackFile(string stack) => Path.Combine(TestConfigs.RepoRoot(), $"Pulumi.{stack}.yaml");

    public static PulumiProgram Program(string stackYaml) => Synthesizer.Build(TestConfigs.Parse(stackYaml));

    public static StackConfig Committed(string stack) => TestConfigs.LoadCommitted(stack);

    /// <summary>Every committed stack and example, by name.</summary>
    public static IEnumerable<(string Name, StackConfig Config)> CommittedAndExamples()
    {
        foreach (var stack in TestConfigs.CommittedStacks())
        {
            yield return ($"stack {stack}", TestConfigs.LoadCommitted(stack));
        }

        foreach (var file in Directory.GetFiles(Path.Combine(TestConfigs.RepoRoot(), "examples"), "*.yaml").Order(StringComparer.Ordinal))
        {
            yield return ($"example {Path.GetFileName(file)}", ConfigParser.Parse(RawConfig.FromStackFile(file)));
        }
    }

    /// <summary>Committed stacks, examples and the test configs of other suites: every shape the program takes.</summary>
    public static IEnumerable<(string Name, PulumiProgram Program)> AllPrograms()
    {
        foreach (var (name, config) in CommittedAndExamples())
        {
            yield return (name, Synthesizer.Build(config));
        }

        foreach (var (name, yaml) in new[]
                 {
                     ("single-site", SingleSite), ("ha", Ha), ("geo two sides", GeoConfigs.TwoSides), ("geo overseas public", GeoConfigs.OverseasPublic),
                     ("ha with cluster admins", Ha + "\n  harbor-ha:clusterAdminArns:\n    - arn:aws:iam::111122223333:role/platform-admins\n"),
                 })
        {
            yield return (name, Program(yaml));
        }
    }

    public static TheoryData<string> CommittedStackNames()
    {
        var data = new TheoryData<string>();
        foreach (var stack in TestConfigs.CommittedStacks())
        {
            data.Add(stack);
        }

        return data;
    }
}
