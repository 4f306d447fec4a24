using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Network;

namespace HarborHa.Stacks;

/// <summary>
/// single-site and ha: one region, the same composition with different data. ha spreads over
/// three AZs with NAT per AZ and Multi-AZ state (no single point of failure); single-site keeps one
/// NAT gateway and single-AZ state, a documented trade of availability for cost (dev).
/// </summary>
public static class SingleRegion
{
    public static void Compose(PulumiProgram program, StackConfig config)
    {
        var services = StackServices.Create(program, config);
        var (nat, redundancy) = config.Topology == Topology.Ha
            ? (NatStrategy.PerAz, Redundancy.MultiAz)
            : (NatStrategy.Single, Redundancy.SingleAz);
        var region = new RegionStack(program, config, services, config.Regions.Single(), nat, redundancy);

        // Harbor as code, as in every geo region: projects, robots, proxy caches, retention, GC.
        _ = SingleRegionDistribution.Compose(program, config, services, region);
    }
}
