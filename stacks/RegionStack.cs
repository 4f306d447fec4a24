using HarborHa.Cache;
using HarborHa.Cluster;
using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Database;
using HarborHa.Encryption;
using HarborHa.LoadBalancer;
using HarborHa.Logging;
using HarborHa.Model;
using HarborHa.Network;
using HarborHa.Planning;
using HarborHa.Registry;
using HarborHa.Storage;

namespace HarborHa.Stacks;

/// <summary>
/// Everything one region runs, whatever the topology: providers and network, state (keys,
/// PostgreSQL, Redis, registry bucket), the EKS cluster and load balancers, then Harbor on top.
/// Topologies decide the options (NAT, redundancy) and add what links regions.
/// </summary>
public sealed class RegionStack
{
    public RegionStack(PulumiProgram program, StackConfig config, StackServices services, RegionConfig region, NatStrategy nat, Redundancy redundancy)
    {
        var (global, aws, logs, shared, zone, protection) = services;
        Region = region;
        Providers = new RegionProviders(aws, region.Name);
        Network = new RegionalNetwork(program, Providers.Aws, new RegionalNetworkArgs
        {
            Region = region.Name,
            VpcCidr = NetworkPlan.VpcOf(region),
            AvailabilityZones = Regions.AvailabilityZones(region.Name, region.AzCount),
            FlowLogGroupName = StateNames.LogGroup(config.Domain, region.Name, "vpc-flow-logs"),
            Nat = nat,
            LoadBalancerSubnets = config.Exposure == Exposure.Internal ? LoadBalancerSubnets.Internal : LoadBalancerSubnets.InternalAndPublic,
            S3EndpointBuckets = ConfigMapping.BucketsIn(config, region.Name),
        });
        // The nodes' group exists before the cluster so that state components can allow it by intent.
        Nodes = new SecurityGroup(program, Providers.Aws, LogicalName.Of(region.Name, "cluster", "nodes-sg"), Network.VpcId,
            "harbor-ha cluster nodes", allowAllEgress: true);
        program.AddOutput($"{OutputPrefix}VpcId", Network.VpcId);

        // State: keys first (the DR key lives in the DR region), then database, cache and bucket.
        var sizing = config.Sizing;
        Keys = new StateKeys(program, aws, new StateKeysArgs
        {
            Region = region.Name,
            KeyAlias = StateNames.StateKeyAlias(config.Domain, region.Name),
            DrRegion = region.DrRegion,
            DrKeyAlias = region.DrRegion is null ? null : StateNames.DrKeyAlias(config.Domain, region.Name),
            Protection = protection,
            KeyAdminArns = config.KeyAdminArns,
        });
        Database = new HarborDatabase(program, Providers.Aws, Network, new DatabaseArgs
        {
            Region = region.Name,
            Restore = region.Restore is { } restore && (restore.DatabaseSnapshot ?? restore.DatabaseBackupArn) is not null
                ? new DatabaseRestore
                {
                    SnapshotIdentifier = restore.DatabaseSnapshot,
                    AutomatedBackupsArn = restore.DatabaseBackupArn,
                    RestoreTime = restore.DatabaseRestoreTime,
                }
                : null,
            RandomProvider = global.Random,
            KmsKeyArn = Keys.Arn,
            FinalSnapshotIdentifier = StateNames.FinalSnapshot(config.Domain, region.Name),
            Dr = Keys.Dr,
            Redundancy = redundancy,
            Protection = protection,
            InstanceClass = sizing.DbInstanceClass,
            AllocatedStorageGb = sizing.DbAllocatedStorageGb,
            MaxAllocatedStorageGb = sizing.DbMaxAllocatedStorageGb,
            BackupRetentionDays = sizing.DbBackupRetentionDays,
            Identifier = StateNames.DatabaseIdentifier(config.Domain, region.Name),
        });
        Database.AllowFrom(Nodes);
        Cache = new HarborCache(program, Providers.Aws, Network, new CacheArgs
        {
            Region = region.Name,
            RandomProvider = global.Random,
            KmsKeyArn = Keys.Arn,
            Redundancy = redundancy,
            Protection = protection,
            NodeType = sizing.CacheNodeType,
            SnapshotRetentionDays = sizing.CacheSnapshotRetentionDays,
        });
        Cache.AllowFrom(Nodes);
        Storage = new RegistryStorage(program, Providers.Aws, new StorageArgs
        {
            Region = region.Name,
            Restore = (region.Restore?.Storage ?? Configuration.StorageRestore.None) switch
            {
                Configuration.StorageRestore.UseDr => HarborHa.Storage.StorageRestore.UseDr,
                Configuration.StorageRestore.CopyFromDr => HarborHa.Storage.StorageRestore.CopyFromDr,
                _ => HarborHa.Storage.StorageRestore.None,
            },
            Serve = region.Restore?.StorageReplicaOf is { } lost ? services.LostReplicas[lost] : null,
            BucketName = StateNames.RegistryBucket(config.Domain, region.Name),
            DrBucketName = StateNames.DrBucket(config.Domain, region.Name),
            KmsKeyArn = Keys.Arn,
            Dr = Keys.Dr,
            Protection = protection,
            NoncurrentVersionDays = sizing.StorageNoncurrentVersionDays,
            KeyVersion = config.RegistryKeyVersion,
            Logs = logs,
            VpcEndpointId = Network.S3EndpointId,
            NatPublicIps = Network.NatPublicIps,
            DrObjectLock = new ObjectLockRetention(config.DrObjectLock.Compliance ? ObjectLockMode.Compliance : ObjectLockMode.Governance, config.DrObjectLock.Days),
            ReplicationTimeControl = config.Replication.StorageRtc,
        });
        AcceptRegionLoss(program, config, region);

        // Compute and the front door: EKS, the load balancers with their certificate, the controller that binds them.
        Cluster = new EksCluster(program, Providers.Aws, new EksClusterArgs
        {
            Region = region.Name,
            PrivateSubnetIds = Network.SubnetIds[SubnetTier.Private],
            NodeSecurityGroup = Nodes,
            RandomProvider = global.Random,
            TlsProvider = global.Tls,
            KubernetesVersion = config.KubernetesVersion,
            Addons = ConfigMapping.Addons(config.KubernetesVersion),
            NodeInstanceType = sizing.NodeInstanceType,
            NodeMinSize = sizing.NodeMinSize,
            NodeDesiredSize = sizing.NodeDesiredSize,
            NodeMaxSize = sizing.NodeMaxSize,
            PublicAccessCidrs = ConfigMapping.PublicApiCidrs(config),
            PrivateAccessCidrs = config.ClusterPrivateAccessCidrs,
            AdminArns = config.ClusterAdminArns,
            DeployerAccess = ConfigMapping.DeployerAccessOf(config, region),
            EcrRepositoryArns = ConfigMapping.EcrRepositories(region, config.ChinaImageMirror),
            KeyAdminArns = config.KeyAdminArns,
            AwsProfile = region.Side == Side.China ? config.AwsCnProfile : config.AwsProfile,
            Protection = protection,
        });
        var certificate = ConfigMapping.Certificate(config.Certificate.Mode);
        FrontDoor = new RegistryFrontDoor(program, Providers.Aws, new RegistryFrontDoorArgs
        {
            Region = region.Name,
            Domain = config.Domain,
            Host = config.RegionalHost(region.Name),
            Schemes = ConfigMapping.Schemes(config.Exposure, config.DeployerCidrs),
            Certificate = certificate,
            ImportedCertificateArn = config.Certificate.Arns.GetValueOrDefault(region.Name),
            // The registry tier publishes its regional name (and validates) only with ACM certificates.
            Zone = certificate == CertificateSource.AcmDns ? zone : null,
            VpcId = Network.VpcId,
            PublicSubnetIds = Network.SubnetIds[SubnetTier.Public],
            PrivateSubnetIds = Network.SubnetIds[SubnetTier.Private],
            Nodes = Nodes,
            Logs = logs.For(region.Name),
            TlsProvider = global.Tls,
            Protection = protection,
            ClientCidrs = config.ClientCidrs,
            AdminCidrs = config.AdminCidrs,
            DeployerCidrs = config.DeployerCidrs,
            WafRateLimit = config.WafRateLimit,
        });
        LoadBalancerController = new LoadBalancerController(program, Providers.Aws, new LoadBalancerControllerArgs
        {
            Region = region.Name,
            Cluster = Cluster,
            VpcId = Network.VpcId,
            TargetGroupArns = FrontDoor.TargetGroupArns,
            ImageDigests = config.ImageDigests,
        });

        // Harbor, on the region's state tier, behind its load balancers.
        SharedSecrets = shared;
        Registry = new HarborRegistry(program, new HarborRegistryArgs
        {
            Region = region.Name,
            ExternalUrl = FrontDoor.Url,
            VpcCidr = Network.VpcCidr,
            KubernetesProvider = Cluster.KubernetesProvider,
            State = new StateEndpoints
            {
                DatabaseHost = Database.Address,
                DatabasePort = Database.Port,
                DatabaseName = Database.DatabaseName,
                DatabaseUsername = Database.Username,
                DatabasePassword = Database.Password,
                RedisHost = Cache.PrimaryEndpoint,
                RedisPort = Cache.Port,
                RedisAuthToken = Cache.AuthToken,
                BucketName = Storage.BucketName,
                BucketRegion = Storage.BucketRegion,
                S3AccessKeyId = Storage.AccessKeyId,
                S3SecretAccessKey = Storage.SecretAccessKey,
            },
            Shared = SharedSecrets,
            Database = new SnapshotSource(Providers.Aws, Database.Identifier),
            TargetGroups = FrontDoor.TargetGroups,
            // The readiness gates only pass once a listener attaches the target group (the listener waits for the certificate).
            DependsOn = [LoadBalancerController.Release, .. Cluster.WorkloadsReady, .. FrontDoor.HttpsListeners],
            Replicas = sizing.HarborReplicas,
            RequireZoneSpread = config.Topology != Topology.SingleSite,
            ExtraValues = MapValue.Merge(
                GeoDistribution.HarborValues(config, region),
                HarborImages.Pinned(region.Side == Side.China ? config.ChinaImageMirror! : null, config.ImageDigests)),
        });

        // Day two: the region's alert topic and its alarms.
        Alarms = RegionMonitoring.Declare(program, config, services, this);

        // Where things are, for operators and runbooks; never a password, token or key.
        program.AddOutput($"{OutputPrefix}DatabaseAddress", Database.Address);
        program.AddOutput($"{OutputPrefix}CacheEndpoint", Cache.PrimaryEndpoint);
        program.AddOutput($"{OutputPrefix}RegistryBucket", Storage.BucketName);
        program.AddOutput($"{OutputPrefix}ClusterName", Cluster.ClusterName);
        program.AddOutput($"{OutputPrefix}RegistryUrl", FrontDoor.Url);
        foreach (var (scheme, lb) in FrontDoor.LoadBalancers)
        {
            program.AddOutput($"{OutputPrefix}{scheme}AlbDnsName", lb.DnsName);
        }

        if (FrontDoor.SelfSignedCertificatePem is { } pem)
        {
            // Public, not secret: docker clients put it in /etc/docker/certs.d/<host>/ca.crt.
            program.AddOutput($"{OutputPrefix}SelfSignedCertificate", pem);
        }

        // Where the initial admin password lives in the cluster; its value is the secret stack output harborAdminPassword.
        program.AddOutput($"{OutputPrefix}AdminPasswordSecret", new Interpolation(Registry.Namespace, "/", Registry.AdminSecretName));
    }

