using HarborHa.Configuration;
using HarborHa.Distribution;
using HarborHa.Model;

namespace HarborHa.Stacks;

/// <summary>
/// Harbor as code in single-site and ha: the same projects, robots, proxy caches, retention and
/// garbage collection as every geo region, through a Harbor provider pointed at the region's Harbor
/// (<c>https://&lt;region&gt;.&lt;domain&gt;</c>). The region is its own primary: it holds the CI robot,
/// and nothing replicates. A China region has no overseas Harbor to chain to, so proxy caches with a
/// public internet upstream are left out there.
/// </summary>
public static class SingleRegionDistribution
{
    public static RegionDistribution Compose(PulumiProgram program, StackConfig config, StackServices services, RegionStack region)
    {
        var credentials = new DistributionCredentials(program, services.Global.Random, ConfigMapping.ProtectionOf(config));
        var caches = config.ProxyCaches.Select(c => GeoDistribution.ProxyCacheOf(program, c))
            .Where(c => region.Region.Side != Side.China || !PublicUpstreams.IsPublic(c))
            .ToArray();
        var distribution = new RegionDistribution(program, new RegionDistributionArgs
        {
            Harbor = GeoDistribution.HarborOf(config, region) with { Role = DistributionRole.Primary },
            Projects = config.Projects.Select(GeoDistribution.ProjectOf).ToArray(),
            ProxyCaches = caches,
            Credentials = credentials,
            Protection = ConfigMapping.ProtectionOf(config),
            GarbageCollection = GeoDistribution.GarbageCollectionOf(config),
            RobotDurationDays = config.Robots.DurationDays,
        });
        GeoDistribution.AddRobotOutputs(program, credentials);
        return distribution;
    }
}
