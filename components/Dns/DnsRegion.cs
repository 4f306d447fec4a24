using HarborHa.Configuration;
using HarborHa.Distribution;
using HarborHa.Model;

namespace HarborHa.Dns;

/// <summary>One region as DNS needs it: its provider, VPC, subnets for resolver endpoints, and its load balancers.</summary>
public sealed record DnsRegion
{
    public required RegionConfig Region { get; init; }

    public required Ref AwsProvider { get; init; }

    public required Ref VpcId { get; init; }

    /// <summary>Private subnets in two or more AZs; resolver endpoints of hub regions take one address in each of the first two.</summary>
    public required IReadOnlyList<Ref> ResolverSubnetIds { get; init; }

    /// <summary>The internal load balancer: the target of the private records.</summary>
    public required LoadBalancerEndpoint InternalLoadBalancer { get; init; }

    /// <summary>The internet-facing load balancer, with exposure <c>both</c>; null otherwise.</summary>
    public LoadBalancerEndpoint? PublicLoadBalancer { get; init; }
}
