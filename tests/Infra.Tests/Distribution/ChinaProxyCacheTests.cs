using HarborHa.Common;
using HarborHa.Model;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

/// <summary>
/// China cannot reach Docker Hub, ghcr.io, quay.io or registry.k8s.io: no China region declares a
/// registry endpoint for them; where it can reach an overseas Harbor, its proxy caches chain to that
/// Harbor's proxy projects over the private path; and the pull robot never depends on a proxy project.
/// </summary>
public class ChinaProxyCacheTests
{
    private static readonly string[] PublicHosts = ["hub.docker.com", "docker.io", "registry-1.docker.io", "ghcr.io", "quay.io", "registry.k8s.io"];

    public static TheoryData<string> Generated() => GeneratedGeoConfigs.Labels();

    public static TheoryData<string> Matrix() => GeoPrograms.Matrix();

    [Theory]
    [MemberData(nameof(Generated))]
    public void Generated_geo_configs_proxy_no_public_registry_from_China(string label) =>
        Assert.Empty(Problems(GeneratedGeoConfigs.Program(label)));

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Shipped_geo_configs_proxy_no_public_registry_from_China(string name) =>
        Assert.Empty(Problems(GeoPrograms.Named(name)));

    [Fact]
    public void A_China_upstream_pointing_at_Docker_Hub_is_caught()
    {
        var geo = GeoPrograms.Of(GeoConfigs.TwoSides);
        var resources = geo.Resources();
        var upstream = resources["cn-north-1-harbor-upstream-dockerhub"];
        resources[upstream.Name] = upstream with { Properties = With(upstream.Properties, "endpointUrl", "https://hub.docker.com") };

        Assert.Contains("cn-north-1-harbor-upstream-dockerhub fetches from hub.docker.com, which China cannot reach", Problems(geo.Config, resources));
    }

    [Fact]
    public void China_regions_that_resolve_overseas_names_chain_every_default_cache_and_spokes_leave_them_out()
    {
        var geo = GeoPrograms.Of(GeoConfigs.TwoSides);

        foreach (var cache in new[] { "dockerhub", "ghcr", "quay", "k8s" })
        {
            // The China primary and hub resolves overseas names; its spoke does not.
            Assert.True(geo.Program.Contains($"cn-north-1-harbor-proxy-{cache}"), cache);
            Assert.False(geo.Program.Contains($"cn-northwest-1-harbor-upstream-{cache}"), cache);
            Assert.True(geo.Program.Contains($"ap-southeast-1-harbor-upstream-{cache}"), cache);
        }
    }

    [Fact]
    public void A_China_only_stack_has_no_public_proxy_cache()
    {
        var geo = GeneratedGeoConfigs.Program("china-only/primary-cn-north-1");

        Assert.DoesNotContain(geo.Program.HarborResources(), r => r.Name.Contains("-harbor-upstream-", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Problems(GeoProgram geo) => Problems(geo.Config, geo.Resources());

    private static IReadOnlyList<string> Problems(HarborHa.Configuration.StackConfig config, IReadOnlyDictionary<string, Resource> resources)
    {
        var problems = new List<string>();
        var vpns = resources.Values.Where(r => r.Type == ResourceTypes.VpnConnection).Select(r => r.Self).ToArray();
        var overseas = config.Regions.Where(r => r.Side == HarborHa.Configuration.Side.Overseas).Select(r => $"https://{r.Name}.{config.Domain}").ToHashSet(StringComparer.Ordinal);
        foreach (var registry in resources.Values.Where(r => r.Type == "harbor:index/registry:Registry" && r.Package == "harbor"))
        {
            var region = registry.HarborRegion();
            if (Partitions.Of(region) != Partition.AwsCn)
            {
                continue;
            }

            var url = registry.Text("endpointUrl") ?? "";
            var host = new Uri(url).Host;
            if (PublicHosts.Contains(host, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{registry.Name} fetches from {host}, which China cannot reach");
            }

            // A chained upstream calls the other side: it waits for the VPN and a ping Job like a replication target.
            if (registry.Name.Contains("-harbor-upstream-", StringComparison.Ordinal) && overseas.Contains(url))
            {
                var waits = registry.Options.DependsOn;
                if (!vpns.All(waits.Contains) || !waits.Any(d => resources[d.Target].Type == "kubernetes:batch/v1:Job"))
                {
                    problems.Add($"{registry.Name} calls {url} without waiting for the VPN and a ping Job");
                }
            }
        }

        foreach (var robot in resources.Values.Where(r => r.Type == "harbor:index/robotAccount:RobotAccount" && r.Text("name") == "pull"))
        {
            if (ValueWalker.Refs(robot.Properties).Any(r => r.Target.Contains("-harbor-proxy-", StringComparison.Ordinal) || r.Target.Contains("-harbor-project-", StringComparison.Ordinal)))
            {
                problems.Add($"{robot.Name}'s permissions reference a project resource");
            }

            if (robot.Options.DependsOn.Any(d => d.Target.Contains("-harbor-proxy-", StringComparison.Ordinal) || d.Target.Contains("-harbor-upstream-", StringComparison.Ordinal)))
            {
                problems.Add($"{robot.Name} waits for a proxy cache");
            }
        }

        return problems;
    }

    private static MapValue With(MapValue properties, string key, Value value)
    {
        var copy = new MapValue();
        foreach (var (k, v) in properties)
        {
            copy.Add(k, k == key ? value : v);
        }

        return copy;
    }
}
