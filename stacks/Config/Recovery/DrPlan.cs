using HarborHa.Configuration;
using HarborHa.Planning;

namespace HarborHa.Recovery;

/// <summary>What <c>infra dr plan</c> was asked: which region is lost, and where to rebuild it (null: promote survivors).</summary>
public sealed record DrRequest
{
    public required string Lost { get; init; }

    /// <summary>With <c>--into D</c>: the region that takes the lost region's role, rebuilt from its DR copies.</summary>
    public string? Into { get; init; }

    /// <summary>ARN of the lost region's replicated automated backups in <see cref="Into"/> (point-in-time restore).</summary>
    public string? BackupArn { get; init; }

    /// <summary>RFC 3339 UTC time to restore to; null: the latest restorable time.</summary>
    public string? RestoreTime { get; init; }

    /// <summary>A snapshot to restore from instead of the replicated backups.</summary>
    public string? Snapshot { get; init; }
}

/// <summary>The planned regions and what the operator should know about them.</summary>
public sealed record DrPlanResult(IReadOnlyList<RegionConfig> Regions, IReadOnlyList<string> Notes);

/// <summary>A plan that cannot work; <see cref="Option"/> names the command-line option or config key at fault.</summary>
public sealed class DrPlanException(string option, string message) : Exception(message)
{
    public string Option { get; } = option;
}

/// <summary>
/// The pure part of <c>infra dr plan</c>: from the stack's regions and the lost region, the regions
/// to apply (docs/disaster-recovery.md). Without <c>--into</c>, survivors take the lost region's roles
/// (writes resume at once); with it, a new region in the lost region's DR region takes them, restoring
/// its database from the lost region's replicated backups and serving its replica bucket.
/// </summary>
public static class DrPlanner
{
    public static DrPlanResult Plan(StackConfig config, DrRequest request)
    {
        var lost = config.Regions.SingleOrDefault(r => r.Name == request.Lost)
            ?? throw new DrPlanException("--lost", config.LostRegions.Any(r => r.Name == request.Lost)
                ? $"{request.Lost} is already marked lost in this stack"
                : $"{request.Lost} is not a region of this stack ({string.Join(", ", config.Regions.Select(r => r.Name))})");
        var notes = new List<string>();
        var survivors = config.Regions.Where(r => r.Name != lost.Name).ToList();
        RegionConfig? into = null;
        if (request.Into is { } d)
        {
            into = IntoRegion(config, lost, d, request);
        }
        else if (survivors.Count == 0)
        {
            throw new DrPlanException("--lost", $"{lost.Name} is the stack's only region: rebuild it with --into {lost.DrRegion ?? "<its DR region>"}");
        }

        var live = into is null ? survivors : [.. survivors, into];
        if (lost.IsPrimary && into is null)
        {
            var next = Pick(survivors.Where(r => r.Side == lost.Side)) ?? Pick(survivors)!;
            Replace(live, next with { Role = RegionRole.Primary });
            notes.Add($"{next.Name} becomes the primary: pushes go there from now on; images pushed to {lost.Name} and not yet replicated are lost");
        }

        if (lost.IsHub && into is null && Pick(survivors.Where(r => r.Side == lost.Side)) is { } hub)
        {
            Replace(live, live.Single(r => r.Name == hub.Name) with { IsHub = true });
            notes.Add($"{hub.Name} becomes the {(lost.Side == Side.China ? "China" : "overseas")} hub: its Transit Gateway keeps its ASN; peerings, routes{(lost.Side == Side.China ? ", the VPN appliances" : ", the VPN")} and the DNS inbound endpoint move there");
        }

        // Nothing may keep its DR copies in the lost region.
        foreach (var r in live.Where(r => r.DrRegion == lost.Name).ToArray())
        {
            var target = into is not null && into.Name != r.Name
                ? into.Name
                : Pick(live.Where(x => x.Side == r.Side && x.Name != r.Name))?.Name ?? AlivePartner(r.Name, lost.Name);
            Replace(live, r with { DrRegion = target, DrRegionSource = target is null ? DrRegionSource.None : DrRegionSource.Given });
            notes.Add(target is null
                ? $"{r.Name} kept its DR copies in {lost.Name}: no other region of its partition is alive, so it is written drRegion: none (infra check reports the accepted region-loss) until {lost.Name} is rebuilt and you set its drRegion again"
                : $"{r.Name}'s DR copies move from {lost.Name} to {target} (a new, empty replica that fills from now on)");
        }

        var regions = live.Append(lost with { IsLost = true, Role = RegionRole.Replica, IsHub = false, Restore = null })
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToArray();
        return new DrPlanResult(regions, notes);
    }

