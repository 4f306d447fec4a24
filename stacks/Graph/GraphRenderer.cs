using System.Text;

namespace HarborHa.Stacks.Graph;

/// <summary>Renders a <see cref="TopologyGraph"/> as Graphviz dot or Mermaid flowchart text.</summary>
public static class GraphRenderer
{
    public static string Dot(TopologyGraph graph)
    {
        var text = new StringBuilder();
        text.Append("digraph harbor_ha {\n  rankdir=LR;\n  node [shape=box];\n");
        var clusterIndex = 0;
        foreach (var group in graph.Nodes.GroupBy(n => n.Group))
        {
            text.Append($"  subgraph cluster_{clusterIndex++} {{\n    label=\"{group.Key}\";\n");
            foreach (var node in group)
            {
                text.Append($"    \"{node.Id}\" [label=\"{node.Label}\"];\n");
            }

            text.Append("  }\n");
        }

        foreach (var edge in graph.Edges)
        {
            var style = edge.Kind switch
            {
                EdgeKind.Vpn => " style=bold color=red",
                EdgeKind.Replication => " color=blue",
                EdgeKind.DisasterRecovery => " style=dashed",
                _ => "",
            };
            text.Append($"  \"{edge.From}\" -> \"{edge.To}\" [label=\"{edge.Label}\"{style}];\n");
        }

        return text.Append("}\n").ToString();
    }

    public static string Mermaid(TopologyGraph graph)
    {
        var text = new StringBuilder("flowchart LR\n");
        var groupIndex = 0;
        foreach (var group in graph.Nodes.GroupBy(n => n.Group))
        {
            text.Append($"  subgraph side{groupIndex++}[\"{group.Key}\"]\n");
            foreach (var node in group)
            {
                text.Append($"    {Id(node.Id)}[\"{node.Label.Replace("\\n", "<br/>", StringComparison.Ordinal)}\"]\n");
            }

            text.Append("  end\n");
        }

        foreach (var edge in graph.Edges)
        {
            var arrow = edge.Kind switch
            {
                EdgeKind.Vpn => "==",
                EdgeKind.DisasterRecovery => "-.",
                _ => "--",
            };
            var tail = edge.Kind switch
            {
                EdgeKind.Vpn => "==>",
                EdgeKind.DisasterRecovery => ".->",
                _ => "-->",
            };
            text.Append($"  {Id(edge.From)} {arrow} \"{edge.Label}\" {tail} {Id(edge.To)}\n");
        }

        return text.ToString();
    }

    private static string Id(string region) => region.Replace("-", "_", StringComparison.Ordinal);
}
