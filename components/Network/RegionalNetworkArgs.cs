using HarborHa.Configuration;
using HarborHa.Planning;

namespace HarborHa.Network;

/// <summary>Inputs of <see cref="RegionalNetwork"/>. Defaults are the HA choices; single-site opts into less.</summary>
public sealed record RegionalNetworkArgs
{
    /// <summary>The region; its slot fixes the VPC block (NetworkPlan) and its AZ count the subnets (SubnetPlan).</summary>
    public required RegionConfig Region { get; init; }

    /// <summary>NAT layout. Default <see cref="NatStrategy.PerAz"/>: an AZ outage never takes egress from the others.</summary>
    public NatStrategy Nat { get; init; } = NatStrategy.PerAz;

    /// <summary>The stack's domain: it scopes the flow-log group's name, so stacks sharing an account never collide.</summary>
    public required string Domain { get; init; }

    /// <summary>Days to keep VPC flow logs in CloudWatch Logs. Default 90 (long enough for an incident review).</summary>
    public int FlowLogRetentionDays { get; init; } = 90;

    public string VpcCidr => NetworkPlan.VpcOf(Region);

    public IReadOnlyList<PlannedSubnet> Subnets => SubnetPlan.For(Region);
}
