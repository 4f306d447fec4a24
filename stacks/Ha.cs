using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Network;

namespace HarborHa.Stacks;

/// <summary>ha: one region across three AZs with no single point of failure: NAT per AZ, Multi-AZ state.</summary>
public static class Ha
{
    public static void Compose(PulumiProgram program, StackConfig config)
    {
        var services = StackServices.Create(program, config);
        _ = new RegionStack(program, config, services, config.Regions.Single(), NatStrategy.PerAz, Redundancy.MultiAz);
    }
}
