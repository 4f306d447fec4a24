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
    /// <param name="crossBorderLink">What carries traffic between China and overseas (the VPN connections); empty with one side.</param>
    public static DistributionSystem Compose(
        PulumiProgram program,
        StackConfig config,
        GlobalProviders global,
        AwsProviderRegistry aws,
        IReadOnlyDictionary<string, RegionStack> regions,
        PublicZone? publicZone,
        IReadOnlyList<Ref> crossBorderLink)
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

        // Whatever calls across the border waits for the link, the source's forwarding rules and a ping Job.
        var gates = new ReachabilityGates(program, crossBorderLink, privateDns.Forwarding);

        // Every region's Harbor configured alike, from one set of settings; the robots share one secret per role.
        var credentials = new DistributionCredentials(program, global.Random, ConfigMapping.ProtectionOf(config));
        var projects = config.Projects.Select(ProjectOf).ToArray();
        var proxyCaches = config.ProxyCaches.Select(c => ProxyCacheOf(program, c)).ToArray();
        var distributions = new SortedDictionary<string, RegionDistribution>(StringComparer.Ordinal);
        var overseasSource = OverseasProxySource(config);

        // Overseas first: China's proxy caches chain to the overseas Harbor's proxy projects.
        foreach (var region in ordered.OrderBy(r => r.Region.Side == Side.China ? 1 : 0))
        {
            var name = region.Region.Name;
            var harbor = HarborOf(config, region);
            var caches = region.Region.Side == Side.China
                ? ChinaProxyCaches(proxyCaches, harbor, overseasSource is null ? null : distributions[overseasSource], gates, credentials)
                : proxyCaches;
            distributions[name] = new RegionDistribution(program, new RegionDistributionArgs
            {
                Harbor = harbor,
                Projects = projects,
                ProxyCaches = caches,
                Credentials = credentials,
                Protection = ConfigMapping.ProtectionOf(config),
                GarbageCollection = GarbageCollectionOf(config),
                RobotDurationDays = config.Robots.DurationDays,
                DeletedArtifacts = ReplicationOf(config.Replication).DeletedArtifacts,
                DependsOn = [privateDns.RecordOf(name)],
                Preheat = dragonfly.TryGetValue(name, out var df) ? PreheatOf(program, config, name, df) : null,
            });
        }

        // The primary pushes to every other region; nothing pushes back or between replicas.
        var links = Links(config);
        var rules = ReplicationRules.Declare(distributions.Values, links, ReplicationOf(config.Replication), credentials, gates);

        AddRobotOutputs(program, credentials);
        return new DistributionSystem(distributions, dragonfly, privateDns, links, rules);
    }

    /// <summary>
    /// The overseas Harbor that China's proxy caches chain to: the primary if it is overseas (it
    /// holds the stack's images anyway), else the overseas hub; null without an overseas region.
    /// </summary>
    public static string? OverseasProxySource(StackConfig config) =>
        config.Primary.Side == Side.Overseas ? config.Primary.Name : config.HubOf(Side.Overseas)?.Name;

    /// <summary>
    /// A China region's proxy caches: those with a reachable upstream as configured; those with a
    /// public internet upstream chained to the overseas Harbor's project of the same name over the
    /// private network, logged in as the pull robot, once the path answers — where the region
    /// resolves overseas names (the China hub and a China primary); left out elsewhere, and when
    /// the stack has no overseas region.
    /// </summary>
    private static IReadOnlyList<ProxyCacheSpec> ChinaProxyCaches(
        IReadOnlyList<ProxyCacheSpec> caches, RegionHarbor region, RegionDistribution? overseas, ReachabilityGates gates, DistributionCredentials credentials)
    {
        var chained = new List<ProxyCacheSpec>();
        foreach (var cache in caches)
        {
            if (!PublicUpstreams.IsPublic(cache))
            {
                chained.Add(cache);
            }
            else if (overseas is not null && gates.Resolves(region.Name, overseas.Region) && overseas.ProxyProjects.TryGetValue(cache.Name, out var project))
            {
                var login = new UpstreamCredentials { Username = RegionDistribution.RobotPrefix + RobotPermissions.Name(RobotRole.Pull), Password = credentials.SecretOf(RobotRole.Pull) };
                var url = ((Text)overseas.PrivateEndpoint).Value;
                chained.Add(PublicUpstreams.ChainedTo(cache, url, login,
                    [.. gates.Across(region, overseas.Harbor, overseas.Answers), overseas.PullRobot, project]));
            }
        }

        return chained;
    }

    /// <summary>The robots' names and secrets (secret outputs), for CI and image pull secrets.</summary>
    internal static void AddRobotOutputs(PulumiProgram program, DistributionCredentials credentials)
    {
        program.AddOutput("harborCiRobot", RegionDistribution.RobotPrefix + RobotPermissions.Name(RobotRole.Ci));
        program.AddOutput("harborCiRobotSecret", credentials.SecretOf(RobotRole.Ci));
        program.AddOutput("harborPullRobot", RegionDistribution.RobotPrefix + RobotPermissions.Name(RobotRole.Pull));
        program.AddOutput("harborPullRobotSecret", credentials.SecretOf(RobotRole.Pull));
    }

    internal static GarbageCollectionSpec GarbageCollectionOf(StackConfig config) => new()
    {
        Schedule = config.GarbageCollection.Schedule,
        DeleteUntagged = config.GarbageCollection.DeleteUntagged,
    };

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
    internal static RegionHarbor HarborOf(StackConfig config, RegionStack region) => new()
    {
        Name = region.Region.Name,
        Partition = Partitions.Of(region.Region.Name),
        Role = RoleOf(region.Region),
        HarborRelease = region.Registry.Release.Self,
        // The regional name resolves to the internal load balancer inside the private network (private zone).
        PrivateEndpoint = region.FrontDoor.Url,
        AdminPassword = region.SharedSecrets.AdminPassword,
        KubernetesProvider = region.Cluster.KubernetesProvider,
        Namespace = region.Registry.Namespace,
        ProbeImage = ReachabilityProbe.Image(
            region.Region.Side == Side.China ? config.ChinaImageMirror : null,
            config.ImageDigests.GetValueOrDefault(ReachabilityProbe.SourceReference)),
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
            ImageDigests = config.ImageDigests,
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

    internal static HarborProjectSpec ProjectOf(ProjectConfig project) => new()
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
    internal static ProxyCacheSpec ProxyCacheOf(PulumiProgram program, ProxyCacheConfig cache) => new()
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
        CatchUpSchedule = replication.CatchUpSchedule,
    };

    /// <summary>A secret setting of the stack, declared in the program's <c>config:</c> and referenced, never read.</summary>
    private static Ref SecretSetting(PulumiProgram program, string name) =>
        program.DeclareConfig(new ConfigDeclaration(name, "String", IsSecret: true));
}
