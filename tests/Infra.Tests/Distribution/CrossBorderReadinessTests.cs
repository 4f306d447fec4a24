using HarborHa.Common;
using HarborHa.Model;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

/// <summary>
/// Harbor refuses a registry endpoint it cannot reach when it is created, so every endpoint across
/// the border waits for the VPN, the name resolution in its source region and a Job proving the
/// target answers over the private path; checked on generated geo configs and on every shipped one.
/// </summary>
public class CrossBorderReadinessTests
{
    public static TheoryData<string> Generated() => GeneratedGeoConfigs.Labels();

    public static TheoryData<string> Matrix() => GeoPrograms.Matrix();

    [Theory]
    [MemberData(nameof(Generated))]
    public void Generated_geo_configs_gate_every_cross_border_target(string label) =>
        Assert.Empty(Problems(GeneratedGeoConfigs.Program(label)));

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Shipped_geo_configs_gate_every_cross_border_target(string name) =>
        Assert.Empty(Problems(GeoPrograms.Named(name)));

    [Fact]
    public void A_target_that_skips_its_ping_job_is_caught()
    {
        var geo = GeoPrograms.Of(GeoConfigs.TwoSides);
        var resources = geo.Resources();
        var target = resources["cn-north-1-harbor-target-eu-central-1"];
        resources[target.Name] = target with
        {
            Options = target.Options with { DependsOn = target.Options.DependsOn.Where(d => !d.Target.Contains("-ping-", StringComparison.Ordinal)).ToArray() },
        };

        Assert.Contains(Problems(geo.Config, resources), p => p.StartsWith("cn-north-1-harbor-target-eu-central-1 does not wait for a ping Job", StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_configs_cross_the_border_from_both_sides()
    {
        // The matrix is only worth something if primaries on both sides hold cross-border targets.
        var sources = GeneratedGeoConfigs.All
            .Select(c => GeneratedGeoConfigs.Program(c.Label))
            .SelectMany(g => CrossBorderTargets(g.Config, g.Resources()).Select(t => Partitions.Of(g.Config.Primary.Name)))
            .ToHashSet();

        Assert.Equal([Partition.Aws, Partition.AwsCn], sources.Order());
    }

    private static IReadOnlyList<string> Problems(GeoProgram geo) => Problems(geo.Config, geo.Resources());

    private static IEnumerable<(Resource Endpoint, string Target)> CrossBorderTargets(HarborHa.Configuration.StackConfig config, IReadOnlyDictionary<string, Resource> resources)
    {
        var primary = config.Primary.Name;
        return config.Regions
            .Where(r => Partitions.Of(r.Name) != Partitions.Of(primary))
            .Select(r => (resources[$"{primary}-harbor-target-{r.Name}"], r.Name));
    }

    private static IReadOnlyList<string> Problems(HarborHa.Configuration.StackConfig config, IReadOnlyDictionary<string, Resource> resources)
    {
        var problems = new List<string>();
        var primary = config.Primary.Name;
        var kubernetes = resources.Values.Single(r => r.Type == "kubernetes:helm.sh/v3:Release" && r.Text("chart") == "harbor" && r.Name.StartsWith(primary + "-", StringComparison.Ordinal)).Options.Provider;
        var vpns = resources.Values.Where(r => r.Type == ResourceTypes.VpnConnection).Select(r => r.Name).ToArray();
        if (vpns.Length == 0 && CrossBorderTargets(config, resources).Any())
        {
            problems.Add("the program declares no VPN connection");
        }

        foreach (var (endpoint, target) in CrossBorderTargets(config, resources))
        {
            var waits = endpoint.Options.DependsOn.Select(d => d.Target).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(vpns.Where(v => !waits.Contains(v)).Select(v => $"{endpoint.Name} does not wait for the VPN connection {v}"));

            // The association of the forwarding rule for the target's name, in the VPC of the source region.
            var host = $"{target}.{config.Domain}";
            var association = resources.Values.SingleOrDefault(a => a.Type == "aws:route53/resolverRuleAssociation:ResolverRuleAssociation"
                && a.Properties["resolverRuleId"] is Ref rule && resources[rule.Target].Text("domainName") == host
                && resources[a.Options.Provider!.Target].Text("region") == primary);
            if (association is null || !waits.Contains(association.Name))
            {
                problems.Add($"{endpoint.Name} does not wait for {primary}'s forwarding of {host}");
            }

            var job = waits.Select(w => resources[w]).SingleOrDefault(r => r.Type == "kubernetes:batch/v1:Job");
            if (job is null)
            {
                problems.Add($"{endpoint.Name} does not wait for a ping Job");
                continue;
            }

            if (job.Options.Provider != kubernetes)
            {
                problems.Add($"{job.Name} does not run in {primary}'s cluster");
            }

            var text = Flatten(job.Properties["spec"]);
            if (!text.Contains($"https://{host}/api/v2.0/ping", StringComparison.Ordinal))
            {
                problems.Add($"{job.Name} does not ping https://{host}/api/v2.0/ping");
            }

            var spec = (MapValue)job.Properties["spec"];
            if (spec["backoffLimit"] is not Number { Value: > 0 and <= 5 } || spec["activeDeadlineSeconds"] is not Number { Value: > 0 and <= 3600 })
            {
                problems.Add($"{job.Name} is not bounded (backoffLimit, activeDeadlineSeconds)");
            }

            var image = ((Text)((MapValue)((ListValue)((MapValue)((MapValue)spec["template"])["spec"])["containers"]).Items[0])["image"]).Value;
            var tag = image.Split('@')[0].Split('/')[^1].Split(':').ElementAtOrDefault(1);
            if (tag is null or "latest")
            {
                problems.Add($"{job.Name} runs {image} without a pinned tag");
            }

            if (Partitions.Of(primary) == Partition.AwsCn && !image.StartsWith(config.ChinaImageMirror! + "/", StringComparison.Ordinal))
            {
                problems.Add($"{job.Name} runs {image} from outside the China mirror");
            }

            // The Job proves nothing unless the target answers by then: it waits for the target's release too.
            var release = resources.Values.Single(r => r.Type == "kubernetes:helm.sh/v3:Release" && r.Text("chart") == "harbor" && r.Name.StartsWith(target + "-", StringComparison.Ordinal));
            if (!job.Options.DependsOn.Contains(release.Self))
            {
                problems.Add($"{job.Name} does not wait for {release.Name}");
            }
        }

        return problems;
    }

    /// <summary>Every literal of a value, interpolations joined, references as <c>${…}</c>.</summary>
    private static string Flatten(Value value) => value switch
    {
        Text t => t.Value,
        Interpolation i => string.Concat(i.Parts.Select(Flatten)),
        Ref r => r.Expression,
        ListValue l => string.Join("\n", l.Items.Select(Flatten)),
        MapValue m => string.Join("\n", m.Select(kv => Flatten(kv.Value))),
        _ => "",
    };
}
