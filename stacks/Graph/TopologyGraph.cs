using HarborHa.Configuration;
using HarborHa.Distribution;
using HarborHa.Planning;

namespace HarborHa.Stacks.Graph;

/// <summary>A node of the architecture drawing: a region (with its network and state) or a shared part.</summary>
public sealed record GraphNode(string Id, string Label, string Group);

/// <summary>An arrow of the drawing: transit peering, VPN, image replication, DR copies.</summary>
public sealed record GraphEdge(string From, string To, string Label, EdgeKind Kind);

public enum EdgeKind
{
    TransitPeering,
    Vpn,
    Replication,
    DisasterRecovery,
}

/// <summary>
/// The architecture of a stack as a graph, built from the validated config and the plan (not from
/// resources), so the drawing shows intent: regions grouped by side, hubs, links and data flows.
/// </summary>
public sealed record TopologyGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges)
{
    public static TopologyGraph For(StackConfig config)
    {
        var nodes = config.Regions
            .OrderBy(r => r.Side).ThenBy(r => r.Slot)
            .Select(r => new GraphNode(r.Name, Label(config, r), r.Side == Side.China ? "China (aws-cn)" : "Overseas (aws)"))
            .ToList();
        var edges = new List<GraphEdge>();
        if (config.Topology == Topology.Geo)
        {
            // The same plan the program is built from, so the drawing cannot disagree with the resources.
            foreach (var peering in TransitPlan.Peerings(config))
            {
                edges.Add(new GraphEdge(peering.Hub.Name, peering.Spoke.Name, "TGW peering", EdgeKind.TransitPeering));
            }

            if (TransitPlan.HasCrossPartitionLink(config))
            {
                var label = $"Site-to-Site VPN: {config.HubOf(Side.China)!.AzCount} appliances, BGP {config.Vpn.ApplianceAsn} to {TransitPlan.AsnOf(config.HubOf(Side.Overseas)!)}, ECMP";
                edges.Add(new GraphEdge(config.HubOf(Side.China)!.Name, config.HubOf(Side.Overseas)!.Name, label, EdgeKind.Vpn));
            }

            // The same plan that declares the rules draws them, so the drawing cannot disagree with the program.
            foreach (var link in GeoDistribution.Links(config))
            {
                var label = link.CrossesBorder ? "Harbor push replication (over the VPN, by chunk)" : "Harbor push replication";
                edges.Add(new GraphEdge(link.Source, link.Target, label, EdgeKind.Replication));
            }
        }

        foreach (var region in config.Regions.Where(r => r.DrRegion is not null))
        {
            if (nodes.All(n => n.Id != region.DrRegion))
            {
                nodes.Add(new GraphNode(region.DrRegion!, $"{region.DrRegion}\\nDR copies only", region.Side == Side.China ? "China (aws-cn)" : "Overseas (aws)"));
            }

            edges.Add(new GraphEdge(region.Name, region.DrRegion!, "S3 replication + RDS backups", EdgeKind.DisasterRecovery));
        }

        return new TopologyGraph(nodes, edges);
    }

    private static string Label(StackConfig config, RegionConfig r)
    {
        var roles = new List<string>();
        if (r.IsPrimary)
        {
            roles.Add("primary");
        }

        if (r.IsHub && config.Topology == Topology.Geo)
        {
            roles.Add("hub");
        }

        var role = roles.Count > 0 ? $" ({string.Join(", ", roles)})" : "";
        var transit = config.Topology == Topology.Geo ? $"\\nTGW ASN {TransitPlan.AsnOf(r)}" : "";
        return $"{r.Name}{role}\\nVPC {NetworkPlan.VpcOf(r)}, {r.AzCount} AZs{transit}\\nHarbor + RDS + Redis + S3";
    }
}