    /// <summary>
    /// A region without DR copies says so on its provider, the program's resource for the region, so
    /// <c>infra check</c>'s region-loss rule reports it as an accepted trade-off with the reason:
    /// single-site by design (unless <c>drRegion</c> is set), ha and geo only with <c>drRegion: none</c>.
    /// </summary>
    private static void AcceptRegionLoss(PulumiProgram program, StackConfig config, RegionConfig region)
    {
        if (region.DrRegion is not null)
        {
            return;
        }

        // Anything else without copies (an ha or geo region built without the parser's default) is
        // not accepted: the check fails on it rather than letting it pass silently.
        var key = $"{StackConfig.Namespace}:regions[{region.Name}].drRegion";
        var reason = region.DrRegionSource == DrRegionSource.None
            ? $"{key} is none: losing {region.Name} loses its images and database"
            : config.Topology == Topology.SingleSite
                ? $"single-site keeps no copies outside {region.Name} to save cost; set {key} for them"
                : null;
        if (reason is not null)
        {
            program.Accept(AwsProviderRegistry.Name(region.Name), RegionLossRuleId, reason);
        }
    }

    /// <summary>The id of <c>infra check</c>'s rule that this stack answers (components/Checks, not referenced from here).</summary>
    private const string RegionLossRuleId = "region-loss";

