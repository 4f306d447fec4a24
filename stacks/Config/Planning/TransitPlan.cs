using HarborHa.Configuration;

namespace HarborHa.Planning;

/// <summary>A supernet that a region's VPC sends to its Transit Gateway.</summary>
public sealed record TransitDestination(Side Side, string Cidr)
{
    /// <summary>The word used in route names: <c>overseas</c> or <c>china</c>.</summary>
    public string Name => NetworkPlan.NameOf(Side);
}

/// <summary>One Transit Gateway peering: a side's hub and one of its spokes.</summary>
public sealed record PlannedPeering(RegionConfig Hub, RegionConfig Spoke);

/// <summary>
/// The geo topology's private network as pure functions of the config: which Transit Gateways
/// peer, which ASN each uses, what each VPC sends to its Transit Gateway, and whether the two sides
/// are joined by the cross-partition VPN. The components only turn this plan into resources.
/// </summary>
public static class TransitPlan
{
    /// <summary>First ASN of the range given to Transit Gateways: overseas slot k gets FirstTransitAsn + k, China slot k gets FirstTransitAsn + 16 + k.</summary>
    public const long FirstTransitAsn = 64520;

    /// <summary>Last ASN of the Transit Gateway range (64520–64551, all private); the appliances' ASN must lie outside it.</summary>
    public const long LastTransitAsn = FirstTransitAsn + (2 * NetworkPlan.SlotCount) - 1;

    /// <summary>
    /// The Amazon-side ASN of a region's Transit Gateway, from its side and slot only, like its CIDR
    /// block. The ASN is fixed when a Transit Gateway is created (changing it replaces the gateway and
    /// every attachment, peering and VPN on it), so it must not follow the hub role: moving a hub after
    /// losing one re-wires peerings and routes but replaces no surviving gateway. Every peered gateway
    /// still gets its own ASN, as AWS recommends (Transit Gateway peering docs).
    /// </summary>
    public static long AsnOf(RegionConfig region) =>
        FirstTransitAsn + (region.Side == Side.China ? NetworkPlan.SlotCount : 0) + region.Slot;

    /// <summary>Whether an ASN falls in the range reserved for Transit Gateways.</summary>
    public static bool IsTransitAsn(long asn) => asn is >= FirstTransitAsn and <= LastTransitAsn;

    /// <summary>Every hub–spoke peering, hub by hub, spokes by slot. Spokes never peer with each other: traffic between them passes the hub.</summary>
    public static IReadOnlyList<PlannedPeering> Peerings(StackConfig config) =>
        config.Topology == Topology.Geo ? Peerings(config.Regions) : [];

    /// <summary>The peerings a geo stack of these regions would have (overseas hub first).</summary>
    public static IReadOnlyList<PlannedPeering> Peerings(IReadOnlyList<RegionConfig> regions) =>
        [.. regions
            .Where(r => r.IsHub)
            .OrderBy(r => r.Side)
            .SelectMany(hub => regions
                .Where(r => r.Side == hub.Side && !r.IsHub)
                .OrderBy(r => r.Slot)
                .Select(spoke => new PlannedPeering(hub, spoke)))];

    /// <summary>Peerings AWS does not offer, e.g. in China anything but Beijing ↔ Ningxia (<see cref="Regions.CanPeerTransitGateways"/>).</summary>
    public static IReadOnlyList<PlannedPeering> UnsupportedPeerings(IReadOnlyList<RegionConfig> regions) =>
        [.. Peerings(regions).Where(p => !Regions.CanPeerTransitGateways(p.Hub.Name, p.Spoke.Name))];

    /// <summary>Whether the stack has the cross-partition VPN: a geo stack with a hub on each side.</summary>
    public static bool HasCrossPartitionLink(StackConfig config) =>
        config.Topology == Topology.Geo && config.HubOf(Side.Overseas) is not null && config.HubOf(Side.China) is not null;

    /// <summary>
    /// The supernets a region's VPC sends to its own Transit Gateway: both /9s, own side first. The
    /// China hub is the exception: it sends the overseas /9 to its VPN appliances instead (the link
    /// adds those routes), never to its Transit Gateway, so adding the overseas side later only adds
    /// routes there and changes none.
    /// </summary>
    public static IReadOnlyList<TransitDestination> VpcDestinations(RegionConfig region)
    {
        var own = new TransitDestination(region.Side, NetworkPlan.SupernetOf(region.Side));
        var other = region.Side == Side.China ? Side.Overseas : Side.China;
        return region is { IsHub: true, Side: Side.China }
            ? [own]
            : [own, new TransitDestination(other, NetworkPlan.SupernetOf(other))];
    }
}
