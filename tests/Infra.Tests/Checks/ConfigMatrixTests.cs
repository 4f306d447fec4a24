using System.Text;
using HarborHa.Checks;
using HarborHa.Model;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Checks;

/// <summary>
/// Every config a user can write along the axes that change the program's shape synthesizes, passes
/// <c>infra check</c> and keeps the topology invariants: topology × exposure × certificate mode ×
/// sides (China only, overseas only, both), in the environment each topology is meant for (single-site:
/// dev; ha and geo: prod), plus each topology in the other environment. Synthesis validates the program
/// (the synthesizer refuses an invalid graph) and prints it as YAML.
/// </summary>
public sealed class ConfigMatrixTests
{
    public sealed record Case(string Topology, string Exposure, string Certificate, string Sides, string Environment)
    {
        public override string ToString() => $"{Topology}/{Exposure}/{Certificate}/{Sides}/{Environment}";
    }

    private static readonly string[] CertificateModes = ["acm-dns", "imported", "self-signed"];

    /// <summary>The regions of each side choice: geo takes two or more regions, single-site and ha one.</summary>
    private static IReadOnlyList<(string Name, int Slot)> Regions(string topology, string sides) => (topology, sides) switch
    {
        ("geo", "china") => [("cn-north-1", 0), ("cn-northwest-1", 1)],
        ("geo", "overseas") => [("ap-southeast-1", 0), ("eu-central-1", 1)],
        ("geo", _) => [("cn-north-1", 0), ("cn-northwest-1", 1), ("ap-southeast-1", 0)],
        (_, "china") => [("cn-north-1", 0)],
        _ => [("ap-southeast-1", 0)],
    };

    private static IEnumerable<Case> All()
    {
        var exposures = new Dictionary<string, string[]>
        {
            ["geo"] = ["internal", "both"],
            ["ha"] = ["public", "internal", "both"],
            ["single-site"] = ["public", "internal"],
        };
        var sides = new Dictionary<string, string[]>
        {
            ["geo"] = ["china", "overseas", "both"],
            ["ha"] = ["china", "overseas"],
            ["single-site"] = ["china", "overseas"],
        };
        foreach (var (topology, topologyExposures) in exposures)
        {
            var environment = topology == "single-site" ? "dev" : "prod";
            var other = topology == "single-site" ? "prod" : "dev";
            foreach (var side in sides[topology])
            {
                foreach (var exposure in topologyExposures)
                {
                    foreach (var mode in CertificateModes)
                    {
                        yield return new Case(topology, exposure, mode, side, environment);
                    }
                }

                yield return new Case(topology, topologyExposures[^1], "acm-dns", side, other);
            }
        }
    }

    /// <summary>
    /// Known defect (issue 11): geo with a public side (exposure both) and a certificate that needs no
    /// validation records declares <c>global-dns-public-zone</c> itself, unprotected and named by the
    /// certificate mode. Fixed by the components refactor, which declares the public zone once.
    /// </summary>
    private static bool PublicZoneDefect(Case c) =>
        c.Topology == "geo" && c.Exposure == "both" && c.Certificate is "imported" or "self-signed";

    public static TheoryData<string, string, string, string, string> Cases() => Data(All().Where(c => !PublicZoneDefect(c)));

    public static TheoryData<string, string, string, string, string> DefectCases() => Data(All().Where(PublicZoneDefect));

