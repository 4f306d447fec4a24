using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// Losing a whole region loses no data: every region that runs a database keeps copies in another
/// region of its own partition, both its database's automated backups (RDS backup replication) and
/// its bucket's objects (S3 replication). A copy in another partition does not count: neither
/// replication crosses between aws and aws-cn. A region without copies on purpose says so on its
/// AWS provider, the program's resource for the region (single-site, or <c>drRegion: none</c>), and
/// is reported as accepted with its reason, like single-site's AZ loss. Regions that only hold other
/// regions' copies (no database) are not judged: they are the copies.
/// </summary>
public sealed class RegionLossRule : ICheckRule
{
    public const string RuleId = "region-loss";

    public string Id => RuleId;

    public string Reason => "losing any one region loses no data: its database backups and bucket are replicated to another region of its partition (unless the region accepts the trade-off)";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        var backupCopies = index.OfType(ResourceTypes.RdsInstanceAutomatedBackupsReplication)
            .Select(r => (Source: index.Target(r.Property("sourceDbInstanceArn")), To: index.RegionOf(r)))
            .Where(c => c.Source is not null && c.To is not null)
            .Select(c => (From: index.RegionOf(c.Source!), c.To))
            .Where(c => IsOtherRegionOfPartition(c.From, c.To))
            .Select(c => c.From!)
            .ToHashSet(StringComparer.Ordinal);
        var bucketCopies = index.OfType(ResourceTypes.S3BucketReplicationConfig)
            .Where(r => index.Target(r.Property("bucket")) is not null)
            .SelectMany(r => Props.Items(r.Property("rules"))
                .Where(rule => Props.Text(Props.At(rule, "status")) == "Enabled")
                .Select(rule => (From: index.RegionOf(index.Target(r.Property("bucket"))!), To: index.Target(Props.At(rule, "destination.bucket")) is { } d ? index.RegionOf(d) : null)))
            .Where(c => IsOtherRegionOfPartition(c.From, c.To))
            .Select(c => c.From!)
            .ToHashSet(StringComparer.Ordinal);

        // A read replica holds no data of its own; the region is judged by its primary databases.
        var regions = index.OfType(ResourceTypes.RdsInstance)
            .Where(db => db.Property("replicateSourceDb") is null && index.RegionOf(db) is not null && index.ProviderOf(db) is not null)
            .GroupBy(db => index.RegionOf(db)!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var region in regions)
        {
            var missing = new List<string>();
            if (!backupCopies.Contains(region.Key))
            {
                missing.Add($"database backups (no automated-backups replication of {string.Join(", ", region.Select(db => db.Name))})");
            }

            if (!bucketCopies.Contains(region.Key))
            {
                missing.Add("bucket objects (no enabled bucket replication rule)");
            }

            if (missing.Count > 0)
            {
                yield return new Finding(index.ProviderOf(region.First())!.Name,
                    $"losing {region.Key} loses data: no copy in another {AwsPartition.Of(region.Key)} region of its {string.Join(" or its ", missing)}");
            }
        }
    }

    private static bool IsOtherRegionOfPartition(string? from, string? to) =>
        from is not null && to is not null && from != to && AwsPartition.Of(from) == AwsPartition.Of(to);
}
