using HarborHa.Cache;
using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Database;
using HarborHa.Encryption;
using HarborHa.Model;
using HarborHa.Network;
using HarborHa.Planning;
using HarborHa.Storage;

namespace HarborHa.Stacks;

/// <summary>
/// Everything one region runs, whatever the topology: its providers and network, then state,
/// cluster and Harbor. Topologies decide the options (NAT, redundancy, sizing) and add what links regions.
/// </summary>
public sealed class RegionStack
{
    public RegionStack(PulumiProgram program, StackConfig config, GlobalProviders global, AwsProviderRegistry aws, RegionConfig region, NatStrategy nat, Redundancy redundancy)
    {
        Region = region;
        Providers = new RegionProviders(aws, region);
        Network = new RegionalNetwork(program, Providers.Aws, new RegionalNetworkArgs { Region = region, Nat = nat });
        // The nodes' group exists before the cluster so that state components can allow it by intent.
        Nodes = new SecurityGroup(program, Providers.Aws, LogicalName.Of(region.Name, "cluster", "nodes-sg"), Network.VpcId,
            "harbor-ha cluster nodes", allowAllEgress: true);
        program.AddOutput($"{OutputPrefix}VpcId", Network.VpcId);

        // State: keys first (the DR key lives in the DR region), then database, cache and bucket.
        var protection = ProtectionOf.Stack(config);
        var sizing = config.Sizing;
        Keys = new StateKeys(program, aws, new StateKeysArgs { Region = region, Domain = config.Domain, Protection = protection });
        Database = new HarborDatabase(program, Providers.Aws, Network, new DatabaseArgs
        {
            Region = region,
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
        });
        Database.AllowFrom(Nodes);
        Cache = new HarborCache(program, Providers.Aws, Network, new CacheArgs
        {
            Region = region,
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
            Region = region,
            BucketName = StateNames.RegistryBucket(config.Domain, region.Name),
            DrBucketName = StateNames.DrBucket(config.Domain, region.Name),
            KmsKeyArn = Keys.Arn,
            Dr = Keys.Dr,
            Protection = protection,
            NoncurrentVersionDays = sizing.StorageNoncurrentVersionDays,
        });
        // Where the state is, for operators and runbooks; never a password, token or key.
        program.AddOutput($"{OutputPrefix}DatabaseAddress", Database.Address);
        program.AddOutput($"{OutputPrefix}CacheEndpoint", Cache.PrimaryEndpoint);
        program.AddOutput($"{OutputPrefix}RegistryBucket", Storage.BucketName);
    }

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

    /// <summary>Stack output names are camelCase per region, e.g. <c>apSoutheast1VpcId</c>.</summary>
    public string OutputPrefix => OutputName(Region.Name);

    public static string OutputName(string region)
    {
        var parts = region.Split('-');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