    public RegionConfig Region { get; }

    public RegionProviders Providers { get; }

    public RegionalNetwork Network { get; }

    /// <summary>Security group of the cluster's nodes: the only source allowed into databases and caches.</summary>
    public SecurityGroup Nodes { get; }

    /// <summary>The region's state keys (and its DR site, when it has a DR region).</summary>
    public StateKeys Keys { get; }

    /// <summary>Harbor's PostgreSQL.</summary>
    public HarborDatabase Database { get; }

    /// <summary>Harbor's Redis.</summary>
    public HarborCache Cache { get; }

    /// <summary>The registry bucket, its DR replica and the registry's S3 credentials.</summary>
    public RegistryStorage Storage { get; }

    /// <summary>The region's EKS cluster and its Kubernetes provider.</summary>
    public EksCluster Cluster { get; }

    /// <summary>Certificate, load balancers and DNS name of the region's registry.</summary>
    public RegistryFrontDoor FrontDoor { get; }

    public LoadBalancerController LoadBalancerController { get; }

    /// <summary>Harbor itself.</summary>
    public HarborRegistry Registry { get; }

    /// <summary>The region's alert topic and alarms; geo adds the VPN's and replication's.</summary>
    public Monitoring.RegionAlarms Alarms { get; }

    /// <summary>The secrets every region's Harbor shares (admin password, token key, core secrets).</summary>
    public HarborSharedSecrets SharedSecrets { get; }

    /// <summary>Stack output names are camelCase per region, e.g. <c>apSoutheast1VpcId</c>.</summary>
    public string OutputPrefix => OutputName(Region.Name);

    public static string OutputName(string region)
    {
        var parts = region.Split('-');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
