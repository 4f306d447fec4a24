using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Network;

namespace HarborHa.Stacks;

/// <summary>single-site: one region, state outside the app, one NAT gateway. Cheap; for development.</summary>
public static class SingleSite
{
    public static void Compose(PulumiProgram program, StackConfig config)
    {
        var services = StackServices.Create(program, config);
        _ = new RegionStack(program, config, services, config.Regions.Single(), NatStrategy.Single, Redundancy.SingleAz);
    }
}
