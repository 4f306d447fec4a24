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
/// everywhere, the primary as the only writer, private DNS, Dragonfly. The only code that reads the
/// stack's config for distribution: it maps config to the components' args, the components never see it.
/// </summary>
public static class GeoDistribution
{
    /// <summary>
    /// Turns the per-region Harbors into one distribution system: private DNS on each side and
    /// across the VPN, public names when exposure is <c>both</c>, Dragonfly in every region, every
    /// region's Harbor configured alike (projects, robots, proxy caches, preheat), and the primary's
    /// push rules to every other region. Call it once the registry tier has declared each region's
    /// cluster, load balancers and Harbor release; that tier merges <see cref="HarborValues"/> into
    /// each release's values.
    /// </summary>
    /// <param name="program">The stack's program, where the other tiers already declared each region.</param>
    /// <param name="config">The stack's validated config.</param>
    /// <param name="global">The global random provider (robot secrets, Dragonfly passwords).</param>
    /// <param name="aws">The stack's AWS providers (the private zones are managed through each partition's Route 53 home region).</param>
    /// <param name="regions">Every region of the stack, by region code, as <see cref="RegionStack"/> built it.</param>
    /// <param name="publicZone">The stack's public zone (required with exposure <c>both</c>).</param>
    public static DistributionSystem Compose(
        PulumiProgram program,
        StackConfig config,
        GlobalProviders global,
        AwsProviderRegistry aws,
        IReadOnlyDictionary<string, RegionStack> regions,
        PublicZone? publicZone)
    {
        var missing = config.Regions.Select(r => r.Name).Where(n => !regions.ContainsKey(n)).ToArray();
        if (missing.Length > 0)
        {
            throw new ProgramException($"distribution needs every region's Harbor; missing: {string.Join(", ", missing)}");
        }

        var ordered = config.Regions.Select(r => regions[r.Name]).ToArray();

        // Names: a private zone per side, forwarded across the VPN; public names too with exposure both.
        var dnsRegions = ordered.Select(DnsRegionOf).ToArray();
        var privateDns = new PrivateDns(program, config.Domain, dnsRegions, ConfigMapping.SideCidrs, ConfigMapping.ProtectionOf(config),
            side => aws.For(PublicZone.HomeRegion(side)));
        if (config.Exposure == Exposure.Both)
        {
            // With ACM certificates the registry tier already published each region's name in the zone.
            _ = new PublicDns(program, config.Domain, dnsRegions, publicZone ?? throw new ProgramException("exposure both needs the stack's public zone"),
                regionalRecords: config.Certificate.Mode != CertificateMode.AcmDns);
        }

        // Dragonfly in every region: nodes pull through peers, the regional Harbor is the origin.
        var dragonfly = new SortedDictionary<string, DragonflyCluster>(StringComparer.Ordinal);
        if (config.Dragonfly.Enabled)
        {
            foreach (var region in ordered)
            {
                dragonfly[region.Region.Name] = new DragonflyCluster(program, DragonflyArgsOf(config, global, region));
            }
        }

        // Every region's Harbor configured alike, from one set of settings; the robots share one secret per role.
        var credentials = new DistributionCredentials(program, global.Random);
        var projects = config.Projects.Select(ProjectOf).ToArray();
        var proxyCaches = config.ProxyCaches.Select(c => ProxyCacheOf(program, c)).ToArray();
        var distributions = new SortedDictionary<string, RegionDistribution>(StringComparer.Ordinal);
        foreach (var region in ordered)
        {
            var name = region.Region.Name;
            distributions[name] = new RegionDistribution(program, new RegionDistributionArgs
            {
                Harbor = HarborOf(region),
                Projects = projects,
                ProxyCaches = proxyCaches,
                Credentials = credentials,
                Protection = ConfigMapping.ProtectionOf(config),
                DependsOn = [privateDns.RecordOf(name)],
                Preheat = dragonfly.TryGetValue(name, out var df) ? PreheatOf(program, config, name, df) : null,
            });
        }

        // The primary pushes to every other region; nothing pushes back or between replicas.
        var links = Links(config);
        var rules = ReplicationRules.Declare(distributions.Values, links, ReplicationOf(config.Replication), credentials);

        program.AddOutput("harborCiRobot", RegionDistribution.RobotPrefix + RobotPermissions.Name(RobotRole.Ci));
        program.AddOutput("harborCiRobotSecret", credentials.SecretOf(RobotRole.Ci));
        program.AddOutput("harborPullRobot", RegionDistribution.RobotPrefix + RobotPermissions.Name(RobotRole.Pull));
        program.AddOutput("harborPullRobotSecret", credentials.SecretOf(RobotRole.Pull));
        return new DistributionSystem(distributions, dragonfly, privateDns, links, rules);
    }

