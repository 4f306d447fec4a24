using HarborHa.Distribution;
using HarborHa.Model;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

/// <summary>
/// The primary's push replication, on the programs we ship: <see cref="ReplicationInvariants"/> hold
/// on every geo program of the matrix, and each invariant catches the mutation of a real program that
/// breaks it (so none of them passes vacuously).
/// </summary>
public class ReplicationRulesTests
{
    private static GeoProgram TwoSides => GeoPrograms.Of(GeoConfigs.TwoSides);

    public static TheoryData<string> Matrix() => GeoPrograms.Matrix();

    [Theory]
    [MemberData(nameof(Matrix))]
    public void The_primary_pushes_once_to_every_other_region_over_its_private_endpoint_and_nothing_loops(string name)
    {
        var geo = GeoPrograms.Named(name);

        Assert.Empty(ReplicationInvariants.Problems(geo.Resources(), geo.Config));
        // Per other region, an event rule and its scheduled catch-up rule.
        Assert.Equal(2 * (geo.Config.Regions.Count - 1), DeclaredReplication.Of(geo.Resources()).Count);
    }

    [Fact]
    public void Dropping_a_rule_leaves_its_region_without_images()
    {
        var resources = TwoSides.Resources();
        resources.Remove("cn-north-1-harbor-replication-eu-central-1");

        Assert.Contains("eu-central-1 receives 0 push rules from the primary (exactly 1 expected)", ReplicationInvariants.Problems(resources, TwoSides.Config));
    }

    [Fact]
    public void A_second_rule_to_one_region_is_caught()
    {
        var resources = TwoSides.Resources();
        var rule = resources["cn-north-1-harbor-replication-eu-central-1"];
        resources["cn-north-1-harbor-replication-eu-central-1-again"] = rule with { Name = "cn-north-1-harbor-replication-eu-central-1-again" };

        Assert.Contains("eu-central-1 receives 2 push rules from the primary (exactly 1 expected)", ReplicationInvariants.Problems(resources, TwoSides.Config));
    }

    [Fact]
    public void A_replica_pushing_back_to_the_primary_is_a_second_writer_and_a_loop()
    {
        var resources = TwoSides.Resources();
        var replica = new ResourceOptions { Provider = new Ref("eu-central-1-harbor-provider") };
        var endpoint = Set(resources["cn-north-1-harbor-target-eu-central-1"], "endpointUrl", "https://cn-north-1.registry.example.com")
            with
        { Name = "eu-central-1-harbor-target-cn-north-1", Options = replica };
        var rule = Set(resources["cn-north-1-harbor-replication-eu-central-1"], "registryId", endpoint.Out("registryId"))
            with
        { Name = "eu-central-1-harbor-replication-cn-north-1", Options = replica };
        resources[endpoint.Name] = endpoint;
        resources[rule.Name] = rule;

        var problems = ReplicationInvariants.Problems(resources, TwoSides.Config);

        Assert.Contains("eu-central-1-harbor-replication-cn-north-1 is held by eu-central-1, not by the primary cn-north-1", problems);
        Assert.Contains("eu-central-1-harbor-replication-cn-north-1 pushes to the primary", problems);
        Assert.Contains("the rules form a loop: cn-north-1 -> eu-central-1 -> cn-north-1", problems);
    }

    [Theory]
    [InlineData("copyByChunk", false, "crosses the border without copyByChunk")]
    [InlineData("speed", -1, "crosses the border without a speed limit")]
    public void A_cross_border_rule_without_chunked_copies_or_a_limit_is_caught(string property, object value, string message)
    {
        var resources = TwoSides.Resources();
        var rule = resources["cn-north-1-harbor-replication-eu-central-1"];
        resources[rule.Name] = Set(rule, property, value is bool b ? new Flag(b) : new Number((int)value));

        Assert.Contains($"{rule.Name} {message}", ReplicationInvariants.Problems(resources, TwoSides.Config));
    }

    [Fact]
    public void Within_a_partition_a_rule_needs_neither()
    {
        var resources = TwoSides.Resources();
        var rule = resources["cn-north-1-harbor-replication-cn-northwest-1"];

        Assert.Equal(new Flag(false), rule.Prop("copyByChunk"));
        Assert.Equal(new Number(-1), rule.Prop("speed"));
        Assert.Empty(ReplicationInvariants.Problems(resources, TwoSides.Config));
    }

