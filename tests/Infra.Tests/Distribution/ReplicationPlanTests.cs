using HarborHa.Configuration;
using HarborHa.Distribution;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

public class ReplicationPlanTests
{
    private static readonly string[] Overseas = ["ap-southeast-1", "eu-central-1", "us-east-1", "us-west-2", "ap-northeast-1", "sa-east-1", "eu-west-1"];
    private static readonly string[] China = ["cn-north-1", "cn-northwest-1"];

    [Fact]
    public void Every_replica_gets_exactly_one_rule_from_the_primary_and_none_points_back()
    {
        var config = TestConfigs.Parse(GeoConfigs.TwoSides);
        var links = ReplicationPlan.For(config.Regions, config.Replication);

        Assert.Equal(["ap-southeast-1", "cn-northwest-1", "eu-central-1"], links.Select(l => l.Target));
        Assert.All(links, l => Assert.Equal("cn-north-1", l.Source));
        Assert.Empty(ReplicationPlan.Violations(config.Regions, links));
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
                var regions = names.Select(name => new RegionConfig
                {
                    Name = name,
                    Slot = Array.IndexOf(Regions.SideOf(name) == Side.China ? China : Overseas, name),
                    Role = name == primary ? RegionRole.Primary : RegionRole.Replica,
                    AzCount = 3,
                }).ToArray();
                var settings = new ReplicationConfig { BandwidthMbps = random.Next(2) == 0 ? null : random.Next(1, 1000) };
                var links = ReplicationPlan.For(regions, settings);

                Assert.Empty(ReplicationPlan.Violations(regions, links));
                Assert.Equal(count - 1, links.Count);
                Assert.All(links, l => Assert.Equal(Regions.SideOf(l.Source) != Regions.SideOf(l.Target), l.CrossesBorder));
                checkedPlans++;
            }
        }

        Assert.True(checkedPlans > 1000);
    }

    [Fact]
    public void Violations_reports_a_rule_back_to_the_primary_a_cycle_and_a_missing_rule()
    {
        var regions = new[]
        {
            new RegionConfig { Name = "eu-central-1", Slot = 1, Role = RegionRole.Primary, AzCount = 3 },
            new RegionConfig { Name = "us-east-1", Slot = 2, AzCount = 3 },
            new RegionConfig { Name = "us-west-2", Slot = 3, AzCount = 3 },
        };
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
        var regions = new[]
        {
            new RegionConfig { Name = "eu-central-1", Slot = 1, Role = RegionRole.Primary, AzCount = 3 },
            new RegionConfig { Name = "us-east-1", Slot = 2, AzCount = 3 },
            new RegionConfig { Name = "us-west-2", Slot = 3, AzCount = 3 },
        };
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
    public void Cross_border_links_copy_by_chunk_with_the_configured_limit_and_same_side_links_are_unlimited_by_default()
    {
        var config = TestConfigs.Parse(GeoConfigs.TwoSides);
        var links = ReplicationPlan.For(config.Regions, config.Replication).ToDictionary(l => l.Target);

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
        var regions = new[]
        {
            new RegionConfig { Name = "us-east-1", Slot = 2, AzCount = 3 },
            new RegionConfig { Name = "us-west-2", Slot = 3, AzCount = 3 },
        };

        Assert.Throws<ArgumentException>(() => ReplicationPlan.For(regions, new ReplicationConfig()));
    }
}
