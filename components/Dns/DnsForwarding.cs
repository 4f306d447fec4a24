using HarborHa.Common;

namespace HarborHa.Dns;

/// <summary>
/// Which regions resolve the other side's private names, as a pure function of the regions. Each
/// side's private hosted zone answers only inside that side (a zone cannot be associated with a VPC
/// in the other partition), so a region that talks across the border forwards the other side's
/// regional names to that side's hub over the VPN. Those regions are the hubs (where operators and
/// pipelines reach both sides from) and the primary (whose replication pushes everywhere).
/// Resolver rules and endpoints are regional, so each such region has its own outbound endpoint.
/// </summary>
public static class DnsForwarding
{
    /// <summary>The regions that forward, sorted; empty when the stack has one side only.</summary>
    public static IReadOnlyList<DnsRegion> Forwarders(IReadOnlyList<DnsRegion> regions)
    {
        if (regions.Select(r => r.Partition).Distinct().Count() < 2)
        {
            return [];
        }

        return regions.Where(r => r.IsHub || r.IsPrimary).OrderBy(r => r.Region, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The other side's regions whose names a forwarder sends to the other side's hub.</summary>
    public static IReadOnlyList<DnsRegion> RemoteRegions(DnsRegion forwarder, IReadOnlyList<DnsRegion> regions) =>
        regions.Where(r => r.Partition != forwarder.Partition).OrderBy(r => r.Region, StringComparer.Ordinal).ToArray();

    /// <summary>The region holding a side's inbound endpoint (its hub), or null when the side has no region.</summary>
    public static DnsRegion? InboundOf(Partition side, IReadOnlyList<DnsRegion> regions) =>
        regions.SingleOrDefault(r => r.Partition == side && r.IsHub);
}
