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
            r => new TransitGateway(program, r.Network, new TransitGatewayArgs
            {
                Asn = TransitPlan.AsnOf(r.Region),
                RegionBlock = NetworkPlan.BlockOf(r.Region),
                VpcDestinations = ConfigMapping.Routes(TransitPlan.VpcDestinations(r.Region)),
                // The China hub's VPC routes through its VPN appliances: traffic must come back through the same one.
                AttachmentMode = r.Region is { IsHub: true, Side: Side.China } ? TransitAttachmentMode.Appliance : TransitAttachmentMode.Standard,
            }),
            StringComparer.Ordinal);
        foreach (var peering in TransitPlan.Peerings(config))
        {
            _ = new TransitPeering(program, transit[peering.Hub.Name], transit[peering.Spoke.Name]);
        }

        // ... and the two sides joined through the hubs by the cross-partition VPN.
        var crossBorderLink = new List<Ref>();
        if (TransitPlan.HasCrossPartitionLink(config))
        {
            var chinaHub = config.HubOf(Side.China)!.Name;
            var ami = config.Vpn.ApplianceAmis.GetValueOrDefault(chinaHub);
            var link = new CrossPartitionLink(program, new CrossPartitionLinkArgs
            {
                ChinaHub = transit[config.HubOf(Side.China)!.Name],
                OverseasHub = transit[config.HubOf(Side.Overseas)!.Name],
                RandomProvider = global.Random,
                ChinaCidr = NetworkPlan.SupernetOf(Side.China),
                OverseasCidr = NetworkPlan.SupernetOf(Side.Overseas),
                TunnelLogGroupName = StateNames.LogGroup(config.Domain, config.HubOf(Side.Overseas)!.Name, "vpn-tunnels"),
                ApplianceAsn = config.Vpn.ApplianceAsn,
                ApplianceInstanceType = config.Vpn.ApplianceInstanceType,
                ApplianceImageId = ami == VpnConfig.LatestAmi ? null : ami,
            });
            crossBorderLink.AddRange(link.Appliances.Select(a => new Ref(a.VpnConnectionId.Target)));
            LinkMonitoring.Declare(link, regions[config.HubOf(Side.Overseas)!.Name], regions[chinaHub]);
            if (ami == VpnConfig.LatestAmi)
            {
                foreach (var appliance in link.Appliances)
                {
                    program.Accept(appliance.Name, "appliance-ami-pinned", $"harbor-ha:vpn.applianceAmis.{chinaHub} is {VpnConfig.LatestAmi}: the image is looked up at deploy time");
                }
            }
        }

        // One distribution system over it: Harbor configured alike everywhere, the primary pushing to
        // every other region, private DNS on both sides, Dragonfly in each region.
        var distribution = GeoDistribution.Compose(program, config, global, services.Aws,
            regions,
            services.Zone,
            crossBorderLink);
        ReplicationMonitoring.Declare(program, config, regions, distribution);

        // Until the Dragonfly refactor declares them (issue 18), RDS creates the log groups of
        // Dragonfly's MySQL exports itself, without retention: reported, and accepted for now.
        foreach (var region in distribution.Dragonfly.Keys)
        {
            program.Accept(LogicalName.Of(region, "dragonfly", "db"), "log-retention", "Dragonfly's exported MySQL logs: their groups are declared with retention in the Dragonfly follow-up of issue 18");
        }
    }
}
