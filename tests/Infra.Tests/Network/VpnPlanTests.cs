using HarborHa.Configuration;
using HarborHa.Network;
using HarborHa.Planning;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Network;

public class VpnPlanTests
{
    private static readonly string[] ReservedByAws =
    [
        "169.254.0.0/30", "169.254.1.0/30", "169.254.2.0/30", "169.254.3.0/30", "169.254.4.0/30", "169.254.5.0/30", "169.254.169.252/30",
    ];

    [Theory]
    [InlineData("cn-north-1a", "169.254.100.0/30", "169.254.100.4/30")]
    [InlineData("cn-north-1b", "169.254.101.0/30", "169.254.101.4/30")]
    [InlineData("cn-north-1d", "169.254.103.0/30", "169.254.103.4/30")]
    [InlineData("cn-northwest-1c", "169.254.102.0/30", "169.254.102.4/30")]
    public void Inside_cidrs_come_from_the_az_letter(string zone, string tunnel1, string tunnel2)
    {
        var appliance = VpnPlan.ApplianceIn(zone);
        Assert.Equal([tunnel1, tunnel2], appliance.Tunnels.Select(t => t.InsideCidr));
        Assert.Equal(zone[^1..], appliance.Letter);
    }

    [Fact]
    public void Aws_takes_the_first_address_and_the_appliance_the_second()
    {
        var t = VpnPlan.ApplianceIn("cn-north-1a").Tunnels[1];
        Assert.Equal("169.254.100.5", t.AwsInsideAddress);
        Assert.Equal("169.254.100.6", t.ApplianceInsideAddress);
        Assert.Equal("169.254.100.6/30", t.ApplianceInterfaceAddress);
    }

    [Fact]
    public void Every_letter_gets_valid_unique_cidrs_clear_of_the_ranges_aws_reserves()
    {
        var linkLocal = Cidr.Parse("169.254.0.0/16");
        var reserved = ReservedByAws.Select(Cidr.Parse).ToArray();
        var all = Enumerable.Range('a', 26).SelectMany(c => VpnPlan.ApplianceIn($"cn-north-1{(char)c}").Tunnels).ToArray();
        Assert.Equal(all.Length, all.Select(t => t.InsideCidr).Distinct().Count());
        foreach (var t in all)
        {
            var net = Cidr.Parse(t.InsideCidr);
            Assert.Equal(30, net.Cidr);
            Assert.True(Cidr.Contains(linkLocal, net));
            Assert.DoesNotContain(reserved, r => Cidr.Overlap(r, net));
            Assert.True(net.Contains(System.Net.IPAddress.Parse(t.AwsInsideAddress)));
            Assert.True(net.Contains(System.Net.IPAddress.Parse(t.ApplianceInsideAddress)));
        }
    }

    [Fact]
    public void One_appliance_in_each_zone_of_the_china_hub()
    {
        var hub = new RegionConfig { Name = "cn-north-1", Slot = 0, IsHub = true, AzCount = 3 };
        var appliances = VpnPlan.AppliancesOf(hub.Zones());
        Assert.Equal(["cn-north-1a", "cn-north-1b", "cn-north-1d"], appliances.Select(a => a.Zone));
        // An appliance keeps its CIDRs whatever the list around it: the plan is per letter.
        Assert.Equal(VpnPlan.ApplianceIn("cn-north-1b").Tunnels, appliances[1].Tunnels);
    }

    [Theory]
    [InlineData("cn-north-1a", "cn-north-1a")]
    [InlineData("cn-north-1b", "cn-north-1b")]
    [InlineData("cn-north-1d", "cn-north-1d")]
    public void Each_zone_uses_its_own_appliance(string zone, string applianceZone)
    {
        var hub = new RegionConfig { Name = "cn-north-1", Slot = 0, IsHub = true, AzCount = 3 };
        Assert.Equal(applianceZone, VpnPlan.ServingZone(hub.Zones(), zone).Zone);
    }

    [Fact]
    public void Mss_clamp_fits_the_tunnel_mtu()
    {
        Assert.True(VpnPlan.TunnelMtu < 1500 - 73, "IPsec in UDP costs up to ~73 bytes of a 1500-byte packet");
        Assert.Equal(VpnPlan.TunnelMtu - 40, VpnPlan.TcpMss);
        Assert.True(VpnPlan.TcpMss <= 1379, "AWS's customer gateway examples clamp at 1379 or less");
    }
}
