using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Network;

namespace HarborHa.Distribution;

/// <summary>
/// What the network, state and registry tiers provide about one region, as the distribution system
/// needs it. Every member is a reference into the program, so the distribution components do not
/// depend on how those tiers build it.
/// </summary>
public sealed record RegionHarbor
{
    public required RegionConfig Region { get; init; }

    /// <summary>The region's AWS provider.</summary>
    public required Ref AwsProvider { get; init; }

    /// <summary>The region's Kubernetes provider (its EKS cluster).</summary>
    public required Ref KubernetesProvider { get; init; }

    /// <summary>What workloads on the cluster wait for (node group, DNS add-on). Default none.</summary>
    public IReadOnlyList<Ref> ClusterReady { get; init; } = [];

    /// <summary>The Harbor Helm release: every Harbor resource of the region waits for it.</summary>
    public required Ref HarborRelease { get; init; }

    /// <summary>
    /// The region's private endpoint, <c>https://&lt;region&gt;.&lt;domain&gt;</c> on the internal load
    /// balancer: replication targets and the Harbor provider use it, never the public one.
    /// </summary>
    public required Value PrivateEndpoint { get; init; }

    /// <summary>The Harbor admin password (a <c>random:</c> result); the Harbor provider logs in with it.</summary>
    public required Value AdminPassword { get; init; }

    public required Ref VpcId { get; init; }

    /// <summary>Security group of the cluster's nodes: the only source Dragonfly's database and cache accept.</summary>
    public required SecurityGroup Nodes { get; init; }

    /// <summary>Data-tier subnets (no internet route), one per AZ: Dragonfly's database and cache.</summary>
    public required IReadOnlyList<Ref> DataSubnetIds { get; init; }

    /// <summary>Private-tier subnets, one per AZ: Route 53 Resolver endpoints in hub regions.</summary>
    public required IReadOnlyList<Ref> PrivateSubnetIds { get; init; }

    /// <summary>The internal load balancer in front of Harbor (geo always has one).</summary>
    public required LoadBalancerEndpoint InternalLoadBalancer { get; init; }

    /// <summary>The internet-facing load balancer, present only with exposure <c>both</c>.</summary>
    public LoadBalancerEndpoint? PublicLoadBalancer { get; init; }
}
