using HarborHa.Model;
namespace HarborHa.Checks;

/// <summary>One property whose change replaces (or moves) a resource, and what that costs.</summary>
public sealed record ReplacementEntry(string Type, string Property, string Consequence)
{
    /// <summary>Whether a changed property path (<c>vpcConfig.subnetIds[0]</c>) falls under this entry.</summary>
    public bool Covers(string path) =>
        path == Property ||
        path.StartsWith(Property + ".", StringComparison.Ordinal) ||
        path.StartsWith(Property + "[", StringComparison.Ordinal);
}

/// <summary>
/// The curated table behind <c>infra diff</c>: for the resource types harbor-ha uses, which
/// properties force a replacement (ForceNew in the aws provider's resource schema, which the Pulumi
/// aws provider bridges) or move the resource in a way that costs an outage, and which types hold
/// state (a removal or rename loses data). docs/checks.md prints this table. Types and properties not
/// listed are treated as updatable in place; node groups, listeners and parameter groups are left out
/// on purpose because replacing them is create-before-delete and keeps no data.
/// </summary>
public static class ReplacementTable
{
    private const string NewDatabase = "replaces the database: a new, empty instance unless restored";
    private const string NewCache = "replaces the Redis replication group: sessions and job queues are lost";
    private const string NewBucket = "replaces the bucket: every stored image layer is lost";
    private const string NewCluster = "replaces the EKS cluster: every workload is rescheduled onto a new cluster";
    private const string NewNetwork = "replaces the network resource and everything placed in it";

    /// <summary>
    /// Types that hold data or identity which a replacement or removal destroys. <c>infra check</c>
    /// requires them to be protected outside dev; <c>infra diff</c> flags their removal.
    /// </summary>
    public static readonly IReadOnlySet<string> StatefulTypes = new SortedSet<string>(StringComparer.Ordinal)
    {
        ResourceTypes.RdsInstance,
        ResourceTypes.RdsCluster,
        ResourceTypes.CacheReplicationGroup,
        ResourceTypes.CacheCluster,
        ResourceTypes.Bucket,
        ResourceTypes.BucketV2,
        ResourceTypes.EksCluster,
        ResourceTypes.KmsKey,
        ResourceTypes.EbsVolume,
        ResourceTypes.EfsFileSystem,
        ResourceTypes.EcrRepository,
        ResourceTypes.Route53Zone,
    };

    public static bool IsStateful(string type) => StatefulTypes.Contains(type);

    /// <summary>Every entry, by type then property.</summary>
    public static IReadOnlyList<ReplacementEntry> Entries { get; } = Build();

    /// <summary>
    /// In aws 7 every resource takes a <c>region</c> argument that overrides its provider's; changing
    /// it recreates the resource in the other region.
    /// </summary>
    public static readonly ReplacementEntry RegionArgument = new("aws:*", "region", "recreates the resource in another region");

    /// <summary>The entry that a changed property of a resource type falls under, if any.</summary>
    public static ReplacementEntry? Match(string type, string path)
    {
        if (type.StartsWith("aws:", StringComparison.Ordinal) && RegionArgument.Covers(path))
        {
            return RegionArgument;
        }

        return Entries.FirstOrDefault(e => e.Type == type && e.Covers(path));
    }

    /// <summary>Whether the type has any entry (its replacement is something the table knows to be costly).</summary>
    public static bool Knows(string type) => Entries.Any(e => e.Type == type);

