using HarborHa.Configuration;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Network;

public class NetworkConfigTests
{
    private static ConfigException Fails(string yaml) => Assert.Throws<ConfigException>(() => TestConfigs.Parse(yaml));

    [Theory]
    [InlineData("applianceAsn", 64551, "64520-64551")]
    [InlineData("applianceAsn", 64520, "64520-64551")]
    [InlineData("awsAsn", 64512, "side and slot")]
    [InlineData("chinaTransitAsn", 64513, "side and slot")]
    public void Vpn_asns_stay_out_of_the_transit_range_and_transit_asns_are_not_configurable(string field, int asn, string says)
    {
        var e = Fails($$"""
            config:
              harbor-ha:topology: geo
              harbor-ha:domain: registry.example.com
              harbor-ha:chinaImageMirror: mirror.example.cn/harbor
              harbor-ha:vpn:
                {{field}}: {{asn}}
              harbor-ha:regions:
                - { name: cn-north-1, slot: 0, role: primary }
                - { name: ap-southeast-1, slot: 0 }
            """);
        var error = Assert.Single(e.Errors);
        Assert.Equal($"harbor-ha:vpn.{field}", error.Key);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_china_regions_peer_whichever_is_the_hub()
    {
        var config = TestConfigs.Parse("""
            config:
              harbor-ha:topology: geo
              harbor-ha:domain: registry.example.com
              harbor-ha:chinaImageMirror: mirror.example.cn/harbor
              harbor-ha:regions:
                - { name: cn-north-1, slot: 0, role: primary }
                - { name: cn-northwest-1, slot: 1, hub: true }
            """);
        Assert.Equal("cn-northwest-1", config.HubOf(Side.China)!.Name);
    }
}