    [Fact]
    public void An_endpoint_on_the_global_name_leaves_its_region_without_a_rule()
    {
        // The global name answers from whichever region is nearest: the primary would push to itself or anywhere.
        var resources = TwoSides.Resources();
        var endpoint = resources["cn-north-1-harbor-target-eu-central-1"];
        resources[endpoint.Name] = Set(endpoint, "endpointUrl", "https://registry.example.com");

        var problems = ReplicationInvariants.Problems(resources, TwoSides.Config);

        Assert.Contains("cn-north-1-harbor-replication-eu-central-1 pushes to registry, which is not a region of the stack", problems);
        Assert.Contains("eu-central-1 receives 0 push rules from the primary (exactly 1 expected)", problems);
    }

    [Fact]
    public void An_endpoint_on_a_name_that_no_private_zone_or_forwarder_answers_is_caught()
    {
        var resources = TwoSides.Resources();
        var endpoint = resources["cn-north-1-harbor-target-eu-central-1"];
        resources[endpoint.Name] = Set(endpoint, "endpointUrl", "https://eu-central-1.registry.example.org");

        var problems = ReplicationInvariants.Problems(resources, TwoSides.Config);

        Assert.Contains($"{endpoint.Name} pushes to https://eu-central-1.registry.example.org, not to eu-central-1's private endpoint https://eu-central-1.registry.example.com", problems);
        Assert.Contains($"{endpoint.Name}: eu-central-1.registry.example.org does not resolve privately in cn-north-1", problems);
    }

    [Fact]
    public void Without_the_forwarding_of_its_name_across_the_border_a_target_is_unreachable()
    {
        var resources = TwoSides.Resources();
        resources.Remove("cn-north-1-dns-resolver-forward-eu-central-1-vpc");

        Assert.Contains("cn-north-1-harbor-target-eu-central-1: eu-central-1.registry.example.com does not resolve privately in cn-north-1",
            ReplicationInvariants.Problems(resources, TwoSides.Config));
    }

    [Fact]
    public void An_endpoint_logging_in_as_another_regions_robot_is_caught()
    {
        var resources = TwoSides.Resources();
        var endpoint = resources["cn-north-1-harbor-target-eu-central-1"];
        resources[endpoint.Name] = Set(endpoint, "accessId", new Ref("ap-southeast-1-harbor-robot-replicator", "fullName"));

        Assert.Contains($"{endpoint.Name} does not log in as eu-central-1's replicator robot", ReplicationInvariants.Problems(resources, TwoSides.Config));
    }

    [Fact]
    public void An_endpoint_that_would_be_probed_before_its_target_answers_is_caught()
    {
        // With the robot's name written out, nothing orders the endpoint after the target's Harbor and its DNS record
        // (on this side of the border: there, the ping Job also waits for them).
        var resources = TwoSides.Resources();
        var endpoint = resources["cn-north-1-harbor-target-cn-northwest-1"];
        resources[endpoint.Name] = Set(endpoint, "accessId", "robot$replicator");

        var problems = ReplicationInvariants.Problems(resources, TwoSides.Config);

        Assert.Contains($"{endpoint.Name} does not wait for cn-northwest-1-harbor-release, which cn-northwest-1's Harbor needs to answer", problems);
        Assert.Contains($"{endpoint.Name} does not wait for cn-northwest-1-dns-private-record, which cn-northwest-1's Harbor needs to answer", problems);
    }

