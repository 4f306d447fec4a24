using HarborHa.Cache;
using HarborHa.Cluster;
using HarborHa.Common;
using HarborHa.Database;
using HarborHa.Encryption;
using HarborHa.LoadBalancer;
using HarborHa.Logging;
using HarborHa.Model;
using HarborHa.Network;
using HarborHa.Registry;
using HarborHa.Storage;

namespace CustomTopology;

/// <summary>
/// A team's own topology from harbor-ha's components, with no harbor-ha config file: one internal
/// Harbor in eu-west-1 for a platform team, on a VPC block of the team's own address plan, its
/// registry bucket replicated to eu-central-1, reachable only from the team's private network.
/// Every value below is the team's choice; the components supply the secure, highly available rest.
/// </summary>
public static class TeamRegistry
{
    private const string Region = "eu-west-1";
    private const string DrRegion = "eu-central-1";
    private const string Domain = "registry.platform.example.org";

    public static PulumiProgram Build()
    {
        var program = new PulumiProgram("team-registry", "Platform team's internal Harbor");
        var global = new GlobalProviders(program);
        var aws = new AwsProviderRegistry(program, new AwsProviderSettings
        {
            DefaultTags = new Dictionary<string, string> { ["team"] = "platform" },
            RegionTagKey = "region",
        });
        var provider = aws.For(Region);
        var logs = new LogBuckets(program, aws);

        var network = new RegionalNetwork(program, provider, new RegionalNetworkArgs
        {
            Region = Region,
            VpcCidr = "10.42.0.0/16",
            AvailabilityZones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
            FlowLogGroupName = "/platform/registry/vpc-flow-logs",
            S3EndpointBuckets = ["platform-example-org-registry"],
        });
        var nodes = new SecurityGroup(program, provider, "eu-west-1-cluster-nodes-sg", network.VpcId, "registry cluster nodes", allowAllEgress: true);

        var keys = new StateKeys(program, aws, new StateKeysArgs
        {
            Region = Region,
            KeyAlias = "alias/platform-registry/state",
            DrRegion = DrRegion,
            DrKeyAlias = "alias/platform-registry/dr",
        });
        var database = new HarborDatabase(program, provider, network, new DatabaseArgs
        {
            Region = Region,
            RandomProvider = global.Random,
            KmsKeyArn = keys.Arn,
            FinalSnapshotIdentifier = "platform-registry-final",
            Identifier = "platform-registry",
            Dr = keys.Dr,
            InstanceClass = "db.t4g.large",
        });
        database.AllowFrom(nodes);
        var cache = new HarborCache(program, provider, network, new CacheArgs
        {
            Region = Region,
            RandomProvider = global.Random,
            KmsKeyArn = keys.Arn,
        });
        cache.AllowFrom(nodes);
        var storage = new RegistryStorage(program, provider, new StorageArgs
        {
            Region = Region,
            BucketName = "platform-example-org-registry",
            DrBucketName = "platform-example-org-registry-dr",
            KmsKeyArn = keys.Arn,
            Dr = keys.Dr,
            Logs = logs,
            VpcEndpointId = network.S3EndpointId,
        });

        var cluster = new EksCluster(program, provider, new EksClusterArgs
        {
            Region = Region,
            PrivateSubnetIds = network.SubnetIds[SubnetTier.Private],
            NodeSecurityGroup = nodes,
            RandomProvider = global.Random,
            TlsProvider = global.Tls,
            KubernetesVersion = "1.33",
            Addons = new EksAddonVersions("v1.20.1-eksbuild.3", "v1.12.3-eksbuild.1", "v1.33.3-eksbuild.6"),
            PrivateAccessCidrs = ["10.42.0.0/16"],
            AdminArns = ["arn:aws:iam::111122223333:role/platform-deployer"],
        });
        var frontDoor = new RegistryFrontDoor(program, provider, new RegistryFrontDoorArgs
        {
            Region = Region,
            Domain = Domain,
            Host = Domain,
            Certificate = CertificateSource.Imported,
            ImportedCertificateArn = "arn:aws:acm:eu-west-1:111122223333:certificate/00000000-0000-0000-0000-000000000000",
            VpcId = network.VpcId,
            PublicSubnetIds = network.SubnetIds[SubnetTier.Public],
            PrivateSubnetIds = network.SubnetIds[SubnetTier.Private],
            Nodes = nodes,
            TlsProvider = global.Tls,
            Logs = logs.For(Region),
        });
        var controller = new LoadBalancerController(program, provider, new LoadBalancerControllerArgs
        {
            Region = Region,
            Cluster = cluster,
            VpcId = network.VpcId,
            TargetGroupArns = frontDoor.TargetGroupArns,
        });
        _ = new HarborRegistry(program, new HarborRegistryArgs
        {
            Region = Region,
            ExternalUrl = frontDoor.Url,
            VpcCidr = network.VpcCidr,
            KubernetesProvider = cluster.KubernetesProvider,
            Database = new SnapshotSource(provider, database.Identifier),
            State = new StateEndpoints
            {
                DatabaseHost = database.Address,
                DatabasePort = database.Port,
                DatabaseName = database.DatabaseName,
                DatabaseUsername = database.Username,
                DatabasePassword = database.Password,
                RedisHost = cache.PrimaryEndpoint,
                RedisPort = cache.Port,
                RedisAuthToken = cache.AuthToken,
                BucketName = storage.BucketName,
                BucketRegion = storage.BucketRegion,
                S3AccessKeyId = storage.AccessKeyId,
                S3SecretAccessKey = storage.SecretAccessKey,
            },
            Shared = HarborSharedSecrets.Declare(program, global),
            TargetGroups = frontDoor.TargetGroups,
            DependsOn = [controller.Release, .. cluster.WorkloadsReady, .. frontDoor.HttpsListeners],
            Replicas = 2,
            RequireZoneSpread = true,
        });

        program.AddOutput("registryUrl", frontDoor.Url);
        ProgramValidator.EnsureValid(program);
        return program;
    }
}
