using HarborHa.Distribution;
using HarborHa.Model;
using HarborHa.Tests.Support;
using HarborHa.Tests.Support.HelmValues;

namespace HarborHa.Tests.Distribution;

public class HarborDistributionValuesTests
{
    [Fact]
    public void The_primary_with_cross_border_links_gets_a_longer_jobservice_timeout_under_a_chart_key()
    {
        var config = TestConfigs.Parse(GeoConfigs.TwoSides);
        var values = HarborDistributionValues.For(config, "cn-north-1");

        Assert.Equal(new Number(120), ((MapValue)values["jobservice"])["registryHttpClientTimeout"]);
        Assert.Empty(ChartValuesSchema.Load(SharedFixtures.HarborValues).Problems(values));
    }

    [Fact]
    public void Replicas_and_single_region_stacks_need_nothing_extra()
    {
        var twoSides = TestConfigs.Parse(GeoConfigs.TwoSides);
        Assert.Equal(0, HarborDistributionValues.For(twoSides, "eu-central-1").Count);
        Assert.Equal(0, HarborDistributionValues.For(TestConfigs.Parse(TestConfigs.Ha), "eu-central-1").Count);
    }

    [Fact]
    public void A_geo_primary_gets_the_long_timeout_even_before_a_link_crosses_the_border()
    {
        // So adding the first region on the other side does not roll the primary's Harbor.
        var overseasOnly = TestConfigs.Parse(GeoConfigs.OverseasPublic);
        var jobservice = (MapValue)HarborDistributionValues.For(overseasOnly, overseasOnly.Primary.Name)["jobservice"];
        Assert.Equal(new Number(overseasOnly.Replication.CrossBorderHttpTimeoutMinutes), jobservice["registryHttpClientTimeout"]);
    }

    [Fact]
    public void The_timeout_follows_config()
    {
        var config = TestConfigs.Parse(GeoConfigs.TwoSides + """

              harbor-ha:replication:
                crossBorderHttpTimeoutMinutes: 240
            """);

        Assert.Equal(new Number(240), ((MapValue)HarborDistributionValues.For(config, "cn-north-1")["jobservice"])["registryHttpClientTimeout"]);
    }
}
