using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Distribution;

/// <summary>
/// One region's Harbor as the distribution system needs it: which region it is, its part in
/// replication, and references to what the registry tier built (the release, the private endpoint,
/// the admin password). Nothing here depends on how those tiers were configured.
/// </summary>
public sealed record RegionHarbor
{
    /// <summary>AWS region code, e.g. <c>ap-southeast-1</c>; it prefixes every logical name of the region's Harbor resources. Required.</summary>
    public required string Name { get; init; }

    /// <summary>The region's partition (<see cref="Partitions.Of"/> of the name); links between partitions copy by chunk under their own limit. Required.</summary>
    public required Partition Partition { get; init; }

    /// <summary>
    /// The region's part in replication. Default <see cref="DistributionRole.Replica"/>: a region
    /// writes only when it is named the primary, so there is never a second writer by omission.
    /// </summary>
    public DistributionRole Role { get; init; } = DistributionRole.Replica;

    /// <summary>The Harbor Helm release: every Harbor resource of the region waits for it. Required.</summary>
    public required Ref HarborRelease { get; init; }

    /// <summary>
    /// The region's private endpoint, <c>https://&lt;region&gt;.&lt;domain&gt;</c> on the internal load
    /// balancer: replication targets and the Harbor provider use it, never the public one. Required.
    /// </summary>
    public required Value PrivateEndpoint { get; init; }

    /// <summary>The Harbor admin password (a <c>random:</c> result); the Harbor provider logs in with it, wrapped secret. Required.</summary>
    public required Value AdminPassword { get; init; }

    /// <summary>The region's Kubernetes provider, where its readiness gates run (<see cref="ReachabilityGates"/>). Default null: the region runs no gate.</summary>
    public Ref? KubernetesProvider { get; init; }

    /// <summary>The namespace the region's readiness gates run in (Harbor's). Default null: the region runs no gate.</summary>
    public Value? Namespace { get; init; }

    /// <summary>The pinned image of the region's readiness gates (<see cref="ReachabilityProbe.Image"/>). Default null: the region runs no gate.</summary>
    public string? ProbeImage { get; init; }

    /// <summary>The region as the replication plan sees it.</summary>
    public ReplicationSite Site => new(Name, Partition, Role);
}
