using HarborHa.Distribution;
using HarborHa.Dns;
using HarborHa.Dragonfly;
using HarborHa.Model;

namespace HarborHa.Stacks;

/// <summary>What <see cref="GeoDistribution.Compose"/> declared: per region its Harbor configuration and Dragonfly, the DNS, and the primary's rules.</summary>
public sealed record DistributionSystem(
    IReadOnlyDictionary<string, RegionDistribution> Regions,
    IReadOnlyDictionary<string, DragonflyCluster> Dragonfly,
    PrivateDns PrivateDns,
    IReadOnlyList<ReplicationLink> Links,
    IReadOnlyList<Resource> Rules);
