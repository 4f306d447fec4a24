using HarborHa.Model;
using HarborHa.Stacks.Graph;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

/// <summary>The architecture drawing against the program: its replication arrows are the rules the program declares.</summary>
public class ReplicationGraphTests
{
    public static TheoryData<string> Matrix() => GeoPrograms.Matrix();

    [Theory]
    [MemberData(nameof(Matrix))]
    public void The_drawing_shows_exactly_the_declared_rules_and_marks_those_that_copy_by_chunk_over_the_VPN(string name)
    {
        var geo = GeoPrograms.Named(name);
        var edges = TopologyGraph.For(geo.Config).Edges.Where(e => e.Kind == EdgeKind.Replication).ToArray();
        // One edge per link: its event rule and its catch-up rule copy along the same path.
        var declared = DeclaredReplication.Of(geo.Resources()).Where(d => d.Rule.Text("schedule") == "event_based").ToArray();

        Assert.Equal(
            declared.Select(d => (d.Source, d.Target)).Order(),
            edges.Select(e => (e.From, e.To)).Order());
        Assert.Equal(
            declared.Where(d => d.Rule.Properties["copyByChunk"] == new Flag(true)).Select(d => d.Target).Order(StringComparer.Ordinal),
            edges.Where(e => e.Label.Contains("VPN", StringComparison.Ordinal)).Select(e => e.To).Order(StringComparer.Ordinal));
    }
}
