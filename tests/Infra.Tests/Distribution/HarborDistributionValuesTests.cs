using HarborHa.Distribution;
using HarborHa.Model;
using HarborHa.Tests.Support;
using HarborHa.Tests.Support.HelmValues;

namespace HarborHa.Tests.Distribution;

public class HarborDistributionValuesTests
{
    private static MapValue ReleaseValues(PulumiProgram program, string region) =>
        Assert.IsType<MapValue>(program.HarborRelease(region).Prop("values"));

    private static Value? Timeout(MapValue values) =>
        values.TryGet("jobservice", out var jobservice) && ((MapValue)jobservice).TryGet("registryHttpClientTimeout", out var timeout) ? timeout : null;

    [Fact]
    public void The_primary_gets_the_replication_timeout_under_a_key_of_the_pinned_chart()
    {
        var values = HarborDistributionValues.For(DistributionRole.Primary, new ReplicationSettings { RegistryHttpClientTimeoutMinutes = 240 });

        Assert.Equal(new Number(240), ((MapValue)values["jobservice"])["registryHttpClientTimeout"]);
        Assert.Empty(ChartValuesSchema.Load(SharedFixtures.HarborValues).Problems(values));
        Assert.Equal(new Number(120), Timeout(HarborDistributionValues.For(DistributionRole.Primary, new ReplicationSettings())));
    }

    [Fact]
    public void Replicas_need_nothing_extra() =>
        Assert.Equal(0, HarborDistributionValues.For(DistributionRole.Replica, new ReplicationSettings()).Count);

    [Fact]
    public void In_the_real_program_only_the_primarys_release_gets_the_timeout_even_before_a_link_crosses_the_border()
    {
        // So adding the first region on the other side does not roll the primary's Harbor.
        foreach (var geo in new[] { GeoPrograms.Of(GeoConfigs.TwoSides), GeoPrograms.Of(GeoConfigs.OverseasPublic) })
        {
            foreach (var region in geo.Config.Regions)
            {
                var expected = region.IsPrimary ? new Number(geo.Config.Replication.CrossBorderHttpTimeoutMinutes) : null;
                Assert.Equal(expected, Timeout(ReleaseValues(geo.Program, region.Name)));
            }
        }

        Assert.Null(Timeout(ReleaseValues(TestConfigs.Synth(TestConfigs.Ha), "eu-central-1")));
    }

    [Fact]
    public void The_timeout_follows_config()
    {
        var program = GeoPrograms.Of(GeoConfigs.TwoSides + """

              harbor-ha:replication:
                crossBorderHttpTimeoutMinutes: 240
            """).Program;

        Assert.Equal(new Number(240), Timeout(ReleaseValues(program, "cn-north-1")));
    }
}
