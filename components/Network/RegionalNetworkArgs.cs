namespace HarborHa.Network;

/// <summary>Inputs of <see cref="RegionalNetwork"/>. Defaults are the HA choices; single-site opts into less.</summary>
public sealed record RegionalNetworkArgs
{
    /// <summary>The region code, e.g. <c>ap-southeast-1</c>; it names every resource.</summary>
    public required string Region { get; init; }

    /// <summary>The VPC's /16; <see cref="SubnetPlan"/> lays the subnets out inside it.</summary>
    public required string VpcCidr { get; init; }

    /// <summary>Availability zones to use, in order (at most <see cref="SubnetPlan.MaxAzs"/>); adding one adds subnets without moving others.</summary>
    public required IReadOnlyList<string> AvailabilityZones { get; init; }

    /// <summary>CloudWatch Logs group of the VPC flow logs; group names are unique per account and region, so it should name the stack.</summary>
    public required string FlowLogGroupName { get; init; }

    /// <summary>NAT layout. Default <see cref="NatStrategy.PerAz"/>: an AZ outage never takes egress from the others.</summary>
    public NatStrategy Nat { get; init; } = NatStrategy.PerAz;

    /// <summary>Days to keep VPC flow logs in CloudWatch Logs. Default 90 (long enough for an incident review).</summary>
    public int FlowLogRetentionDays { get; init; } = 90;

    /// <summary>
    /// Which subnets are tagged for load balancers that Kubernetes creates. Default
    /// <see cref="Network.LoadBalancerSubnets.Internal"/>: a region that does not serve the internet
    /// must not let a <c>LoadBalancer</c> Service become public by accident.
    /// </summary>
    public LoadBalancerSubnets LoadBalancerSubnets { get; init; } = LoadBalancerSubnets.Internal;

    /// <summary>
    /// Names of the S3 buckets in this region that the VPC reaches through its S3 gateway endpoint
    /// (the registry's bucket). The endpoint's policy admits these and, read-only, what the nodes and
    /// Harbor's default proxy caches need from AWS-owned buckets (<see cref="S3EndpointPolicy"/>);
    /// anything else through the endpoint is refused, so a stolen credential cannot copy data into
    /// another account's bucket from inside the VPC. Default none.
    /// </summary>
    public IReadOnlyList<string> S3EndpointBuckets { get; init; } = [];

    public IReadOnlyList<PlannedSubnet> Subnets => SubnetPlan.For(VpcCidr, AvailabilityZones);
}
