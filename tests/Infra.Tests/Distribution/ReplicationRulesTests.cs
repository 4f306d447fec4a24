using HarborHa.Distribution;
using HarborHa.Model;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

public class ReplicationRulesTests
{
    public static TheoryData<string> Configs => new() { GeoConfigs.TwoSides, GeoConfigs.TwoSidesPlusOne, GeoConfigs.OverseasPublic, GeoConfigs.TwoSidesPublic };

    /// <summary>The region a rule pushes to, read from the program: rule → registry endpoint → its URL's host.</summary>
    private static string TargetOf(PulumiProgram program, Resource rule)
    {
        var endpoint = program.Get(rule.RefProp("registryId").Target);
        var host = new Uri(endpoint.Text("endpointUrl")!).Host;
        return host[..host.IndexOf('.', StringComparison.Ordinal)];
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void The_primary_holds_exactly_one_push_rule_per_other_region_and_no_rule_targets_the_primary(string yaml)
    {
        var composed = DistributionStandIns.Compose(yaml);
        var primary = composed.Config.Primary.Name;
        var rules = composed.Program.OfType("harbor:index/replication:Replication");

        Assert.All(rules, r => Assert.Equal(primary, r.HarborRegion()));
        Assert.All(rules, r => Assert.Equal("push", r.Text("action")));
        var targets = rules.Select(r => TargetOf(composed.Program, r)).ToArray();
        Assert.DoesNotContain(primary, targets);
        Assert.Equal(composed.Config.Regions.Where(r => !r.IsPrimary).Select(r => r.Name).Order(StringComparer.Ordinal),
            targets.Order(StringComparer.Ordinal));
        Assert.Empty(ReplicationPlan.Violations(composed.Config.Regions, composed.System.Links));
    }

    [Fact]
    public void A_rule_pushes_to_the_targets_private_endpoint_as_the_targets_replicator_robot()
    {
        var composed = DistributionStandIns.Compose(GeoConfigs.TwoSides);
        foreach (var target in new[] { "cn-northwest-1", "ap-southeast-1", "eu-central-1" })
        {
            var endpoint = composed.Program.Get($"cn-north-1-harbor-target-{target}");
            Assert.Equal("harbor", endpoint.Text("providerName"));
            Assert.Equal(composed.Harbors[target].PrivateEndpoint, endpoint.Prop("endpointUrl"));
            Assert.Equal(new Ref($"{target}-harbor-robot-replicator", "fullName"), endpoint.Prop("accessId"));
            var robot = composed.Program.Get($"{target}-harbor-robot-replicator");
            Assert.Equal(new Ref($"{target}-harbor-provider"), robot.Options.Provider);
            Assert.Equal(robot.SecretRef("secret"), endpoint.SecretRef("accessSecret"));
            Assert.Equal(new Flag(false), endpoint.Prop("insecure"));
        }
    }

    [Fact]
    public void Links_across_the_border_copy_by_chunk_under_the_bandwidth_limit()
    {
        var composed = DistributionStandIns.Compose(GeoConfigs.TwoSides);
        var program = composed.Program;

        var inChina = program.Get("cn-north-1-harbor-replication-cn-northwest-1");
        Assert.Equal(new Flag(false), inChina.Prop("copyByChunk"));
        Assert.Equal(new Number(-1), inChina.Prop("speed"));
        foreach (var overseas in new[] { "ap-southeast-1", "eu-central-1" })
        {
            var rule = program.Get($"cn-north-1-harbor-replication-{overseas}");
            Assert.Equal(new Flag(true), rule.Prop("copyByChunk"));
            Assert.Equal(new Number(97656), rule.Prop("speed"));
        }
    }

    [Fact]
    public void Rules_are_event_based_keep_namespaces_and_copy_existing_images_once()
    {
        var composed = DistributionStandIns.Compose(GeoConfigs.TwoSides);
        foreach (var rule in composed.Program.OfType("harbor:index/replication:Replication"))
        {
            Assert.Equal("event_based", rule.Text("schedule"));
            Assert.Equal(new Number(0), rule.Prop("destNamespaceReplace"));
            Assert.Equal(new Flag(true), rule.Prop("executeOnChanged"));
            Assert.Equal(new Flag(false), rule.Prop("deletion"));
            Assert.Equal(new Flag(true), rule.Prop("override"));
            Assert.StartsWith("push-to-", rule.Text("name"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Filters_name_the_replicated_projects_only_and_the_configured_tags()
    {
        var composed = DistributionStandIns.Compose(GeoConfigs.OverseasPublic);
        var rule = composed.Program.Get("eu-central-1-harbor-replication-us-east-1");
        var filters = Assert.IsType<ListValue>(rule.Prop("filters")).Items.Cast<MapValue>().ToArray();

        Assert.Contains(filters, f => f.TryGet("name", out var n) && n == new Text("apps/**"));
        Assert.Contains(filters, f => f.TryGet("tag", out var t) && t == new Text("v*"));
        Assert.Equal(new Number(ReplicationPlan.ToHarborSpeed(400)), rule.Prop("speed"));
    }

    [Fact]
    public void Several_replicated_projects_share_one_doublestar_filter()
    {
        var filters = ReplicationRules.Filters(["apps", "team"], null);

        var only = Assert.IsType<MapValue>(Assert.Single(filters.Items));
        Assert.Equal(new Text("{apps,team}/**"), only["name"]);
    }

    [Fact]
    public void Without_a_replicated_project_no_rule_may_copy_everything() =>
        Assert.Throws<ProgramException>(() => ReplicationRules.Filters([], null));
}
