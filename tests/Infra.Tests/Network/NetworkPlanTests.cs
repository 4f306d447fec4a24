using HarborHa.Configuration;
using HarborHa.Network;
using HarborHa.Planning;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Network;

public class NetworkPlanTests
{
    private static readonly Side[] Sides = [Side.Overseas, Side.China];

    public static TheoryData<Side, int, string, string> DesignTable => new()
    {
        // DESIGN.md, global CIDR plan: overseas 10.(128+8k), China 10.(120-8k).
        { Side.Overseas, 0, "10.128.0.0/13", "10.128.0.0/16" },
        { Side.Overseas, 1, "10.136.0.0/13", "10.136.0.0/16" },
        { Side.Overseas, 15, "10.248.0.0/13", "10.248.0.0/16" },
        { Side.China, 0, "10.120.0.0/13", "10.120.0.0/16" },
        { Side.China, 1, "10.112.0.0/13", "10.112.0.0/16" },
        { Side.China, 15, "10.0.0.0/13", "10.0.0.0/16" },
    };

    [Theory]
    [MemberData(nameof(DesignTable))]
    public void Slots_follow_the_design_table(Side side, int slot, string block, string vpc)
    {
        Assert.Equal(block, NetworkPlan.BlockOf(side, slot));
        Assert.Equal(vpc, NetworkPlan.VpcOf(side, slot));
    }

    [Fact]
    public void Every_block_of_every_slot_stays_inside_its_sides_supernet()
    {
        foreach (var side in Sides)
        {
            var supernet = Cidr.Parse(NetworkPlan.SupernetOf(side));
            for (var slot = 0; slot < NetworkPlan.SlotCount; slot++)
            {
                var block = Cidr.Parse(NetworkPlan.BlockOf(side, slot));
                Assert.Equal(13, block.Cidr);
                Assert.True(Cidr.Contains(supernet, block), $"{side} slot {slot}: {block} is outside {supernet}");
                Assert.True(Cidr.Contains(block, Cidr.Parse(NetworkPlan.VpcOf(side, slot))));
            }
        }
    }

    [Fact]
    public void No_two_blocks_of_all_32_slots_overlap_and_the_two_sides_split_10_slash_8()
    {
        var blocks = Sides.SelectMany(side => Enumerable.Range(0, NetworkPlan.SlotCount)
            .Select(slot => (Label: $"{side}/{slot}", Net: Cidr.Parse(NetworkPlan.BlockOf(side, slot))))).ToArray();
        Assert.Equal(32, blocks.Length);
        for (var i = 0; i < blocks.Length; i++)
        {
            for (var j = i + 1; j < blocks.Length; j++)
            {
                Assert.False(Cidr.Overlap(blocks[i].Net, blocks[j].Net), $"{blocks[i].Label} overlaps {blocks[j].Label}");
            }
        }

        Assert.False(Cidr.Overlap(Cidr.Parse(NetworkPlan.OverseasSupernet), Cidr.Parse(NetworkPlan.ChinaSupernet)));
        // 16 /13s fill a /9 exactly: every address of each side belongs to one slot.
        Assert.Equal(Cidr.Parse(NetworkPlan.SupernetOf(Side.China)).Total, blocks.Where(b => b.Label.StartsWith("China", StringComparison.Ordinal)).Aggregate(System.Numerics.BigInteger.Zero, (sum, b) => sum + b.Net.Total));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(16)]
    public void Slots_outside_0_to_15_are_refused(int slot) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NetworkPlan.BlockOf(Side.Overseas, slot));

    [Fact]
    public void A_regions_vpc_never_moves_when_other_regions_are_added_or_removed()
    {
        const string few = """
            config:
              harbor-ha:topology: geo
              harbor-ha:domain: registry.example.com
              harbor-ha:chinaImageMirror: mirror.example.cn/harbor
              harbor-ha:regions:
                - { name: eu-central-1, slot: 5, role: primary }
                - { name: cn-northwest-1, slot: 3 }
            """;
        const string many = """
            config:
              harbor-ha:topology: geo
              harbor-ha:domain: registry.example.com
              harbor-ha:chinaImageMirror: mirror.example.cn/harbor
              harbor-ha:regions:
                - { name: ap-southeast-1, slot: 0 }
                - { name: us-east-1, slot: 2 }
                - { name: eu-central-1, slot: 5, role: primary }
                - { name: cn-north-1, slot: 0 }
                - { name: cn-northwest-1, slot: 3 }
            """;
        var a = TestConfigs.Parse(few);
        var b = TestConfigs.Parse(many);
        foreach (var region in a.Regions)
        {
            var other = b.Region(region.Name);
            Assert.Equal(NetworkPlan.VpcOf(region), NetworkPlan.VpcOf(other));
            Assert.Equal(region.Subnets(), other.Subnets());
        }

        Assert.Equal("10.168.0.0/16", NetworkPlan.VpcOf(a.Region("eu-central-1")));
        Assert.Equal("10.96.0.0/16", NetworkPlan.VpcOf(a.Region("cn-northwest-1")));
    }
}