    private static TheoryData<string, string, string, string, string> Data(IEnumerable<Case> cases)
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var c in cases)
        {
            data.Add(c.Topology, c.Exposure, c.Certificate, c.Sides, c.Environment);
        }

        return data;
    }

    public static string StackYaml(Case c)
    {
        var regions = Regions(c.Topology, c.Sides);
        var yaml = new StringBuilder();
        yaml.AppendLine("config:");
        yaml.AppendLine($"  harbor-ha:topology: {c.Topology}");
        yaml.AppendLine($"  harbor-ha:environment: {c.Environment}");
        yaml.AppendLine("  harbor-ha:domain: registry.example.com");
        yaml.AppendLine($"  harbor-ha:exposure: {c.Exposure}");
        if (regions.Any(r => r.Name.StartsWith("cn-", StringComparison.Ordinal)))
        {
            yaml.AppendLine("  harbor-ha:chinaImageMirror: 123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/mirror");
        }

        if (c.Exposure is "public" or "both")
        {
            // Internet-facing load balancers admit only listed clients (documentation range).
            yaml.AppendLine("  harbor-ha:clientCidrs: [203.0.113.0/24]");
        }

        if (c.Environment != "dev")
        {
            // Outside dev the clusters' admins are named per partition (no hidden creator admin).
            yaml.AppendLine("  harbor-ha:clusterAdminArns: [arn:aws:iam::111122223333:role/admins, arn:aws-cn:iam::444455556666:role/admins]");
        }

        var china = regions.Where(r => r.Name.StartsWith("cn-", StringComparison.Ordinal)).ToArray();
        if (c.Topology == "geo" && china.Length > 0 && china.Length < regions.Count)
        {
            // The VPN appliances boot a pinned image (an example id, as a user's stack file would carry).
            yaml.AppendLine("  harbor-ha:vpn:");
            yaml.AppendLine("    applianceAmis:");
            foreach (var (name, _) in china)
            {
                yaml.AppendLine($"      {name}: ami-0123456789abcdef0");
            }
        }

        yaml.AppendLine("  harbor-ha:certificate:");
        yaml.AppendLine($"    mode: {c.Certificate}");
        if (c.Certificate == "imported")
        {
            yaml.AppendLine("    arns:");
            foreach (var (name, _) in regions)
            {
                var partition = name.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn" : "aws";
                yaml.AppendLine($"      {name}: arn:{partition}:acm:{name}:123456789012:certificate/00000000-0000-0000-0000-000000000000");
            }
        }

        yaml.AppendLine("  harbor-ha:regions:");
        for (var i = 0; i < regions.Count; i++)
        {
            yaml.AppendLine($"    - name: {regions[i].Name}");
            yaml.AppendLine($"      slot: {regions[i].Slot}");
            if (i == 0 && c.Topology == "geo")
            {
                yaml.AppendLine("      role: primary");
            }
        }

        return yaml.ToString();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_config_synthesizes_passes_infra_check_and_keeps_the_topology_invariants(string topology, string exposure, string certificate, string sides, string environment) =>
        Verify(new Case(topology, exposure, certificate, sides, environment));

    [Theory]
    [MemberData(nameof(DefectCases))]
    public void Geo_with_a_public_side_and_a_certificate_without_dns_validation(string topology, string exposure, string certificate, string sides, string environment) =>
        Verify(new Case(topology, exposure, certificate, sides, environment));

    [Theory]
    [InlineData("china")]
    [InlineData("overseas")]
    [InlineData("both")]
    public void Geo_keeps_its_public_zone_when_the_certificate_mode_changes(string sides)
    {
        // A renamed zone is a new zone: new name servers, and the parent domain's delegation breaks.
        var zones = CertificateModes
            .Select(mode => TestConfigs.Synth(StackYaml(new Case("geo", "both", mode, sides, "prod"))))
            .Select(p => string.Join(", ", p.Resources.Where(r => r.Type == ResourceTypes.Route53Zone && !r.Properties.ContainsKey("vpcs")).Select(r => r.Name)))
            .ToArray();

        Assert.Single(zones.Distinct());
    }

    [Fact]
    public void The_matrix_covers_every_topology_exposure_certificate_mode_and_side()
    {
        var all = All().ToArray();

        Assert.Equal(6, All().Count(PublicZoneDefect));
        Assert.Equal(["geo", "ha", "single-site"], all.Select(c => c.Topology).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["both", "internal", "public"], all.Select(c => c.Exposure).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(CertificateModes, all.Select(c => c.Certificate).Distinct());
        Assert.Equal(["both", "china", "overseas"], all.Where(c => c.Topology == "geo").Select(c => c.Sides).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["dev", "prod"], all.Select(c => c.Environment).Distinct().Order(StringComparer.Ordinal));
    }

    private static void Verify(Case c)
    {
        var program = TestConfigs.Synth(StackYaml(c));
        Assert.NotEmpty(YamlWriter.Write(program));

        var report = CheckRunner.Run(program);
        Assert.Empty(report.Failures.SelectMany(f => f.Findings.Where(x => !x.Accepted).Select(x => $"{f.Rule.Id}: {x.Resource}: {x.Message}")));

        OneProviderPerRegion(program);
        OneZonePerNameAndSide(program);
        StatefulProtectedExactlyOutsideDev(program, c.Environment);
        SecretsStaySecret(program);
    }

    /// <summary>Stack-wide: one AWS provider per region (DR and DNS regions included), one per other package.</summary>
    private static void OneProviderPerRegion(PulumiProgram program)
    {
        var aws = program.Resources.Where(r => r.Type == ResourceTypes.AwsProvider).ToArray();
        Assert.All(aws.GroupBy(p => Region(p)), g => Assert.True(g.Count() == 1, $"region {g.Key} has providers {string.Join(", ", g.Select(p => p.Name))}"));
        Assert.Single(program.Resources, r => r.Type == "pulumi:providers:random");
        Assert.Single(program.Resources, r => r.Type == "pulumi:providers:tls");
    }

    /// <summary>Stack-wide: a domain has at most one public and one private hosted zone on each side (partition).</summary>
    private static void OneZonePerNameAndSide(PulumiProgram program)
    {
        var zones = program.Resources.Where(r => r.Type == ResourceTypes.Route53Zone)
            .GroupBy(z => (
                Partition: AwsPartition.Of(Region(program.Get(z.Options.Provider!.Target))),
                Name: ((Text)z.Properties["name"]).Value,
                Private: z.Properties.ContainsKey("vpcs")));
        Assert.All(zones, g => Assert.True(g.Count() == 1,
            $"{(g.Key.Private ? "private" : "public")} zone {g.Key.Name} is declared {g.Count()} times in {g.Key.Partition}: {string.Join(", ", g.Select(z => z.Name))}"));
    }

    private static void StatefulProtectedExactlyOutsideDev(PulumiProgram program, string environment)
    {
        var stateful = program.Resources.Where(r => ReplacementTable.IsStateful(r.Type)).ToArray();
        Assert.NotEmpty(stateful);
        Assert.All(stateful, r => Assert.True(r.Options.Protect == (environment != "dev"),
            $"{r.Name} is {(r.Options.Protect ? "" : "not ")}protected in {environment}"));
    }

    /// <summary>Generated secrets are secret in state, and no plain stack output carries one.</summary>
    private static void SecretsStaySecret(PulumiProgram program)
    {
        Assert.All(program.Resources.Where(r => r.Type == ResourceTypes.RandomPassword), r => Assert.Contains("result", r.Options.AdditionalSecretOutputs));
        Assert.All(program.Resources.Where(r => r.Type == ResourceTypes.IamAccessKey), r => Assert.Contains("secret", r.Options.AdditionalSecretOutputs));
        var secretOutputs = program.Resources
            .SelectMany(r => r.Options.AdditionalSecretOutputs.Select(o => $"{r.Name}.{o}"))
            .Concat(program.Resources.Where(r => r.Type == ResourceTypes.TlsPrivateKey).Select(r => $"{r.Name}.privateKeyPem"))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (name, value) in program.Outputs.Where(o => o.Value is not Secret))
        {
            var leaked = ValueWalker.Refs(value).Select(r => $"{r.Target}.{r.Path}").Where(secretOutputs.Contains).ToArray();
            Assert.True(leaked.Length == 0, $"output {name} shows {string.Join(", ", leaked)} in clear");
        }
    }

    private static string Region(Resource awsProvider) => ((Text)awsProvider.Properties["region"]).Value;
}
