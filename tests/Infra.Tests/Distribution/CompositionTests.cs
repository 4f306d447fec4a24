using HarborHa.Model;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

public class CompositionTests
{
    [Theory]
    [InlineData(GeoConfigs.TwoSides)]
    [InlineData(GeoConfigs.OverseasPublic)]
    [InlineData(GeoConfigs.TwoSidesPublic)]
    public void The_composed_program_is_a_valid_graph_and_prints(string yaml)
    {
        var composed = DistributionStandIns.Compose(yaml);

        Assert.Empty(ProgramValidator.Validate(composed.Program));
        Assert.Contains("harbor:index/replication:Replication", YamlWriter.Write(composed.Program), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_config_prints_the_same_program()
    {
        var a = YamlWriter.Write(DistributionStandIns.Compose(GeoConfigs.OverseasPublic).Program);
        var b = YamlWriter.Write(DistributionStandIns.Compose(GeoConfigs.OverseasPublic).Program);

        Assert.Equal(a, b);
    }
}
