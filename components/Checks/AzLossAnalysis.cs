using HarborHa.Model;

namespace HarborHa.Checks;

/// <summary>
/// Something on the data path that losing one availability zone takes away from the others.
/// <paramref name="Zone"/> is null when the program does not pin the zone (AWS picks it): losing
/// any zone may be the one.
/// </summary>
public sealed record AzLoss(string Region, string? Zone, string Resource, string What);

/// <summary>The AZ-loss analysis of a program: the zones of each region and what losing each removes.</summary>
public sealed record AzLossReport(IReadOnlyDictionary<string, IReadOnlyList<string>> Zones, IReadOnlyList<AzLoss> Losses)
{
    /// <summary>What losing one zone of a region removes, including losses in an unpinned zone.</summary>
    public IReadOnlyList<AzLoss> For(string region, string zone) =>
        Losses.Where(l => l.Region == region && (l.Zone is null || l.Zone == zone)).ToArray();
}

/// <summary>
/// For every region of the program and every zone it uses: does losing that zone take away
/// something the other zones need? It looks for the single points of failure an HA design must
/// not have: a route from one zone through a NAT gateway or appliance in another, a single-AZ
/// database or cache, and node groups, subnet groups, load balancers or subnet tiers confined to
/// one zone. A region is the region of an AWS provider; its zones are the zones its subnets are in.
/// Whether a loss is acceptable is the resource's to say (<c>az-loss</c> in its accepted risks).
/// </summary>
public static class AzLossAnalysis
{
    /// <summary>Properties that place a resource across a list of subnets.</summary>
    private static readonly string[] SubnetListPaths = ["subnetIds", "subnets", "vpcConfig.subnetIds"];

    /// <summary>Route targets that live in one zone; gateways, transit gateways and endpoints are zone-redundant.</summary>
    private static readonly string[] ZonalRouteTargets = ["natGatewayId", "networkInterfaceId"];

    public static AzLossReport Analyze(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        var zones = Zones(index);
        var losses = new List<AzLoss>();
        losses.AddRange(Routes(index));
        losses.AddRange(Databases(index));
        losses.AddRange(Caches(index));
        losses.AddRange(SubnetConsumers(index));
        losses.AddRange(SubnetTiers(index, zones));
        var known = losses
            .Where(l => zones.TryGetValue(l.Region, out var z) && z.Count > 1)
            .Distinct()
            .OrderBy(l => l.Region, StringComparer.Ordinal)
            .ThenBy(l => l.Zone ?? "", StringComparer.Ordinal)
            .ThenBy(l => l.Resource, StringComparer.Ordinal)
            .ToArray();
        return new AzLossReport(zones, known);
    }

    /// <summary>The zones of each region that has subnets: the distinct literal zones of its subnets, in order.</summary>
    private static SortedDictionary<string, IReadOnlyList<string>> Zones(ProgramIndex index)
    {
        var zones = index.OfType(ResourceTypes.Subnet)
            .Select(s => (Region: index.RegionOf(s), Zone: ProgramIndex.ZoneOf(s)))
            .Where(x => x.Region is not null && x.Zone is not null)
            .GroupBy(x => x.Region!, StringComparer.Ordinal);
        var result = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var region in zones)
        {
            result[region.Key] = region.Select(x => x.Zone!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        }

        return result;
    }

    private static string Region(ProgramIndex index, Resource r) => index.RegionOf(r) ?? "";

    private static IEnumerable<AzLoss> Routes(ProgramIndex index)
    {
        foreach (var route in index.OfType(ResourceTypes.Route))
        {
            var table = index.Target(route.Property("routeTableId"));
            if (table is null)
            {
                continue;
            }

            foreach (var path in ZonalRouteTargets)
            {
                var target = index.Target(route.Property(path));
                var targetZone = target is null ? null : index.ZoneOfPlacement(target);
                if (target is null || targetZone is null)
                {
                    continue;
                }

                var destination = Props.Text(route.Property("destinationCidrBlock")) ?? "its destination";
                foreach (var zone in index.ZonesOfRouteTable(table.Name).Where(z => z != targetZone))
                {
                    yield return new AzLoss(Region(index, route), targetZone, target.Name,
                        $"{zone} routes {destination} through {target.Name} in {targetZone} ({route.Name})");
                }
            }
        }
    }

