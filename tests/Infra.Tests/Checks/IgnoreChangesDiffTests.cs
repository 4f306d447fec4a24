using HarborHa.Checks;
using HarborHa.Model;
using HarborHa.Tests.Recovery;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Checks;

/// <summary>
/// <c>infra diff</c> and <c>ignoreChanges</c>: Pulumi never applies a change to an ignored property
/// to the live resource, so a restore block added to a live region is no replacement.
/// </summary>
public sealed class IgnoreChangesDiffTests
{
    private const string BackupArn = "arn:aws-cn:rds:cn-northwest-1:444455556666:auto-backup:ab-example";

    public static TheoryData<int> Seeds => [.. GeoMatrix.Seeds];

    private static string WithRestore(string yaml, string region, string restore) =>
        yaml.Replace($"    - name: {region}\n", $"    - name: {region}\n      restore: {restore}\n", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_database_restore_block_on_a_live_region_has_no_effect(int seed)
    {
        var yaml = GeoMatrix.Yaml(seed);
        var before = TestConfigs.Synth(yaml);
        var after = TestConfigs.Synth(WithRestore(yaml, "cn-northwest-1", $"{{ databaseBackupArn: '{BackupArn}' }}"));

        var diff = ProgramDiff.Compare(before, after);

        var change = Assert.Single(diff.Changes);
        Assert.Equal("cn-northwest-1-db-instance", change.Name);
        Assert.True(change.HasNoEffect);
        Assert.All(change.Properties, p => Assert.StartsWith("restoreToPointInTime", p.Path, StringComparison.Ordinal));
        Assert.Empty(diff.Dangerous);
    }

    [Fact]
    public void The_same_change_without_ignoreChanges_is_still_a_replacement()
    {
        var yaml = GeoMatrix.Yaml(1);
        var before = TestConfigs.Synth(yaml);
        var after = TestConfigs.Synth(WithRestore(yaml, "cn-northwest-1", $"{{ databaseBackupArn: '{BackupArn}' }}"))
            .Options("cn-northwest-1-db-instance", o => o with { IgnoreChanges = [] });
        before.Options("cn-northwest-1-db-instance", o => o with { IgnoreChanges = [] });

        var change = Assert.Single(ProgramDiff.Compare(before, after).Dangerous);
        Assert.Equal("cn-northwest-1-db-instance", change.Name);
        Assert.False(change.HasNoEffect);
        Assert.Contains(change.Dangers, d => d.Contains("point in time", StringComparison.Ordinal));
    }

    [Fact]
    public void An_ignored_change_next_to_a_real_one_reports_the_real_one()
    {
        var before = TestConfigs.Synth(GeoMatrix.Yaml(2));
        var after = TestConfigs.Synth(WithRestore(GeoMatrix.Yaml(2), "cn-northwest-1", $"{{ databaseBackupArn: '{BackupArn}' }}"))
            .Set("cn-northwest-1-db-instance", "dbSubnetGroupName", "elsewhere");

        var change = Assert.Single(ProgramDiff.Compare(before, after).Changes);
        Assert.False(change.HasNoEffect);
        Assert.Contains(change.Dangers, d => d.StartsWith("dbSubnetGroupName", StringComparison.Ordinal));
        Assert.DoesNotContain(change.Dangers, d => d.Contains("point in time", StringComparison.Ordinal));
    }
}
