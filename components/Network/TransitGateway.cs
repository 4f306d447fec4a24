using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Network;

/// <summary>
/// A region's Transit Gateway in the geo topology: the gateway with one route table of its own
/// (default association and propagation off, so every association is declared and nothing attaches
/// itself), the VPC attached through the transit subnets, and the VPC routes that send the private
/// network's supernets to it. Hub–spoke peerings (<see cref="TransitPeering"/>) and the VPN
/// (<see cref="CrossPartitionLink"/>) add their attachments and routes through this component.
/// </summary>
public sealed class TransitGateway
{
    /// <summary>Tiers whose route tables reach other regions: load balancers and NAT (public), nodes (private). Data subnets never do.</summary>
    public static readonly IReadOnlyList<SubnetTier> RoutedTiers = [SubnetTier.Public, SubnetTier.Private];

    private readonly PulumiProgram _program;

    public TransitGateway(PulumiProgram program, RegionalNetwork network, TransitGatewayArgs args)
    {
        _program = program;
        Network = network;
        Asn = args.Asn;
        RegionBlock = args.RegionBlock;
        var gateway = program.Declare(Name("gateway"), ResourceTypes.TransitGateway, Provider, new MapValue
        {
            ["description"] = $"harbor-ha {Region}",
            ["amazonSideAsn"] = args.Asn,
            ["autoAcceptSharedAttachments"] = "disable",
            ["defaultRouteTableAssociation"] = "disable",
            ["defaultRouteTablePropagation"] = "disable",
            ["dnsSupport"] = "enable",
            // Equal-cost paths over every VPN tunnel whose BGP routes tie (the cross-partition link's four tunnels).
            ["vpnEcmpSupport"] = "enable",
            ["tags"] = ProgramExtensions.NameTag(Name("gateway")),
        });
        Id = gateway.Id;
        RouteTableId = program.Declare(Name("route-table"), ResourceTypes.TransitGatewayRouteTable, Provider, new MapValue
        {
            ["transitGatewayId"] = Id,
            ["tags"] = ProgramExtensions.NameTag(Name("route-table")),
        }).Id;

        var attachment = program.Declare(Name("vpc-attachment"), ResourceTypes.TransitGatewayVpcAttachment, Provider, new MapValue
        {
            ["transitGatewayId"] = Id,
            ["vpcId"] = network.VpcId,
            // One small subnet per AZ, used only by the attachment (Transit Gateway design best practices).
            ["subnetIds"] = new ListValue([.. network.SubnetIds[SubnetTier.Transit]]),
            ["dnsSupport"] = "enable",
            ["applianceModeSupport"] = args.AttachmentMode == TransitAttachmentMode.Appliance ? "enable" : "disable",
            ["transitGatewayDefaultRouteTableAssociation"] = false,
            ["transitGatewayDefaultRouteTablePropagation"] = false,
            ["tags"] = ProgramExtensions.NameTag(Name("vpc-attachment")),
        });
        VpcAttachment = attachment.Self;
        VpcAttachmentId = attachment.Id;
        Associate("vpc", VpcAttachmentId);
        Propagate("vpc", VpcAttachmentId);

        foreach (var destination in args.VpcDestinations)
        {
            foreach (var tier in RoutedTiers)
            {
                foreach (var zone in network.AvailabilityZones)
                {
                    // A route to a Transit Gateway is refused until the VPC is attached to it.
                    network.AddRoute(tier, zone, destination.Name, destination.Cidr, new MapValue { ["transitGatewayId"] = Id }, [VpcAttachment]);
                }
            }
        }

        VpcDestinations = args.VpcDestinations;
    }

    public RegionalNetwork Network { get; }

    /// <summary>The region code.</summary>
    public string Region => Network.Region;

    /// <summary>What other gateways route to this region.</summary>
    public string RegionBlock { get; }

    /// <summary>The region's AWS provider.</summary>
    public Ref Provider => Network.Provider;

    public long Asn { get; }

    public Ref Id { get; }

    public Ref RouteTableId { get; }

    /// <summary>The VPC attachment itself, for dependsOn.</summary>
    public Ref VpcAttachment { get; }

    public Ref VpcAttachmentId { get; }

    /// <summary>Supernets the VPC sends here.</summary>
    public IReadOnlyList<TransitRoute> VpcDestinations { get; }

    /// <summary>A logical name of this gateway: <c>&lt;region&gt;-transit-&lt;role&gt;</c>.</summary>
    public string Name(string role) => LogicalName.Of(Region, "transit", role);

    /// <summary>Associates an attachment with the route table: traffic arriving over it is routed by this table.</summary>
    public Resource Associate(string attachmentRole, Value attachmentId, IReadOnlyList<Ref>? dependsOn = null) =>
        _program.Declare(Name($"{attachmentRole}-association"), ResourceTypes.TransitGatewayRouteTableAssociation, Provider, new MapValue
        {
            ["transitGatewayAttachmentId"] = attachmentId,
            ["transitGatewayRouteTableId"] = RouteTableId,
        }, new ResourceOptions { DependsOn = dependsOn ?? [] });

    /// <summary>Propagates an attachment's routes (a VPC's CIDR, a VPN's BGP routes) into the route table.</summary>
    public Resource Propagate(string attachmentRole, Value attachmentId, IReadOnlyList<Ref>? dependsOn = null) =>
        _program.Declare(Name($"{attachmentRole}-propagation"), ResourceTypes.TransitGatewayRouteTablePropagation, Provider, new MapValue
        {
            ["transitGatewayAttachmentId"] = attachmentId,
            ["transitGatewayRouteTableId"] = RouteTableId,
        }, new ResourceOptions { DependsOn = dependsOn ?? [] });

    /// <summary>A static route: <paramref name="destination"/> to an attachment, named <c>&lt;region&gt;-transit-route-&lt;purpose&gt;</c>.</summary>
    public Resource AddRoute(string purpose, string destination, Value attachmentId, IReadOnlyList<Ref>? dependsOn = null) =>
        _program.Declare(Name($"route-{purpose}"), ResourceTypes.TransitGatewayRoute, Provider, new MapValue
        {
            ["destinationCidrBlock"] = destination,
            ["transitGatewayAttachmentId"] = attachmentId,
            ["transitGatewayRouteTableId"] = RouteTableId,
        }, new ResourceOptions { DependsOn = dependsOn ?? [] });
}