    private static IEnumerable<AzLoss> Databases(ProgramIndex index)
    {
        foreach (var db in index.OfType(ResourceTypes.RdsInstance).Where(d => !Props.IsTrue(d.Property("multiAz"))))
        {
            var zone = Props.Text(db.Property("availabilityZone"));
            yield return new AzLoss(Region(index, db), zone, db.Name,
                $"single-AZ database (multiAz is not true){(zone is null ? ", in whichever zone RDS placed it" : "")}");
        }
    }

    private static IEnumerable<AzLoss> Caches(ProgramIndex index)
    {
        foreach (var cache in index.OfType(ResourceTypes.CacheReplicationGroup))
        {
            var replicas = Props.Number(cache.Property("numCacheClusters")) is { } n ? n - 1 : Props.Number(cache.Property("replicasPerNodeGroup")) ?? 0;
            var failover = Props.IsTrue(cache.Property("automaticFailoverEnabled")) && Props.IsTrue(cache.Property("multiAzEnabled"));
            var pinned = Props.Texts(cache.Property("preferredCacheClusterAzs")).Distinct(StringComparer.Ordinal).ToArray();
            if (!failover || replicas < 1)
            {
                var zone = pinned.Length == 1 ? pinned[0] : null;
                yield return new AzLoss(Region(index, cache), zone, cache.Name,
                    "single-AZ cache (needs a replica, automaticFailoverEnabled and multiAzEnabled)");
            }
            else if (pinned.Length == 1)
            {
                yield return new AzLoss(Region(index, cache), pinned[0], cache.Name, $"every cache node is pinned to {pinned[0]}");
            }
        }

        foreach (var cache in index.OfType(ResourceTypes.CacheCluster))
        {
            var zone = Props.Text(cache.Property("availabilityZone"));
            yield return new AzLoss(Region(index, cache), zone, cache.Name, "single-node cache cluster");
        }
    }

    private static IEnumerable<AzLoss> SubnetConsumers(ProgramIndex index)
    {
        foreach (var r in index.Program.Resources)
        {
            var subnets = SubnetListPaths.SelectMany(p => index.Subnets(r.Property(p)))
                .Concat(Props.Items(r.Property("subnetMappings")).SelectMany(m => index.Subnets(Props.At(m, "subnetId"))))
                .DistinctBy(s => s.Name)
                .ToArray();
            var zones = subnets.Select(ProgramIndex.ZoneOf).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
            if (subnets.Length > 0 && zones.Length == 1)
            {
                var what = r.Type == ResourceTypes.EksNodeGroup ? "node group" : "placed";
                yield return new AzLoss(Region(index, r), zones[0], r.Name, $"{what} in subnets of {zones[0]} only");
            }
        }
    }

    /// <summary>Subnets named <c>&lt;tier&gt;-&lt;zone letter&gt;</c> form a tier; a tier in one zone only cannot survive it.</summary>
    private static IEnumerable<AzLoss> SubnetTiers(ProgramIndex index, SortedDictionary<string, IReadOnlyList<string>> zones)
    {
        var tiers = index.OfType(ResourceTypes.Subnet)
            .Where(s => s.Name.Length > 2 && s.Name[^2] == '-' && ProgramIndex.ZoneOf(s) is not null)
            .GroupBy(s => s.Name[..^2], StringComparer.Ordinal);
        foreach (var tier in tiers)
        {
            var region = Region(index, tier.First());
            var tierZones = tier.Select(s => ProgramIndex.ZoneOf(s)!).Distinct(StringComparer.Ordinal).ToArray();
            if (tierZones.Length == 1 && zones.TryGetValue(region, out var all) && all.Count > 1)
            {
                yield return new AzLoss(region, tierZones[0], tier.Key, $"subnet tier {tier.Key} exists in {tierZones[0]} only");
            }
        }
    }
}