    /// <summary>The stack's push rules, from the same plan the program declares (the architecture drawing uses it too).</summary>
    public static IReadOnlyList<ReplicationLink> Links(StackConfig config) =>
        ReplicationPlan.For(config.Regions.Select(SiteOf).ToArray(), ReplicationOf(config.Replication));

    /// <summary>
    /// What distribution adds to a region's Harbor Helm values (<see cref="HarborDistributionValues"/>):
    /// in geo, the primary's longer replication timeout; nothing in single-region topologies, which
    /// do not replicate.
    /// </summary>
    public static MapValue HarborValues(StackConfig config, RegionConfig region) =>
        config.Topology == Topology.Geo
            ? HarborDistributionValues.For(RoleOf(region), ReplicationOf(config.Replication))
            : new MapValue();

    private static DistributionRole RoleOf(RegionConfig region) =>
        region.IsPrimary ? DistributionRole.Primary : DistributionRole.Replica;

    private static ReplicationSite SiteOf(RegionConfig region) =>
        new(region.Name, Partitions.Of(region.Name), RoleOf(region));

    /// <summary>A region's Harbor as distribution needs it, from what the region's stack built.</summary>
    private static RegionHarbor HarborOf(RegionStack region) => new()
    {
        Name = region.Region.Name,
        Partition = Partitions.Of(region.Region.Name),
        Role = RoleOf(region.Region),
        HarborRelease = region.Registry.Release.Self,
        // The regional name resolves to the internal load balancer inside the private network (private zone).
        PrivateEndpoint = region.FrontDoor.Url,
        AdminPassword = region.SharedSecrets.AdminPassword,
    };

    private static DnsRegion DnsRegionOf(RegionStack region)
    {
        static LoadBalancerEndpoint Endpoint(LoadBalancer.RegistryLoadBalancer lb) => new(lb.DnsName, lb.ZoneId);
        return new DnsRegion
        {
            Region = region.Region.Name,
            IsHub = region.Region.IsHub,
            IsPrimary = region.Region.IsPrimary,
            AwsProvider = region.Providers.Aws,
            VpcId = region.Network.VpcId,
            ResolverSubnetIds = region.Network.SubnetIds[SubnetTier.Private],
            InternalLoadBalancer = Endpoint(region.FrontDoor.LoadBalancers[LoadBalancer.LoadBalancerScheme.Internal]),
            PublicLoadBalancer = region.FrontDoor.LoadBalancers.TryGetValue(LoadBalancer.LoadBalancerScheme.Public, out var lb) ? Endpoint(lb) : null,
        };
    }

    private static DragonflyArgs DragonflyArgsOf(StackConfig config, GlobalProviders global, RegionStack region)
    {
        var name = region.Region.Name;
        var settings = config.Dragonfly;
        return new DragonflyArgs
        {
            Region = name,
            AwsProvider = region.Providers.Aws,
            KubernetesProvider = region.Cluster.KubernetesProvider,
            RandomProvider = global.Random,
            VpcId = region.Network.VpcId,
            Nodes = region.Nodes,
            DataSubnetIds = region.Network.SubnetIds[SubnetTier.Data],
            RegionalHost = config.RegionalHost(name),
            GlobalHost = config.Domain,
            // Snapshot identifiers are unique per account and region: scoped by the domain like Harbor's.
            FinalSnapshotIdentifier = StateNames.FinalSnapshotOf(config.Domain, name, "dragonfly"),
            DependsOn = region.Cluster.WorkloadsReady,
            // Dev stacks are disposable and small; staging and prod keep Dragonfly's state in two AZs.
            Redundancy = config.IsProtected ? Redundancy.MultiAz : Redundancy.SingleAz,
            Protection = ConfigMapping.ProtectionOf(config),
            CacheNodeType = settings.CacheNodeType,
            DbInstanceClass = settings.DbInstanceClass,
            // docker.io is out of reach from China: there the stack's mirror serves Dragonfly too.
            ImageRegistry = settings.ImageRegistry ?? (region.Region.Side == Side.China ? config.ChinaImageMirror : null),
            ChartRepository = settings.ChartRepository,
        };
    }