    /// <summary>The region's default DR partner, unless that is the lost region (China has only two).</summary>
    private static string? AlivePartner(string region, string lost) =>
        DrPartners.Of(region) is var partner && partner != lost && partner != region ? partner : null;

    private static RegionConfig IntoRegion(StackConfig config, RegionConfig lost, string d, DrRequest request)
    {
        if (!Regions.IsKnown(d))
        {
            throw new DrPlanException("--into", $"'{d}' is not a known AWS region code");
        }

        if (Regions.SideOf(d) != lost.Side)
        {
            throw new DrPlanException("--into", $"{d} is in another partition than {lost.Name}: S3 replicas and RDS backups do not cross between aws and aws-cn");
        }

        if (config.Regions.Concat(config.LostRegions).Any(r => r.Name == d))
        {
            throw new DrPlanException("--into", $"{d} is already a region of this stack, with data of its own; rebuild {lost.Name} in a region that is not in the stack, or plan without --into (survivors take over)");
        }

        if (lost.DrRegion is null)
        {
            throw new DrPlanException("--lost", $"{lost.Name} has no DR copies (harbor-ha:regions[{lost.Name}].drRegion is not set): plan without --into, survivors take over");
        }

        if (lost.DrRegion != d)
        {
            throw new DrPlanException("--into", $"{lost.Name}'s DR copies (replica bucket, replicated backups) are in {lost.DrRegion}: use --into {lost.DrRegion}");
        }

        if ((request.BackupArn is null) == (request.Snapshot is null))
        {
            throw new DrPlanException("--backup-arn", $"give exactly one of --backup-arn (the replicated automated backups of {lost.Name} in {d}: aws rds describe-db-instance-automated-backups --region {d}) or --snapshot");
        }

        var slot = Enumerable.Range(0, 16).First(s => !config.Regions.Concat(config.LostRegions).Any(r => r.Side == lost.Side && r.Slot == s));
        // The rebuilt region's own DR copies go to a region that is alive (never back to the lost one).
        var dr = Pick(config.Regions.Where(r => r.Side == lost.Side && r.Name != lost.Name && r.Name != d))?.Name ?? AlivePartner(d, lost.Name);
        return new RegionConfig
        {
            Name = d,
            Slot = slot,
            Role = lost.Role,
            IsHub = lost.IsHub,
            AzCount = Math.Max(3, Math.Min(lost.AzCount, Regions.ZoneCount(d))),
            DrRegion = dr,
            DrRegionSource = dr is null ? DrRegionSource.None : DrRegionSource.Given,
            Restore = new RestoreSource
            {
                DatabaseBackupArn = request.BackupArn,
                DatabaseRestoreTime = request.RestoreTime,
                DatabaseSnapshot = request.Snapshot,
                StorageReplicaOf = lost.Name,
            },
        };
    }

    /// <summary>The hub first, then the lowest slot: the region that needs the fewest changes to take over.</summary>
    private static RegionConfig? Pick(IEnumerable<RegionConfig> candidates) =>
        candidates.OrderByDescending(r => r.IsHub).ThenBy(r => r.Slot).ThenBy(r => r.Name, StringComparer.Ordinal).FirstOrDefault();

    private static void Replace(List<RegionConfig> regions, RegionConfig region) =>
        regions[regions.FindIndex(r => r.Name == region.Name)] = region;
}
