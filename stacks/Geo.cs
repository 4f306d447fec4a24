using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Network;
using HarborHa.Planning;

namespace HarborHa.Stacks;

/// <summary>
/// geo: every region an HA Harbor; per side a Transit Gateway hub with its regions as spokes, and a
/// Site-to-Site VPN between the sides. Images flow from the primary to every other region.
/// </summary>
public static class Geo
{
    public static void Compose(PulumiProgram program, StackConfig config)
    {
        var services = StackServices.Create(program, config);
        var global = services.Global;
        var regions = config.Regions
            .Select(r => new RegionStack(program, config, services, r, NatStrategy.PerAz, Redundancy.MultiAz))
            .ToDictionary(r => r.Region.Name, StringComparer.Ordinal);

        // The private network: a Transit Gateway in every region, each hub peered with its side's spokes ...
        var transit = regions.Values.ToDictionary(
            r => r.Region.Name,
            r => new TransitGateway(program, r.Network, TransitGatewayArgs.For(config, r.Region)),
            StringComparer.Ordinal);
        foreach (var peering in TransitPlan.Peerings(config))
        {
            _ = new TransitPeering(program, transit[peering.Hub.Name], transit[peering.Spoke.Name]);
        }

        // ... and the two sides joined through the hubs by the cross-partition VPN.
        if (TransitPlan.HasCrossPartitionLink(config))
        {
            _ = new CrossPartitionLink(program, new CrossPartitionLinkArgs
            {
                ChinaHub = transit[config.HubOf(Side.China)!.Name],
                OverseasHub = transit[config.HubOf(Side.Overseas)!.Name],
                RandomProvider = global.Random,
                Domain = config.Domain,
                Vpn = config.Vpn,
            });
        }

        // One distribution system over it: Harbor configured alike everywhere, the primary pushing to
        // every other region, private DNS on both sides, Dragonfly in each region.
        var zone = LoadBalancer.PublicZone.For(program, config, services.Aws);
        _ = GeoDistribution.Compose(program, config, global,
            regions,
            zone is null ? null : new Dns.PublicZone(zone.ZoneId, zone.Domain, zone.Side));
    }
}
