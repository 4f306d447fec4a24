using HarborHa.Distribution;
using HarborHa.Stacks.Graph;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

public class ReplicationGraphTests
{
    [Fact]
    public void The_drawing_shows_exactly_the_planned_rules_and_marks_the_ones_over_the_VPN()
    {
        var config = TestConfigs.Parse(GeoConfigs.TwoSides);
        var edges = TopologyGraph.For(config).Edges.Where(e => e.Kind == EdgeKind.Replication).ToArray();
        var links = ReplicationPlan.For(config.Regions, config.Replication);

        Assert.Equal(links.Select(l => (l.Source, l.Target)), edges.Select(e => (e.From, e.To)));
        Assert.Equal(links.Count(l => l.CrossesBorder), edges.Count(e => e.Label.Contains("VPN", StringComparison.Ordinal)));
    }
}
