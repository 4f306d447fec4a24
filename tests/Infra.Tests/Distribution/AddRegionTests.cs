using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

/// <summary>
/// Adding a region is one config entry: on the real programs before and after, the new region gets
/// everything a region runs, the primary gets one rule to it, the hubs learn its routes and name;
/// nothing that exists changes.
/// </summary>
public class AddRegionTests
{
    private static GeoProgram Before => GeoPrograms.Of(GeoConfigs.TwoSides);

    private static GeoProgram After => GeoPrograms.Of(GeoConfigs.TwoSidesPlusOne);

    [Fact]
    public void No_existing_resource_changes()
    {
        var before = ResourceSnapshot.Of(Before.Program);
        var after = ResourceSnapshot.Of(After.Program);

        var changed = before.Where(r => !after.TryGetValue(r.Key, out var now) || now != r.Value).Select(r => r.Key).ToArray();
        // The side's private zone lists every VPC of the side: the new one is associated in place.
        Assert.Equal(["global-overseas-dns-private-zone"], changed);
    }

    [Fact]
    public void Outside_the_new_region_only_the_hubs_peering_the_forwarding_of_its_name_and_the_primarys_rule_are_added()
    {
        var added = ResourceSnapshot.Of(After.Program).Keys.Except(ResourceSnapshot.Of(Before.Program).Keys).ToArray();

        // us-east-1's DR copies go to its default partner, a region new to the stack: its provider, log
        // bucket and detector are us-east-1's additions too.
        var partner = HarborHa.Planning.DrPartners.Of("us-east-1") + "-";
        Assert.Contains(partner + "aws", added);
        var elsewhere = added.Where(n => !n.StartsWith("us-east-1-", StringComparison.Ordinal) && !n.StartsWith(partner, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
        [
            "ap-southeast-1-transit-peer-us-east-1",
            "ap-southeast-1-transit-peer-us-east-1-association",
            "ap-southeast-1-transit-route-us-east-1",
            "cn-north-1-alarm-replication-us-east-1-behind",
            "cn-north-1-alarm-replication-us-east-1-failed",
            "cn-north-1-dns-resolver-forward-us-east-1",
            "cn-north-1-dns-resolver-forward-us-east-1-vpc",
            "cn-north-1-harbor-ping-us-east-1",
            "cn-north-1-harbor-replication-us-east-1",
            "cn-north-1-harbor-replication-us-east-1-catch-up",
            "cn-north-1-harbor-target-us-east-1",
            "cn-north-1-replication-probe-us-east-1-cronjob",
        ], elsewhere);
    }

    [Fact]
    public void The_new_region_gets_its_projects_robots_proxy_caches_and_Dragonfly_and_holds_no_rule()
    {
        var program = After.Program;
        foreach (var name in new[] { "project-apps", "robot-pull", "robot-replicator", "proxy-dockerhub", "upstream-dockerhub", "provider", "gc" })
        {
            Assert.True(program.Contains($"us-east-1-harbor-{name}"), name);
        }

        Assert.False(program.Contains("us-east-1-harbor-robot-ci"));
        Assert.True(program.Contains("us-east-1-dragonfly-release"));
        Assert.True(program.Contains("us-east-1-dns-private-record"));

        var rules = DeclaredReplication.Of(After.Resources());
        Assert.DoesNotContain(rules, r => r.Source == "us-east-1");
        Assert.All(rules.Where(r => r.Target == "us-east-1"), r => Assert.Equal("cn-north-1", r.Source));
        Assert.Empty(ReplicationInvariants.Problems(After.Resources(), After.Config));
    }
}
