using HarborHa.Common;
using HarborHa.Model;
using HarborHa.Network;

namespace HarborHa.Cache;

/// <summary>
/// Harbor's Redis: an ElastiCache replication group with cluster mode disabled, reached at its
/// primary endpoint, in the region's data subnets, TLS with an auth token, encrypted at rest with
/// the region's key, reachable only from the groups that <see cref="AllowFrom"/> names.
/// </summary>
public sealed class HarborCache
{
    private readonly string _region;

    public HarborCache(PulumiProgram program, Ref provider, RegionalNetwork network, CacheArgs args)
    {
        _region = args.Region;
        var isProtected = args.Protection == Protection.Protected;
        var multiAz = args.Redundancy == Redundancy.MultiAz;

        AuthToken = GeneratedSecret.Password(program, Name("auth-token"), args.RandomProvider, CachePlan.AuthTokenLength);

        SecurityGroup = new SecurityGroup(program, provider, Name("sg"), network.VpcId,
            "harbor-ha Redis: only Harbor's nodes", allowAllEgress: false);

        var subnets = program.Declare(Name("subnets"), ResourceTypes.CacheSubnetGroup, provider, new MapValue
        {
            ["description"] = $"harbor-ha {_region} data subnets",
            ["subnetIds"] = new ListValue(network.SubnetIds[SubnetTier.Data].ToArray<Value>()),
            ["tags"] = ProgramExtensions.NameTag(Name("subnets")),
        });

        // One node per AZ: the first AZ holds the primary, each other AZ a replica to fail over to.
        var zones = multiAz ? network.AvailabilityZones : network.AvailabilityZones.Take(1).ToArray();
        var group = program.Declare(Name("group"), ResourceTypes.CacheReplicationGroup, provider, new MapValue
        {
            ["description"] = $"harbor-ha {_region} Harbor cache (cluster mode disabled)",
            ["engine"] = CachePlan.Engine,
            ["engineVersion"] = CachePlan.EngineVersion,
            ["parameterGroupName"] = CachePlan.ParameterGroup,
            ["nodeType"] = args.NodeType,
            ["numCacheClusters"] = zones.Count,
            ["preferredCacheClusterAzs"] = Value.List(zones),
            ["automaticFailoverEnabled"] = multiAz,
            ["multiAzEnabled"] = multiAz,
            ["port"] = CachePlan.Port,
            ["subnetGroupName"] = subnets.Out("name"),
            ["securityGroupIds"] = Value.List(SecurityGroup.Id),
            ["atRestEncryptionEnabled"] = true,
            ["kmsKeyId"] = args.KmsKeyArn,
            ["transitEncryptionEnabled"] = true,
            ["authToken"] = AuthToken,
            ["snapshotRetentionLimit"] = args.SnapshotRetentionDays,
            ["autoMinorVersionUpgrade"] = true,
            ["applyImmediately"] = !isProtected,
            ["tags"] = ProgramExtensions.NameTag(Name("group")),
        }, new ResourceOptions
        {
            Protect = isProtected,
            AdditionalSecretOutputs = ["authToken"],
            CustomTimeouts = new CustomTimeouts(Create: "90m", Update: "90m", Delete: "90m"),
        });
        if (!multiAz)
        {
            program.Accept(group.Name, "az-loss", "single-site keeps one Redis node in one AZ to save cost; use ha for a replica in every AZ");
        }

        PrimaryEndpoint = group.Out("primaryEndpointAddress");
        NodeCount = zones.Count;
        ReplicationGroupId = group.Out("id");
    }

    /// <summary>Host name of the primary (Harbor's <c>redis.external.addr</c> is <c>host:6379</c>).</summary>
    public Ref PrimaryEndpoint { get; }

    public int Port { get; } = CachePlan.Port;

    /// <summary>The auth token: the random password's result, secret in state and in every output it flows into.</summary>
    public Ref AuthToken { get; }

    /// <summary>The replication group's id; its nodes are <c>&lt;id&gt;-001</c>, <c>-002</c>, … (the metrics' dimension).</summary>
    public Ref ReplicationGroupId { get; }

    /// <summary>Primary plus replicas.</summary>
    public int NodeCount { get; }

    /// <summary>The group's security group; it admits nothing until <see cref="AllowFrom"/> is called.</summary>
    public SecurityGroup SecurityGroup { get; }

    /// <summary>Lets members of <paramref name="clients"/> (the cluster's nodes) connect on the Redis port.</summary>
    public void AllowFrom(SecurityGroup clients) =>
        SecurityGroup.AllowFrom(clients, CachePlan.Port, "Harbor (core, jobservice, registry, trivy) to Redis");

    private string Name(string role) => LogicalName.Of(_region, "cache", role);
}
