using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Network;

/// <summary>
/// A hub–spoke Transit Gateway peering on one side: the request in the hub's region, the
/// acceptance in the spoke's (each with its own provider), both ends associated with their route
/// tables, and static routes (peering attachments carry no propagated routes): the hub sends the
/// spoke's /13 block over the peering, the spoke sends what its VPC routes to its gateway (both /9s) to the hub. The spoke's own VPC stays
/// local through its more specific propagated route. Everything is named after the two regions, so
/// adding a spoke only adds resources.
/// </summary>
public sealed class TransitPeering
{
    public TransitPeering(PulumiProgram program, TransitGateway hub, TransitGateway spoke)
    {
        // Peering never crosses partitions (AWS China documentation).
        if (hub.Network.Partition != spoke.Network.Partition)
        {
            throw new ProgramException($"Transit Gateways of {hub.Region} and {spoke.Region} cannot peer across partitions");
        }

        var h = hub.Region;
        var s = spoke.Region;
        var request = program.Declare(LogicalName.Of(h, "transit", "peer", s), ResourceTypes.TransitGatewayPeeringAttachment, hub.Provider, new MapValue
        {
            ["transitGatewayId"] = hub.Id,
            ["peerRegion"] = s,
            ["peerTransitGatewayId"] = spoke.Id,
            ["tags"] = ProgramExtensions.NameTag(LogicalName.Of(h, "transit", "peer", s)),
        });
        var accept = program.Declare(LogicalName.Of(s, "transit", "accept", h), ResourceTypes.TransitGatewayPeeringAttachmentAccepter, spoke.Provider, new MapValue
        {
            ["transitGatewayAttachmentId"] = request.Id,
            ["tags"] = ProgramExtensions.NameTag(LogicalName.Of(s, "transit", "accept", h)),
        });
        AttachmentId = accept.Out("transitGatewayAttachmentId");

        // The hub's end can be associated and routed to only once the spoke has accepted.
        IReadOnlyList<Ref> accepted = [accept.Self];
        hub.Associate($"peer-{s}", request.Id, accepted);
        hub.AddRoute(s, spoke.RegionBlock, request.Id, accepted);
        spoke.Associate($"accept-{h}", AttachmentId);
        // Everything the spoke's VPC sends to its gateway goes on to the hub.
        foreach (var destination in spoke.VpcDestinations)
        {
            spoke.AddRoute(destination.Name, destination.Cidr, AttachmentId);
        }
    }

    /// <summary>The peering attachment's id, available once the spoke accepted it.</summary>
    public Ref AttachmentId { get; }
}