    [Fact]
    public void Rules_are_event_based_keep_namespaces_copy_existing_images_once_and_keep_what_the_primary_deletes()
    {
        foreach (var rule in TwoSides.Program.OfType("harbor:index/replication:Replication").Where(r => !r.Name.EndsWith("-catch-up", StringComparison.Ordinal)))
        {
            Assert.Equal("event_based", rule.Text("schedule"));
            Assert.Equal(new Number(0), rule.Prop("destNamespaceReplace"));
            Assert.Equal(new Flag(true), rule.Prop("executeOnChanged"));
            Assert.Equal(new Flag(false), rule.Prop("deletion"));
            Assert.Equal(new Flag(true), rule.Prop("override"));
            Assert.Equal(new Flag(true), rule.Prop("enabled"));
            Assert.StartsWith("push-to-", rule.Text("name"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Deletion_and_overwrite_follow_config()
    {
        var program = GeoPrograms.Of(GeoConfigs.TwoSides + """

              harbor-ha:replication:
                deletion: true
                override: false
            """).Program;

        Assert.All(program.OfType("harbor:index/replication:Replication"), rule =>
        {
            // The catch-up rule only ever fills gaps, whatever the event rule does.
            var catchUp = rule.Name.EndsWith("-catch-up", StringComparison.Ordinal);
            Assert.Equal(new Flag(!catchUp), rule.Prop("deletion"));
            Assert.Equal(new Flag(false), rule.Prop("override"));
        });
    }

    [Fact]
    public void Catch_up_rules_run_on_the_configured_schedule_without_overwriting_or_deleting()
    {
        var hourly = TwoSides.Program.Get("cn-north-1-harbor-replication-eu-central-1-catch-up");
        Assert.Equal(ReplicationSettings.DefaultCatchUpSchedule, hourly.Text("schedule"));
        Assert.Equal(new Flag(false), hourly.Prop("override"));
        Assert.Equal(new Flag(false), hourly.Prop("executeOnChanged"));
        Assert.Equal("catch-up-to-eu-central-1", hourly.Text("name"));

        var program = GeoPrograms.Of(GeoConfigs.TwoSides + """

              harbor-ha:replication:
                catchUpSchedule: "0 15 */4 * * *"
            """).Program;
        Assert.Equal("0 15 */4 * * *", program.Get("cn-north-1-harbor-replication-eu-central-1-catch-up").Text("schedule"));
    }

    [Fact]
    public void A_missing_or_overwriting_catch_up_rule_is_caught()
    {
        var resources = TwoSides.Resources();
        resources.Remove("cn-north-1-harbor-replication-eu-central-1-catch-up");
        var other = resources["cn-north-1-harbor-replication-ap-southeast-1-catch-up"];
        resources[other.Name] = Set(other, "override", new Flag(true));

        var problems = ReplicationInvariants.Problems(resources, TwoSides.Config);

        Assert.Contains("eu-central-1 receives 0 scheduled catch-up rules from the primary (exactly 1 expected)", problems);
        Assert.Contains($"{other.Name} overwrites or deletes in ap-southeast-1; it must only fill gaps", problems);
    }

    [Fact]
    public void Cross_border_rules_get_the_configured_limit_in_Harbors_units_and_same_side_rules_the_configured_one()
    {
        var program = GeoPrograms.Of(GeoConfigs.TwoSides + """

              harbor-ha:replication:
                bandwidthMbps: 400
                crossBorderBandwidthMbps: 50
            """).Program;

        Assert.Equal(new Number(390625), program.Get("cn-north-1-harbor-replication-cn-northwest-1").Prop("speed"));
        Assert.Equal(new Number(48828), program.Get("cn-north-1-harbor-replication-eu-central-1").Prop("speed"));
        Assert.Equal(new Number(97656), TwoSides.Program.Get("cn-north-1-harbor-replication-eu-central-1").Prop("speed"));
    }

    [Fact]
    public void Filters_name_the_replicated_projects_only_and_the_configured_tags()
    {
        var rule = GeoPrograms.Of(GeoConfigs.OverseasPublic).Program.Get("eu-central-1-harbor-replication-us-east-1");
        var filters = Assert.IsType<ListValue>(rule.Prop("filters")).Items.Cast<MapValue>().ToArray();

        Assert.Equal(2, filters.Length);
        Assert.Contains(filters, f => f.TryGet("name", out var n) && n == new Text("apps/**"));
        Assert.Contains(filters, f => f.TryGet("tag", out var t) && t == new Text("v*"));
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

    private static Resource Set(Resource resource, string property, Value value) => resource with
    {
        Properties = new MapValue(resource.Properties.Where(p => p.Key != property).Append(KeyValuePair.Create(property, value))),
    };
}
