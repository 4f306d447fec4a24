namespace HarborHa.Distribution;

/// <summary>
/// The replication topology as a pure function of the regions: one writer (the primary) pushes to every
/// other region; nothing pushes back to the primary or between replicas. Harbor has no loop guard,
/// so a rule back would replicate every push forever; a star from the primary cannot loop.
/// </summary>
public static class ReplicationPlan
{
    /// <summary>The push rules of a stack, sorted by target.</summary>
    public static IReadOnlyList<ReplicationLink> For(IReadOnlyList<ReplicationSite> regions, ReplicationSettings settings)
    {
        var primaries = regions.Where(r => r.Role == DistributionRole.Primary).ToArray();
        if (primaries.Length != 1)
        {
            throw new ArgumentException($"a replication plan needs exactly one primary region (got {primaries.Length})", nameof(regions));
        }

        var primary = primaries[0];
        return regions
            .Where(r => r.Name != primary.Name)
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r =>
            {
                var crosses = r.Partition != primary.Partition;
                var mbps = crosses ? settings.CrossBorderBandwidthMbps : settings.BandwidthMbps;
                return new ReplicationLink(primary.Name, r.Name, crosses, mbps is null ? -1 : ToHarborSpeed(mbps.Value));
            })
            .ToArray();
    }

    /// <summary>
    /// Harbor limits a task's bandwidth in units of 128 bytes/s, i.e. Kbit/s with 1 Kbit = 1024 bits
    /// (goharbor/harbor src/lib/iothrottler.go, <c>KBRATE = 1024 / 8</c>). Settings speak Mbit/s
    /// (10^6 bit/s), as network links are sold.
    /// </summary>
    public static int ToHarborSpeed(int mbps) => checked((int)(mbps * 1_000_000L / 1024));

    /// <summary>
    /// Checks the invariants of a plan against its regions and returns every violation: each
    /// non-primary region receives exactly one rule, from the primary; no rule targets the primary
    /// or a region that does not exist; the rules form no cycle.
    /// </summary>
    public static IReadOnlyList<string> Violations(IReadOnlyList<ReplicationSite> regions, IReadOnlyList<ReplicationLink> links)
    {
        var problems = new List<string>();
        var names = regions.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var primary = regions.SingleOrDefault(r => r.Role == DistributionRole.Primary)?.Name;
        foreach (var link in links)
        {
            if (!names.Contains(link.Source) || !names.Contains(link.Target))
            {
                problems.Add($"rule {link.Source} -> {link.Target} names a region outside the stack");
            }

            if (link.Source != primary)
            {
                problems.Add($"rule {link.Source} -> {link.Target} is held by a replica; only the primary writes");
            }

            if (link.Target == primary)
            {
                problems.Add($"rule {link.Source} -> {link.Target} targets the primary");
            }

            if (link.Source == link.Target)
            {
                problems.Add($"rule {link.Source} -> {link.Target} replicates a region to itself");
            }
        }

        foreach (var region in regions.Where(r => r.Role != DistributionRole.Primary))
        {
            var incoming = links.Count(l => l.Target == region.Name && l.Source == primary);
            if (incoming != 1)
            {
                problems.Add($"{region.Name} receives {incoming} rules from the primary (expected exactly 1)");
            }
        }

        if (HasCycle(links))
        {
            problems.Add("the rules form a cycle");
        }

        return problems;
    }

    private static bool HasCycle(IReadOnlyList<ReplicationLink> links)
    {
        var next = links.GroupBy(l => l.Source, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(l => l.Target).ToArray(), StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the path, 2 = done

        bool Visit(string node)
        {
            state[node] = 1;
            foreach (var target in next.GetValueOrDefault(node, []))
            {
                var s = state.GetValueOrDefault(target);
                if (s == 1 || (s == 0 && Visit(target)))
                {
                    return true;
                }
            }

            state[node] = 2;
            return false;
        }

        return next.Keys.Order(StringComparer.Ordinal).Any(n => state.GetValueOrDefault(n) == 0 && Visit(n));
    }
}
