using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Planning;
using HarborHa.Tests.Support;
using Xunit;
using static HarborHa.Tests.State.StateTestSupport;

namespace HarborHa.Tests.State;

public sealed class SizingTests
{
    private const string Bigger = """
          harbor-ha:sizing:
            dbInstanceClass: db.r6g.2xlarge
            dbAllocatedStorageGb: 500
            dbMaxAllocatedStorageGb: 4000
            dbBackupRetentionDays: 35
            cacheNodeType: cache.r6g.xlarge
            cacheSnapshotRetentionDays: 14
            storageNoncurrentVersionDays: 90
        """;

    /// <summary>Properties that a size changes in place (RDS modify, ElastiCache modify); nothing else may differ.</summary>
    private static readonly string[] InPlaceSizeProperties =
        ["allocatedStorage", "backupRetentionPeriod", "instanceClass", "maxAllocatedStorage", "nodeType", "snapshotRetentionLimit"];

    [Fact]
    public void Topology_defaults_are_small_for_single_site_and_larger_for_ha_and_geo()
    {
        var single = Sizing.For(Topology.SingleSite);
        var ha = Sizing.For(Topology.Ha);
        Assert.Equal(ha, Sizing.For(Topology.Geo));
        Assert.True(single.DbBackupRetentionDays < ha.DbBackupRetentionDays);
        Assert.True(single.StorageNoncurrentVersionDays < ha.StorageNoncurrentVersionDays);
        Assert.True(single.DbAllocatedStorageGb < ha.DbAllocatedStorageGb);
    }

    [Fact]
    public void Sizing_overrides_reach_the_database_cache_and_bucket_lifecycle()
    {
        var program = TestConfigs.Synth(TestConfigs.Ha + "\n" + Bigger);
        var db = program.Get("eu-central-1-db-instance");
        Assert.Equal("db.r6g.2xlarge", db.Text("instanceClass"));
        Assert.Equal(500, db.NumberAt("allocatedStorage"));
        Assert.Equal(4000, db.NumberAt("maxAllocatedStorage"));
        Assert.Equal(35, db.NumberAt("backupRetentionPeriod"));
        Assert.Equal(35, program.Get("eu-central-1-db-backups-dr").NumberAt("retentionPeriod"));
        var cache = program.Get("eu-central-1-cache-group");
        Assert.Equal("cache.r6g.xlarge", cache.Text("nodeType"));
        Assert.Equal(14, cache.NumberAt("snapshotRetentionLimit"));
        Assert.Equal(90, program.Get("eu-central-1-storage-bucket-lifecycle").NumberAt("rules[1].noncurrentVersionExpiration.noncurrentDays"));
    }

    [Fact]
    public void Noncurrent_version_days_out_of_range_name_the_key()
    {
        var e = Assert.Throws<ConfigException>(() => TestConfigs.Parse(TestConfigs.Ha + "\n  harbor-ha:sizing:\n    storageNoncurrentVersionDays: 0"));
        Assert.Contains(e.Errors, err => err.Key == "harbor-ha:sizing.storageNoncurrentVersionDays");
    }

    [Theory]
    [InlineData(TestConfigs.Ha)]
    [InlineData(TestConfigs.Geo)]
    public void Changing_a_size_renames_nothing_and_changes_no_immutable_property_of_state(string yaml)
    {
        var before = TestConfigs.Synth(yaml);
        var after = TestConfigs.Synth(yaml + "\n" + Bigger);
        Assert.Equal(before.Resources.Select(r => r.Name), after.Resources.Select(r => r.Name));
        foreach (var old in before.Resources.Where(r => StatefulTypes.Contains(r.Type)))
        {
            var changed = after.Get(old.Name);
            Assert.Equal(old.Type, changed.Type);
            Assert.Equal(old.Options.Provider, changed.Options.Provider);
            foreach (var (key, value) in old.Properties.Where(p => !InPlaceSizeProperties.Contains(p.Key)))
            {
                Assert.True(changed.Properties.TryGet(key, out var now), $"{old.Name}.{key} disappeared");
                Assert.True(value == now, $"{old.Name}.{key} changed with a size");
            }

            Assert.Equal(old.Properties.Select(p => p.Key), changed.Properties.Select(p => p.Key));
        }

        Assert.NotEqual(before.Get("eu-central-1-db-instance").Text("instanceClass"), after.Get("eu-central-1-db-instance").Text("instanceClass"));
    }

    [Fact]
    public void Docs_sizing_table_shows_the_defaults_of_every_topology_for_every_field()
    {
        var rows = File.ReadAllLines(Path.Combine(TestConfigs.RepoRoot(), "docs", "sizing.md"))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal) && !l.Contains("harbor-ha:sizing", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries).Select(c => c.Trim('`')).ToArray())
            .ToDictionary(c => c[1], c => c, StringComparer.Ordinal);
        var properties = typeof(Sizing).GetProperties();
        foreach (var property in properties)
        {
            var key = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            Assert.True(rows.TryGetValue(key, out var row), $"docs/sizing.md has no row for {key}");
            Assert.Equal(Format(property.GetValue(Sizing.For(Topology.SingleSite))), row[3]);
            Assert.Equal(Format(property.GetValue(Sizing.For(Topology.Ha))), row[4]);
            Assert.Equal(Format(property.GetValue(Sizing.For(Topology.Geo))), row[5]);
        }

        Assert.Equal(properties.Length, rows.Count);
    }

    private static string Format(object? value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
