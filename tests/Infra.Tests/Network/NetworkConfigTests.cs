using HarborHa.Configuration;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Network;

public class NetworkConfigTests
{
    private static ConfigException Fails(string yaml) => Assert.Throws<ConfigException>(() => TestConfigs.Parse(yaml));

    [Theory]
    [InlineData("awsAsn", 64520)]
    [InlineData("applianceAsn", 64551)]
    [InlineData("chinaTransitAsn", 64530)]
    public void Vpn_asns_must_stay_out_of_the_spoke_range(string field, int asn)
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
        Assert.Contains("64520-64551", error.Message, StringComparison.Ordinal);
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
