using HarborHa.Configuration;
using HarborHa.Planning;

namespace HarborHa.Network;

/// <summary>Inputs of <see cref="TransitGateway"/>. <see cref="For"/> fills them from the transit plan.</summary>
public sealed record TransitGatewayArgs
{
    /// <summary>Amazon-side BGP ASN; required. The plan gives hubs the configured ASNs and spokes one per slot (<see cref="TransitPlan.AsnOf"/>).</summary>
    public required long Asn { get; init; }

    /// <summary>
    /// Supernets the VPC's public and private route tables send to the Transit Gateway. Default: none
    /// (the gateway is reachable only from attachments); the plan gives both /9s, except the overseas
    /// /9 at the China hub, which goes to the VPN appliances.
    /// </summary>
    public IReadOnlyList<TransitDestination> VpcDestinations { get; init; } = [];

    /// <summary>AZ choice for the VPC attachment. Default <see cref="TransitAttachmentMode.Standard"/>; the China hub uses appliance mode.</summary>
    public TransitAttachmentMode AttachmentMode { get; init; } = TransitAttachmentMode.Standard;

    /// <summary>The geo plan's settings for a region's Transit Gateway.</summary>
    public static TransitGatewayArgs For(StackConfig config, RegionConfig region) => new()
    {
        Asn = TransitPlan.AsnOf(config, region),
        VpcDestinations = TransitPlan.VpcDestinations(region),
        AttachmentMode = region is { IsHub: true, Side: Side.China } ? TransitAttachmentMode.Appliance : TransitAttachmentMode.Standard,
    };
}
