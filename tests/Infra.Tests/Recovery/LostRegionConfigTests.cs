using HarborHa.Configuration;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Recovery;

/// <summary><c>lost: true</c> in the regions list: what the parser refuses, naming the key.</summary>
public class LostRegionConfigTests
{
    private static MatrixRegion[] Regions => [.. GeoMatrix.Regions(1)];

    private static string Yaml(Func<MatrixRegion, MatrixRegion> edit, string extraLines = "") =>
        GeoMatrix.Yaml(Regions.Select(edit)).Replace("      drRegion: cn-northwest-1\n", "      drRegion: cn-northwest-1\n" + extraLines, StringComparison.Ordinal);

    private static ConfigError Fails(string yaml, string key) =>
        Assert.Single(Assert.Throws<ConfigException>(() => TestConfigs.Parse(yaml)).Errors, e => e.Key == key);

    private static string Lost(string yaml, string region) =>
        yaml.Replace($"    - name: {region}\n", $"    - name: {region}\n      lost: true\n", StringComparison.Ordinal);

    [Fact]
    public void A_lost_region_is_not_in_the_regions_and_keeps_its_slot()
    {
        var replica = Regions[3];
        var config = TestConfigs.Parse(Lost(GeoMatrix.Yaml(1), replica.Name));

        Assert.DoesNotContain(config.Regions, r => r.Name == replica.Name);
        Assert.Equal(replica.Name, Assert.Single(config.LostRegions).Name);
        var clash = Fails(Lost(GeoMatrix.Yaml(Regions.Append(new MatrixRegion("ca-central-1", replica.Slot, null))), replica.Name), $"harbor-ha:regions[ca-central-1].slot");
        Assert.Contains("taken", clash.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_primary_and_a_hub_cannot_be_lost_unless_moved()
    {
        var primary = Regions.Single(r => r.Primary).Name;
        Assert.Contains("primary", Fails(Lost(GeoMatrix.Yaml(1), primary), $"harbor-ha:regions[{primary}].role").Message, StringComparison.Ordinal);
        var hub = Regions[2].Name;
        Assert.Contains("hub", Fails(Lost(GeoMatrix.Yaml(1), hub), $"harbor-ha:regions[{hub}].hub").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_region_may_keep_its_dr_copies_in_a_lost_region()
    {
        var yaml = Lost(GeoMatrix.Yaml(Regions.Select(r => r with { Primary = r.Name == Regions[2].Name, Hub = r.Name == Regions[2].Name })), "cn-north-1");
        var error = Fails(yaml, "harbor-ha:regions[cn-northwest-1].drRegion");
        Assert.Contains("'cn-north-1' is lost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serving_a_replica_needs_a_lost_region_whose_copies_are_here_and_a_backup_arn_of_this_region()
    {
        var replica = Regions[3];
        var slot = Enumerable.Range(0, 16).First(s => !Regions.Any(r => !r.Name.StartsWith("cn-", StringComparison.Ordinal) && r.Slot == s));
        var lost = Lost(GeoMatrix.Yaml(1), replica.Name);
        var wrong = lost + $"    - name: sa-east-1\n      slot: {slot}\n      restore:\n        databaseBackupArn: arn:aws:rds:eu-west-1:111122223333:auto-backup:ab-1\n        storage: {{ replicaOf: {replica.Name} }}\n";

        Assert.Contains("sa-east-1", Fails(wrong, "harbor-ha:regions[sa-east-1].restore.storage.replicaOf").Message, StringComparison.Ordinal);
        Assert.Contains("eu-west-1", Fails(wrong, "harbor-ha:regions[sa-east-1].restore.databaseBackupArn").Message, StringComparison.Ordinal);
        var notLost = GeoMatrix.Yaml(1) + $"    - name: sa-east-1\n      slot: {slot}\n      restore: {{ storage: {{ replicaOf: {replica.Name} }} }}\n";
        Assert.Contains("not a lost region", Fails(notLost, "harbor-ha:regions[sa-east-1].restore.storage.replicaOf").Message, StringComparison.Ordinal);
    }
}
