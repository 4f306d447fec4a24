namespace HarborHa.Network;

/// <summary>How private subnets reach the internet (image pulls from upstream registries, AWS APIs).</summary>
public enum NatStrategy
{
    /// <summary>One NAT gateway for the whole VPC: cheapest, but losing its AZ cuts every AZ off. single-site.</summary>
    Single,

    /// <summary>One NAT gateway per AZ, each AZ routing through its own: no cross-AZ dependency. ha and geo.</summary>
    PerAz,
}
