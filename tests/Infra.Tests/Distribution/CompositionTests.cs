using HarborHa.Model;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

/// <summary>Where distribution is composed: every region of a geo program, nowhere in single-region topologies.</summary>
public class CompositionTests
{
    public static TheoryData<string> Matrix() => GeoPrograms.Matrix();

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Every_region_of_a_geo_program_gets_its_Harbor_configuration_private_name_and_Dragonfly(string name)
    {
        var geo = GeoPrograms.Named(name);
        foreach (var region in geo.Config.Regions.Select(r => r.Name))
        {
            foreach (var part in new[] { "harbor-provider", "harbor-robot-pull", "harbor-gc", "dns-private-record", "dragonfly-release" })
            {
                Assert.True(geo.Program.Contains($"{region}-{part}"), $"{name}: {region}-{part}");
            }
        }
    }

    [Theory]
    [InlineData(TestConfigs.SingleSite)]
    [InlineData(TestConfigs.Ha)]
    public void Single_region_topologies_configure_their_Harbor_but_declare_no_replication_private_zone_or_Dragonfly(string yaml)
    {
        var program = TestConfigs.Synth(yaml);

        Assert.Contains(program.Resources, r => r.Package == "harbor" && !r.IsProvider);
        Assert.DoesNotContain(program.Resources, r => r.Type == "harbor:index/replication:Replication");
        Assert.DoesNotContain(program.Resources, r => r.Name.Contains("dragonfly", StringComparison.Ordinal) || r.Name.Contains("dns-private", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_config_prints_the_same_program()
    {
        var a = YamlWriter.Write(TestConfigs.Synth(GeoConfigs.OverseasPublic));
        var b = YamlWriter.Write(TestConfigs.Synth(GeoConfigs.OverseasPublic));

        Assert.Equal(a, b);
    }
}
