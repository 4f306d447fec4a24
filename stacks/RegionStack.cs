using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Network;

namespace HarborHa.Stacks;

/// <summary>
/// Everything one region runs, whatever the topology: its providers and network, then state,
/// cluster and Harbor. Topologies decide the options (NAT, sizing) and add what links regions.
/// </summary>
public sealed class RegionStack
{
    public RegionStack(PulumiProgram program, StackConfig config, GlobalProviders global, RegionConfig region, NatStrategy nat)
    {
        Region = region;
        Providers = new RegionProviders(program, config, region);
        Network = new RegionalNetwork(program, Providers.Aws, new RegionalNetworkArgs { Region = region, Nat = nat });
        _ = global;
        // The nodes' group exists before the cluster so that state components can allow it by intent.
        Nodes = new SecurityGroup(program, Providers.Aws, LogicalName.Of(region.Name, "cluster", "nodes-sg"), Network.VpcId,
            "harbor-ha cluster nodes", allowAllEgress: true);
        program.AddOutput($"{OutputPrefix}VpcId", Network.VpcId);
    }

    public RegionConfig Region { get; }

    public RegionProviders Providers { get; }

    public RegionalNetwork Network { get; }

    /// <summary>Security group of the cluster's nodes: the only source allowed into databases and caches.</summary>
    public SecurityGroup Nodes { get; }

    /// <summary>Stack output names are camelCase per region, e.g. <c>apSoutheast1VpcId</c>.</summary>
    public string OutputPrefix => OutputName(Region.Name);

    public static string OutputName(string region)
    {
        var parts = region.Split('-');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
