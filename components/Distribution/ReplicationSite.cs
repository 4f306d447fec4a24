using HarborHa.Common;

namespace HarborHa.Distribution;

/// <summary>A region as the replication plan sees it: enough to tell who pushes to whom, and over which border.</summary>
/// <param name="Name">AWS region code, e.g. <c>cn-north-1</c>.</param>
/// <param name="Partition">The region's partition; a link between partitions runs over the cross-partition VPN.</param>
/// <param name="Role">Whether the region is the primary (the one writer) or a replica.</param>
public sealed record ReplicationSite(string Name, Partition Partition, DistributionRole Role);
