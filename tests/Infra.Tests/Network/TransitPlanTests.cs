using HarborHa.Configuration;
using HarborHa.Planning;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Network;

public class TransitPlanTests
{
    private static readonly string[] SpokeNames = ["eu-central-1", "cn-northwest-1"];

    private static StackConfig Prod => TestConfigs.LoadCommitted("prod");

    [Fact]
    public void Every_transit_gateway_and_the_appliances_have_distinct_asns()
    {
        var config = Prod;
        var asns = config.Regions.Select(TransitPlan.AsnOf).Append(config.Vpn.ApplianceAsn).ToArray();
        Assert.Equal(asns.Length, asns.Distinct().Count());
    }

    [Fact]
    public void Asns_come_from_side_and_slot_stay_private_and_never_collide_across_all_slots()
    {
        var all = SpokeNames
            .SelectMany(name => Enumerable.Range(0, NetworkPlan.SlotCount).Select(slot => new RegionConfig { Name = name, Slot = slot, AzCount = 3 }))
            .ToArray();
        var asns = all.Select(TransitPlan.AsnOf).ToArray();
        Assert.Equal(32, asns.Distinct().Count());
        // 16-bit private range (RFC 6996), which is what a Transit Gateway accepts.
        Assert.All(asns, asn => Assert.InRange(asn, 64512, 65534));
        Assert.All(asns, asn => Assert.True(TransitPlan.IsTransitAsn(asn)));
        Assert.False(TransitPlan.IsTransitAsn(new VpnConfig().ApplianceAsn));
    }

    [Fact]
    public void The_hub_role_does_not_change_an_asn()
    {
        foreach (var region in Prod.Regions)
        {
            Assert.Equal(TransitPlan.AsnOf(region), TransitPlan.AsnOf(region with { IsHub = !region.IsHub, Role = RegionRole.Replica }));
        }
    }

    [Fact]
    public void Hubs_peer_with_each_spoke_of_their_side_only()
    {
        var peerings = TransitPlan.Peerings(Prod).Select(p => $"{p.Hub.Name}>{p.Spoke.Name}");
        Assert.Equal(["ap-southeast-1>eu-central-1", "ap-southeast-1>us-east-1", "cn-north-1>cn-northwest-1"], peerings);
    }

    [Fact]
    public void Only_geo_has_peerings_and_the_link()
    {
        foreach (var yaml in new[] { TestConfigs.SingleSite, TestConfigs.Ha })
        {
            var config = TestConfigs.Parse(yaml);
            Assert.Empty(TransitPlan.Peerings(config));
            Assert.False(TransitPlan.HasCrossPartitionLink(config));
        }

        Assert.True(TransitPlan.HasCrossPartitionLink(Prod));
    }

    [Fact]
    public void A_geo_stack_on_one_side_has_no_link()
    {
        var config = TestConfigs.Parse("""
            config:
              harbor-ha:topology: geo
              harbor-ha:domain: registry.example.com
              harbor-ha:chinaImageMirror: mirror.example.cn/harbor
              harbor-ha:regions:
                - { name: ap-southeast-1, slot: 0, role: primary }
                - { name: eu-central-1, slot: 1 }
            """);
        Assert.False(TransitPlan.HasCrossPartitionLink(config));
        Assert.Single(TransitPlan.Peerings(config));
    }

    [Fact]
    public void Vpcs_send_both_supernets_to_transit_except_the_overseas_one_at_the_china_hub()
    {
        var config = Prod;
        foreach (var region in config.Regions)
        {
            var destinations = TransitPlan.VpcDestinations(region).Select(d => d.Cidr).ToArray();
            if (region is { IsHub: true, Side: Side.China })
            {
                Assert.Equal([NetworkPlan.ChinaSupernet], destinations);
            }
            else
            {
                Assert.Equal(NetworkPlan.SupernetOf(region.Side), destinations[0]);
                Assert.Equal([NetworkPlan.ChinaSupernet, NetworkPlan.OverseasSupernet], destinations.Order(StringComparer.Ordinal));
            }
        }
    }

    [Fact]
    public void A_china_peering_other_than_beijing_ningxia_is_flagged()
    {
        // A hypothetical third China region: the plan would peer it with the hub, which AWS does not offer.
        RegionConfig[] regions =
        [
            new() { Name = "cn-north-1", Slot = 0, IsHub = true, AzCount = 3 },
            new() { Name = "cn-northwest-1", Slot = 1, AzCount = 3 },
            new() { Name = "cn-south-1", Slot = 2, AzCount = 3 },
            new() { Name = "ap-southeast-1", Slot = 0, IsHub = true, AzCount = 3 },
            new() { Name = "eu-central-1", Slot = 1, AzCount = 3 },
        ];
        var unsupported = Assert.Single(TransitPlan.UnsupportedPeerings(regions));
        Assert.Equal(("cn-north-1", "cn-south-1"), (unsupported.Hub.Name, unsupported.Spoke.Name));
        Assert.Equal(3, TransitPlan.Peerings(regions).Count);
    }

    [Theory]
    [InlineData("cn-north-1", "cn-northwest-1", true)]
    [InlineData("cn-northwest-1", "cn-north-1", true)]
    [InlineData("ap-southeast-1", "us-east-1", true)]
    [InlineData("cn-north-1", "ap-southeast-1", false)]
    [InlineData("eu-central-1", "eu-central-1", false)]
    public void Transit_peering_follows_what_each_partition_offers(string a, string b, bool expected) =>
        Assert.Equal(expected, Regions.CanPeerTransitGateways(a, b));
}
