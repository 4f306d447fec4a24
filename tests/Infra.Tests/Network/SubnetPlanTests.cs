using HarborHa.Configuration;
using HarborHa.Network;
using HarborHa.Planning;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Network;

public class SubnetPlanTests
{
    public static TheoryData<string, int> RegionsAndAzCounts()
    {
        var data = new TheoryData<string, int>();
        foreach (var region in Regions.All)
        {
            for (var count = 1; count <= Math.Min(SubnetPlan.MaxAzs, Regions.ZoneCount(region)); count++)
            {
                data.Add(region, count);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RegionsAndAzCounts))]
    public void Every_subnet_is_inside_the_vpc_and_none_overlap(string regionName, int azCount)
    {
        var region = new RegionConfig { Name = regionName, Slot = 7, AzCount = azCount };
        var vpc = Cidr.Parse(NetworkPlan.VpcOf(region));
        var subnets = region.Subnets();
        Assert.Equal(4 * azCount, subnets.Count);
        foreach (var s in subnets)
        {
            Assert.True(Cidr.Contains(vpc, Cidr.Parse(s.CidrBlock)), $"{s.CidrBlock} is outside {vpc}");
        }

        for (var i = 0; i < subnets.Count; i++)
        {
            for (var j = i + 1; j < subnets.Count; j++)
            {
                Assert.False(Cidr.Overlap(Cidr.Parse(subnets[i].CidrBlock), Cidr.Parse(subnets[j].CidrBlock)), $"{subnets[i]} overlaps {subnets[j]}");
            }
        }

        // Each tier once per AZ, in the AZs of the static table.
        var zones = Regions.AvailabilityZones(regionName, azCount);
        foreach (var tier in Enum.GetValues<SubnetTier>())
        {
            Assert.Equal(zones, subnets.Where(s => s.Tier == tier).Select(s => s.AvailabilityZone).ToArray());
        }
    }

    [Fact]
    public void Tiers_are_sized_for_their_use()
    {
        var subnets = SubnetPlan.For("10.128.0.0/16", Regions.AvailabilityZones("ap-southeast-1", 3));
        int Prefix(SubnetTier tier) => subnets.Where(s => s.Tier == tier).Select(s => Cidr.Parse(s.CidrBlock).Cidr).Distinct().Single();
        // Private: nodes and one VPC address per pod (VPC CNI): 8,190 hosts per AZ.
        Assert.Equal(19, Prefix(SubnetTier.Private));
        Assert.Equal(22, Prefix(SubnetTier.Public));
        Assert.Equal(23, Prefix(SubnetTier.Data));
        // Transit Gateway attachments need only a /28 per AZ.
        Assert.Equal(28, Prefix(SubnetTier.Transit));
        Assert.Equal("10.128.0.0/19", subnets.First(s => s.Tier == SubnetTier.Private).CidrBlock);
        Assert.Equal("10.128.160.0/28", subnets.First(s => s.Tier == SubnetTier.Transit).CidrBlock);
    }

    [Fact]
    public void Adding_an_az_adds_subnets_without_moving_the_others()
    {
        var three = SubnetPlan.For("10.136.0.0/16", Regions.AvailabilityZones("us-east-1", 3));
        var four = SubnetPlan.For("10.136.0.0/16", Regions.AvailabilityZones("us-east-1", 4));
        Assert.Empty(three.Except(four));
        Assert.Equal(4, four.Count - three.Count);
    }

    [Fact]
    public void More_azs_than_the_layout_holds_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SubnetPlan.For("10.128.0.0/16", Regions.AvailabilityZones("us-east-1", 5)));

    [Theory]
    [InlineData(TestConfigs.SingleSite, 2)]
    [InlineData(TestConfigs.Ha, 3)]
    [InlineData(TestConfigs.Geo, 3)]
    public void Az_count_defaults_to_what_the_topology_needs(string yaml, int expected)
    {
        // single-site: the two AZs an ALB and EKS require at least; ha and geo: three.
        Assert.All(TestConfigs.Parse(yaml).Regions, r => Assert.Equal(expected, r.AzCount));
    }

    [Fact]
    public void China_regions_use_their_documented_zones()
    {
        // Beijing has zones a, b and d (there is no cn-north-1c).
        Assert.Equal(["cn-north-1a", "cn-north-1b", "cn-north-1d"], Regions.AvailabilityZones("cn-north-1", 3));
        Assert.Equal(["cn-northwest-1a", "cn-northwest-1b", "cn-northwest-1c"], Regions.AvailabilityZones("cn-northwest-1", 3));
    }
}
