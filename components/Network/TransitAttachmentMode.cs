namespace HarborHa.Network;

/// <summary>How a Transit Gateway picks the AZ of a VPC attachment for a flow.</summary>
public enum TransitAttachmentMode
{
    /// <summary>Traffic stays in the AZ it arrived in where it can. For VPCs that only host workloads.</summary>
    Standard,

    /// <summary>
    /// Appliance mode: both directions of a flow use the same AZ for its whole life. For a VPC whose
    /// appliances forward traffic (the China hub's VPN appliances), so a flow does not switch
    /// appliance halfway (Transit Gateway docs, appliance in a shared services VPC).
    /// </summary>
    Appliance,
}
