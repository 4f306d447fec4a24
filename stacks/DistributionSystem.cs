using HarborHa.Distribution;
using HarborHa.Dns;
using HarborHa.Dragonfly;
using HarborHa.Model;

namespace HarborHa.Stacks;

/// <summary>What <see cref="GeoDistribution.Compose"/> declared.</summary>
/// <param name="Regions">Per region code, the region's Harbor configuration (projects, robots, proxy caches, preheat).</param>
/// <param name="Dragonfly">Per region code, its Dragonfly; empty when Dragonfly is off.</param>
/// <param name="PrivateDns">The private zones, records and cross-border forwarding.</param>
/// <param name="Links">The replication plan: the primary's push rules, by target.</param>
/// <param name="Rules">The primary's push rule resources, one per link.</param>
public sealed record DistributionSystem(
    IReadOnlyDictionary<string, RegionDistribution> Regions,
    IReadOnlyDictionary<string, DragonflyCluster> Dragonfly,
    PrivateDns PrivateDns,
    IReadOnlyList<ReplicationLink> Links,
    IReadOnlyList<Resource> Rules);
