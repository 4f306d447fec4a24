using HarborHa.Common;
using HarborHa.Distribution;
using HarborHa.Model;

namespace HarborHa.Dns;

/// <summary>One region as DNS needs it: its role, provider, VPC, subnets for resolver endpoints, and its load balancers.</summary>
public sealed record DnsRegion
{
    /// <summary>The region code.</summary>
    public required string Region { get; init; }

    /// <summary>Whether the region is its side's hub: it holds the side's private zone and inbound resolver endpoint.</summary>
    public required bool IsHub { get; init; }

    /// <summary>Whether the region is the primary (it forwards the other side's names to push there).</summary>
    public required bool IsPrimary { get; init; }

    public required Ref AwsProvider { get; init; }

    public required Ref VpcId { get; init; }

    /// <summary>Private subnets in two or more AZs; resolver endpoints of hub regions take one address in each of the first two.</summary>
    public required IReadOnlyList<Ref> ResolverSubnetIds { get; init; }

    /// <summary>The internal load balancer: the target of the private records.</summary>
    public required LoadBalancerEndpoint InternalLoadBalancer { get; init; }

    /// <summary>The internet-facing load balancer, with exposure <c>both</c>; null otherwise.</summary>
    public LoadBalancerEndpoint? PublicLoadBalancer { get; init; }

    public Partition Partition => Partitions.Of(Region);
}