    /// <summary>
    /// Harbor's preheat registration of the region's Dragonfly, where <c>harbor-ha:dragonfly.preheatTokens</c>
    /// names a secret setting for the region; null elsewhere (the token exists only once the manager runs).
    /// </summary>
    private static PreheatTarget? PreheatOf(PulumiProgram program, StackConfig config, string region, DragonflyCluster dragonfly) =>
        config.Dragonfly.PreheatTokens.TryGetValue(region, out var token)
            ? new PreheatTarget(DragonflyCluster.ManagerEndpoint, SecretSetting(program, token), dragonfly.Release)
            : null;

    private static HarborProjectSpec ProjectOf(ProjectConfig project) => new()
    {
        Name = project.Name,
        Visibility = project.Public ? ProjectVisibility.Public : ProjectVisibility.Private,
        StorageQuotaGb = project.StorageQuotaGb,
        ScanOnPush = project.ScanOnPush,
        SbomOnPush = project.SbomOnPush,
        PreventVulnerable = project.PreventVulnerable switch
        {
            null => null,
            VulnerabilitySeverity.Critical => Severity.Critical,
            VulnerabilitySeverity.High => Severity.High,
            VulnerabilitySeverity.Medium => Severity.Medium,
            _ => Severity.Low,
        },
        RequireCosign = project.RequireCosign,
        Replication = project.Replicate ? ProjectReplication.EveryRegion : ProjectReplication.PrimaryOnly,
        Retention = project.Retention is { } retention
            ? new RetentionSpec
            {
                KeepLastPushed = retention.KeepLastPushed,
                KeepPushedWithinDays = retention.KeepPushedWithinDays,
                Frequency = retention.Schedule switch
                {
                    RetentionSchedule.Hourly => RetentionFrequency.Hourly,
                    RetentionSchedule.Weekly => RetentionFrequency.Weekly,
                    _ => RetentionFrequency.Daily,
                },
            }
            : null,
        ImmutableTags = project.ImmutableTags,
    };

    /// <summary>A proxy cache's spec; its password stays a declared secret setting that the compiler never reads.</summary>
    private static ProxyCacheSpec ProxyCacheOf(PulumiProgram program, ProxyCacheConfig cache) => new()
    {
        Name = cache.Name,
        Upstream = cache.Type switch
        {
            UpstreamType.DockerHub => UpstreamKind.DockerHub,
            UpstreamType.Ghcr => UpstreamKind.Ghcr,
            UpstreamType.Quay => UpstreamKind.Quay,
            UpstreamType.Harbor => UpstreamKind.Harbor,
            _ => UpstreamKind.Registry,
        },
        Endpoint = cache.Endpoint,
        Credentials = cache is { Username: { } user, PasswordSecret: { } secret }
            ? new UpstreamCredentials { Username = user, Password = SecretSetting(program, secret) }
            : null,
    };

    private static ReplicationSettings ReplicationOf(ReplicationConfig replication) => new()
    {
        Tags = replication.Tags,
        DeletedArtifacts = replication.Deletion ? DeletedArtifacts.DeleteInReplicas : DeletedArtifacts.KeepInReplicas,
        ExistingArtifacts = replication.Override ? ExistingArtifacts.Overwrite : ExistingArtifacts.Keep,
        BandwidthMbps = replication.BandwidthMbps,
        CrossBorderBandwidthMbps = replication.CrossBorderBandwidthMbps,
        RegistryHttpClientTimeoutMinutes = replication.CrossBorderHttpTimeoutMinutes,
    };

    /// <summary>A secret setting of the stack, declared in the program's <c>config:</c> and referenced, never read.</summary>
    private static Ref SecretSetting(PulumiProgram program, string name) =>
        program.DeclareConfig(new ConfigDeclaration(name, "String", IsSecret: true));
}