    private static ReplacementEntry[] Build()
    {
        var entries = new List<ReplacementEntry>();
        void Add(string type, string consequence, params string[] properties) =>
            entries.AddRange(properties.Select(p => new ReplacementEntry(type, p, consequence)));

        Add(ResourceTypes.RdsInstance, NewDatabase,
            "identifier", "identifierPrefix", "engine", "dbName", "username", "storageEncrypted", "kmsKeyId", "availabilityZone",
            "characterSetName", "ncharCharacterSetName", "timezone", "customIamInstanceProfile", "s3Import");
        Add(ResourceTypes.RdsInstance, "replaces the live database with one restored from the snapshot", "snapshotIdentifier");
        Add(ResourceTypes.RdsInstance, "replaces the live database with one restored to a point in time", "restoreToPointInTime");
        Add(ResourceTypes.RdsInstance, "moves the database to another subnet group: an outage, and impossible for a Multi-AZ instance across VPCs", "dbSubnetGroupName");
        Add(ResourceTypes.RdsCluster, NewDatabase,
            "clusterIdentifier", "clusterIdentifierPrefix", "engine", "databaseName", "masterUsername", "storageEncrypted", "kmsKeyId",
            "dbSubnetGroupName", "availabilityZones", "snapshotIdentifier", "restoreToPointInTime");
        Add(ResourceTypes.RdsSubnetGroup, "replaces the subnet group, which moves its database", "name", "namePrefix");

        Add(ResourceTypes.CacheReplicationGroup, NewCache,
            "replicationGroupId", "atRestEncryptionEnabled", "kmsKeyId", "subnetGroupName", "port", "snapshotArns", "snapshotName",
            "networkType", "dataTieringEnabled", "globalReplicationGroupId");
        Add(ResourceTypes.CacheReplicationGroup, "replaces the replication group when its engine is older than Redis 7.0.5", "transitEncryptionEnabled");
        Add(ResourceTypes.CacheCluster, "replaces the cache cluster and its data", "clusterId", "engine", "subnetGroupName", "availabilityZone", "port", "snapshotArns", "snapshotName");
        Add(ResourceTypes.CacheSubnetGroup, "replaces the subnet group, which replaces its replication group", "name");

        Add(ResourceTypes.Bucket, NewBucket, "bucket", "bucketPrefix", "objectLockEnabled");
        Add(ResourceTypes.BucketV2, NewBucket, "bucket", "bucketPrefix", "objectLockEnabled");

        Add(ResourceTypes.EksCluster, NewCluster,
            "name", "roleArn", "kubernetesNetworkConfig.serviceIpv4Cidr", "kubernetesNetworkConfig.ipFamily", "encryptionConfig.provider",
            "outpostConfig", "bootstrapSelfManagedAddons", "accessConfig.bootstrapClusterCreatorAdminPermissions");

        Add(ResourceTypes.KmsKey, "replaces the key: the old key is scheduled for deletion and what it encrypted becomes unreadable",
            "customerMasterKeySpec", "keyUsage", "multiRegion", "customKeyStoreId", "xksKeyId");
        Add(ResourceTypes.EbsVolume, "replaces the volume and its data", "availabilityZone", "encrypted", "kmsKeyId", "snapshotId");
        Add(ResourceTypes.EfsFileSystem, "replaces the file system and its data", "creationToken", "encrypted", "kmsKeyId", "performanceMode");
        Add(ResourceTypes.EcrRepository, "replaces the repository and its images", "name");
        Add(ResourceTypes.Route53Zone, "replaces the hosted zone: new name servers, the parent delegation breaks", "name");

        Add(ResourceTypes.Vpc, NewNetwork, "cidrBlock", "ipv4IpamPoolId", "ipv4NetmaskLength", "instanceTenancy");
        Add(ResourceTypes.Subnet, NewNetwork, "cidrBlock", "availabilityZone", "availabilityZoneId", "vpcId", "outpostArn");
        Add(ResourceTypes.SecurityGroup, "replaces the security group; an attached group cannot be deleted, so the update stalls on DependencyViolation",
            "name", "namePrefix", "description", "vpcId");
        Add(ResourceTypes.Eip, "replaces the Elastic IP: the public address changes (VPN peers and allow-lists break)",
            "domain", "address", "publicIpv4Pool", "networkBorderGroup");
        Add(ResourceTypes.TransitGateway, "replaces the transit gateway: every attachment, peering and VPN on it goes down", "amazonSideAsn");
        Add(ResourceTypes.TransitGatewayVpcAttachment, "replaces the attachment: the region drops off the private network meanwhile", "transitGatewayId", "vpcId");
        Add(ResourceTypes.CustomerGateway, "replaces the customer gateway and so the VPN connection: new tunnel addresses and keys",
            "bgpAsn", "bgpAsnExtended", "ipAddress", "type", "certificateArn", "deviceName");
        Add(ResourceTypes.VpnConnection, "replaces the VPN connection: new tunnel addresses and keys, the appliances must be reconfigured",
            "type", "staticRoutesOnly", "tunnel1InsideCidr", "tunnel2InsideCidr", "outsideIpAddressType", "transportTransitGatewayAttachmentId",
            "enableAcceleration");
        Add(ResourceTypes.LoadBalancer, "replaces the load balancer: a new DNS name, clients and alias records move", "name", "namePrefix", "internal", "loadBalancerType");
        Add(ResourceTypes.AlbLoadBalancer, "replaces the load balancer: a new DNS name, clients and alias records move", "name", "namePrefix", "internal", "loadBalancerType");

        Add(ResourceTypes.KubernetesNamespace, "replaces the namespace: deleting it deletes everything in it", "metadata.name");
        Add(ResourceTypes.AwsProvider, "moves every resource on the provider to another region", "region");
        return entries.OrderBy(e => e.Type, StringComparer.Ordinal).ThenBy(e => e.Property, StringComparer.Ordinal).ToArray();
    }
}
