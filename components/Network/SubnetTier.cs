namespace HarborHa.Network;

/// <summary>What a subnet is for; each tier has its own route table per AZ.</summary>
public enum SubnetTier
{
    /// <summary>Load balancers and NAT gateways; routes to the internet gateway.</summary>
    Public,

    /// <summary>Cluster nodes and pods (VPC CNI gives every pod a VPC address, hence large).</summary>
    Private,

    /// <summary>Databases and caches; no route to the internet at all.</summary>
    Data,

    /// <summary>Transit Gateway attachments (AWS asks for a small dedicated subnet per AZ).</summary>
    Transit,
}
