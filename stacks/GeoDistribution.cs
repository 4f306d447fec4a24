using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Distribution;
using HarborHa.Dns;
using HarborHa.Dragonfly;
using HarborHa.Model;
using HarborHa.Network;
using HarborHa.Planning;

namespace HarborHa.Stacks;

/// <summary>
/// geo's image distribution over the regions <see cref="Geo"/> built: one set of Harbor settings
/// everywhere, the primary as the only writer, private DNS, Dragonfly.
/// </summary>
public static class GeoDistribution
{
    /// <summary>
    /// Turns the per-region Harbors into one distribution system: private DNS on each side and
    /// across the VPN, public names when exposure is <c>both</c>, Dragonfly in every region, every
    /// region's Harbor configured from the same config (projects, robots, proxy caches, preheat),
    /// and the primary's push rules to every other region. Call it once the registry tier has
    /// declared each region's cluster, load balancers and Harbor release; the registry tier merges
    /// <see cref="HarborDistributionValues.For"/> into each release's values.
    /// </summary>
    /// <param name="program">The stack's program, where the other tiers already declared each region.</param>
    /// <param name="config">The stack's validated config.</param>
    /// <param name="global">The global random provider (robot secrets, Dragonfly passwords).</param>
    /// <param name="harbors">Every region of the stack, by region code, as the registry tier built it.</param>
    /// <param name="publicZone">The stack's public zone (required with exposure <c>both</c>).</param>
    public static DistributionSystem Compose(
        PulumiProgram program,
        StackConfig config,
        GlobalProviders global,
        IReadOnlyDictionary<string, RegionHarbor> harbors,
        PublicZone? publicZone)
    {
        var missing = config.Regions.Select(r => r.Name).Where(n => !harbors.ContainsKey(n)).ToArray();
        if (missing.Length > 0)
        {
            throw new ProgramException($"distribution needs every region's Harbor; missing: {string.Join(", ", missing)}");
        }

        var ordered = config.Regions.Select(r => harbors[r.Name]).ToArray();
        var dnsRegions = config.Regions.Select(r => DnsRegionOf(r, harbors[r.Name])).ToArray();
        var privateDns = new PrivateDns(program, config.Domain, dnsRegions, ConfigMapping.SideCidrs,
            config.IsProtected ? Protection.Protected : Protection.Disposable);
        if (config.Exposure == Exposure.Both)
        {
            // With ACM certificates the registry tier already published each region's name in the zone.
            _ = new PublicDns(program, config.Domain, dnsRegions, publicZone ?? throw new ProgramException("exposure both needs the stack's public zone"),
                regionalRecords: config.Certificate.Mode != CertificateMode.AcmDns);
        }

        var dragonfly = new SortedDictionary<string, DragonflyCluster>(StringComparer.Ordinal);
        if (config.Dragonfly.Enabled)
        {
            foreach (var harbor in ordered)
            {
                dragonfly[harbor.Region.Name] = new DragonflyCluster(program, new DragonflyArgs
                {
                    Region = harbor.Region,
                    AwsProvider = harbor.AwsProvider,
                    KubernetesProvider = harbor.KubernetesProvider,
                    RandomProvider = global.Random,
                    VpcId = harbor.VpcId,
                    Nodes = harbor.Nodes,
                    DataSubnetIds = harbor.DataSubnetIds,
                    RegionalHost = config.RegionalHost(harbor.Region.Name),
                    GlobalHost = config.Domain,
                    DependsOn = harbor.ClusterReady,
                    HighlyAvailable = config.IsProtected,
                    Protect = config.IsProtected,
                    CacheNodeType = config.Dragonfly.CacheNodeType,
                    DbInstanceClass = config.Dragonfly.DbInstanceClass,
                    // docker.io is out of reach from China: there the stack's mirror serves Dragonfly too.
                    ImageRegistry = config.Dragonfly.ImageRegistry ?? (harbor.Region.Side == Side.China ? config.ChinaImageMirror : null),
                    ChartRepository = config.Dragonfly.ChartRepository,
                });
            }
        }

        var credentials = new DistributionCredentials(program, global.Random);
        var regions = new SortedDictionary<string, RegionDistribution>(StringComparer.Ordinal);
        foreach (var harbor in ordered)
        {
            var name = harbor.Region.Name;
            PreheatTarget? preheat = null;
            if (dragonfly.TryGetValue(name, out var df) && config.Dragonfly.PreheatTokens.TryGetValue(name, out var token))
            {
                preheat = new PreheatTarget(DragonflyCluster.ManagerEndpoint, program.DeclareConfig(new ConfigDeclaration(token, "String", IsSecret: true)), df.Release);
            }

            regions[name] = new RegionDistribution(program, new RegionDistributionArgs
            {
                Harbor = harbor,
                Projects = config.Projects,
                ProxyCaches = config.ProxyCaches,
                Credentials = credentials,
                Protect = config.IsProtected,
                DependsOn = [privateDns.RecordOf(name)],
                Preheat = preheat,
            });
        }

        var links = ReplicationPlan.For(config.Regions, config.Replication);
        var violations = ReplicationPlan.Violations(config.Regions, links);
        if (violations.Count > 0)
        {
            throw new ProgramException("the replication plan is unsafe:\n  " + string.Join("\n  ", violations));
        }

        var rules = ReplicationRules.Declare(regions[config.Primary.Name], regions, harbors, links, config.Replication, credentials);

        program.AddOutput("harborCiRobot", RegionDistribution.RobotPrefix + RobotPermissions.Name(RobotRole.Ci));
        program.AddOutput("harborCiRobotSecret", credentials.SecretOf(RobotRole.Ci));
        program.AddOutput("harborPullRobot", RegionDistribution.RobotPrefix + RobotPermissions.Name(RobotRole.Pull));
        program.AddOutput("harborPullRobotSecret", credentials.SecretOf(RobotRole.Pull));
        return new DistributionSystem(regions, dragonfly, privateDns, links, rules);
    }

    private static DnsRegion DnsRegionOf(RegionConfig region, RegionHarbor harbor) => new()
    {
        Region = region.Name,
        IsHub = region.IsHub,
        IsPrimary = region.IsPrimary,
        AwsProvider = harbor.AwsProvider,
        VpcId = harbor.VpcId,
        ResolverSubnetIds = harbor.PrivateSubnetIds,
        InternalLoadBalancer = harbor.InternalLoadBalancer,
        PublicLoadBalancer = harbor.PublicLoadBalancer,
    };
}
