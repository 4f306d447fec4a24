namespace HarborHa.Network;

/// <summary>Inputs of <see cref="TransitGateway"/>.</summary>
public sealed record TransitGatewayArgs
{
    /// <summary>
    /// Amazon-side BGP ASN; required. Every peered Transit Gateway needs its own (Transit Gateway
    /// peering docs), and changing it replaces the gateway, so derive it from something that never
    /// moves (e.g. the region's place in an address plan).
    /// </summary>
    public required long Asn { get; init; }

    /// <summary>The address block other gateways route to this region (e.g. a /13 around its VPC, room to grow).</summary>
    public required string RegionBlock { get; init; }

    /// <summary>
    /// Supernets the VPC's public and private route tables send to the Transit Gateway. Default: none
    /// (the gateway is reachable only from attachments).
    /// </summary>
    public IReadOnlyList<TransitRoute> VpcDestinations { get; init; } = [];

    /// <summary>AZ choice for the VPC attachment. Default <see cref="TransitAttachmentMode.Standard"/>; a VPC with appliances uses appliance mode.</summary>
    public TransitAttachmentMode AttachmentMode { get; init; } = TransitAttachmentMode.Standard;
}
