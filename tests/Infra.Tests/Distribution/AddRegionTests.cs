using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

/// <summary>
/// Adding a region is one config entry: the new region gets its Harbor configuration and the
/// primary gets one rule to it; nothing that exists changes.
/// </summary>
public class AddRegionTests
{
    private static readonly DistributionStandIns Before = DistributionStandIns.Compose(GeoConfigs.TwoSides);
    private static readonly DistributionStandIns After = DistributionStandIns.Compose(GeoConfigs.TwoSidesPlusOne);

    [Fact]
    public void No_existing_resource_changes()
    {
        var before = ResourceSnapshot.Of(Before.Program);
        var after = ResourceSnapshot.Of(After.Program);

        var changed = before.Where(r => !after.TryGetValue(r.Key, out var now) || now != r.Value).Select(r => r.Key).ToArray();
        Assert.Empty(changed);
    }

    [Fact]
    public void Only_the_new_region_the_primarys_rule_to_it_and_the_forwarding_of_its_name_are_added()
    {
        var added = ResourceSnapshot.Of(After.Program).Keys.Except(ResourceSnapshot.Of(Before.Program).Keys).ToArray();

        var elsewhere = added.Where(n => !n.StartsWith("us-east-1-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
        [
            "cn-north-1-dns-resolver-forward-us-east-1",
            "cn-north-1-dns-resolver-forward-us-east-1-vpc",
            "cn-north-1-harbor-replication-us-east-1",
            "cn-north-1-harbor-target-us-east-1",
        ], elsewhere);
    }

    [Fact]
    public void The_new_region_gets_its_projects_robots_and_proxy_caches_and_no_rule_of_its_own()
    {
        var program = After.Program;
        foreach (var name in new[] { "project-apps", "robot-pull", "robot-replicator", "proxy-dockerhub", "upstream-dockerhub", "provider" })
        {
            Assert.True(program.Contains($"us-east-1-harbor-{name}"), name);
        }

        Assert.False(program.Contains("us-east-1-harbor-robot-ci"));
        Assert.DoesNotContain(program.OfType("harbor:index/replication:Replication"), r => r.HarborRegion() == "us-east-1");
        Assert.True(program.Contains("us-east-1-dragonfly-release"));
        Assert.True(program.Contains("us-east-1-dns-private-zone-association"));
    }
}
