using HarborHa.Common;
using HarborHa.Distribution;
using HarborHa.Stacks;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

public class ReplicationPlanTests
{
    private static readonly string[] Overseas = ["ap-southeast-1", "eu-central-1", "us-east-1", "us-west-2", "ap-northeast-1", "sa-east-1", "eu-west-1"];
    private static readonly string[] China = ["cn-north-1", "cn-northwest-1"];

    private static ReplicationSite Primary(string name) => new(name, Partitions.Of(name), DistributionRole.Primary);

    private static ReplicationSite Replica(string name) => new(name, Partitions.Of(name), DistributionRole.Replica);

    [Fact]
    public void The_stacks_plan_is_one_rule_from_the_primary_to_each_other_region_sorted_by_target()
    {
        var links = GeoDistribution.Links(TestConfigs.Parse(GeoConfigs.TwoSides));

        Assert.Equal(["ap-southeast-1", "cn-northwest-1", "eu-central-1"], links.Select(l => l.Target));
        Assert.All(links, l => Assert.Equal("cn-north-1", l.Source));
        Assert.Equal([true, false, true], links.Select(l => l.CrossesBorder));
    }

    /// <summary>
    /// Generated stacks: every subset of two to six regions over both sides, with each region in turn
    /// as the primary, obeys the invariants. Deterministic (fixed seed), no timing.
    /// </summary>
    [Fact]
    public void No_generated_stack_has_a_loop_a_rule_to_the_primary_or_a_region_without_exactly_one_rule()
    {
        var random = new Random(20260101);
        var all = Overseas.Concat(China).ToArray();
        var checkedPlans = 0;
        for (var n = 0; n < 400; n++)
        {
            var count = random.Next(2, 7);
            var names = all.OrderBy(_ => random.Next()).Take(count).ToArray();
            foreach (var primary in names)
            {
                var regions = names.Select(name => name == primary ? Primary(name) : Replica(name)).ToArray();
                var settings = new ReplicationSettings { BandwidthMbps = random.Next(2) == 0 ? null : random.Next(1, 1000) };
                var links = ReplicationPlan.For(regions, settings);

                Assert.Empty(ReplicationPlan.Violations(regions, links));
                Assert.Equal(count - 1, links.Count);
                Assert.All(links, l => Assert.Equal(Partitions.Of(l.Source) != Partitions.Of(l.Target), l.CrossesBorder));
                Assert.All(links, l => Assert.Equal(l.CrossesBorder, l.CopyByChunk));
                Assert.All(links, l => Assert.True(!l.CrossesBorder || l.SpeedKbits > 0, $"{l.Source} -> {l.Target} has no limit"));
                checkedPlans++;
            }
        }

        Assert.True(checkedPlans > 1000);
    }

    [Fact]
    public void Violations_reports_a_rule_back_to_the_primary_a_cycle_and_a_missing_rule()
    {
        var regions = new[] { Primary("eu-central-1"), Replica("us-east-1"), Replica("us-west-2") };
        var loop = new[]
        {
            new ReplicationLink("eu-central-1", "us-east-1", false, -1),
            new ReplicationLink("us-east-1", "eu-central-1", false, -1),
        };

        var problems = ReplicationPlan.Violations(regions, loop);

        Assert.Contains(problems, p => p.Contains("targets the primary", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("held by a replica", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("cycle", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("us-west-2 receives 0 rules", StringComparison.Ordinal));
    }

    [Fact]
    public void Violations_reports_a_chain_between_replicas_and_a_duplicate_rule()
    {
        var regions = new[] { Primary("eu-central-1"), Replica("us-east-1"), Replica("us-west-2") };
        var links = new[]
        {
            new ReplicationLink("eu-central-1", "us-east-1", false, -1),
            new ReplicationLink("eu-central-1", "us-east-1", false, -1),
            new ReplicationLink("us-east-1", "us-west-2", false, -1),
        };

        var problems = ReplicationPlan.Violations(regions, links);

        Assert.Contains("us-east-1 receives 2 rules from the primary (expected exactly 1)", problems);
        Assert.Contains(problems, p => p.Contains("us-east-1 -> us-west-2 is held by a replica", StringComparison.Ordinal));
    }

    [Fact]
    public void Cross_border_links_copy_by_chunk_with_the_default_limit_and_same_side_links_are_unlimited_by_default()
    {
        var regions = new[] { Primary("cn-north-1"), Replica("cn-northwest-1"), Replica("eu-central-1") };
        var links = ReplicationPlan.For(regions, new ReplicationSettings()).ToDictionary(l => l.Target);

        Assert.False(links["cn-northwest-1"].CrossesBorder);
        Assert.False(links["cn-northwest-1"].CopyByChunk);
        Assert.Equal(-1, links["cn-northwest-1"].SpeedKbits);
        Assert.True(links["eu-central-1"].CopyByChunk);
        Assert.Equal(ReplicationPlan.ToHarborSpeed(100), links["eu-central-1"].SpeedKbits);
    }

    [Theory]
    [InlineData(100, 97656)]
    [InlineData(1, 976)]
    [InlineData(100000, 97656250)]
    public void Harbor_speed_is_in_units_of_1024_bits_per_second(int mbps, int expected) =>
        Assert.Equal(expected, ReplicationPlan.ToHarborSpeed(mbps));

    [Fact]
    public void A_plan_needs_exactly_one_primary()
    {
        Assert.Throws<ArgumentException>(() => ReplicationPlan.For([Replica("us-east-1"), Replica("us-west-2")], new ReplicationSettings()));
        Assert.Throws<ArgumentException>(() => ReplicationPlan.For([Primary("us-east-1"), Primary("us-west-2")], new ReplicationSettings()));
    }
}
