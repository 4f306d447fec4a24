using System.CommandLine;
using HarborHa.Configuration;
using HarborHa.Planning;
using Spectre.Console;

namespace HarborHa.Cli;

/// <summary><c>infra cidr</c>: the global CIDR plan as a table on stderr.</summary>
public static class CidrCommand
{
    public static Command Create(CliContext context)
    {
        var stack = StackOption.Create();
        var command = new Command("cidr", "Print the global CIDR plan: with a stack, its regions and subnets; without, every slot of both sides") { stack };
        command.SetAction(parse =>
        {
            var (config, code) = context.LoadConfig(parse.GetValue(stack), stackRequired: false);
            if (code != ExitCodes.Ok)
            {
                return code;
            }

            var console = ConsoleFor(context.Stdout);
            if (config is null)
            {
                console.Write(SlotTable());
                return ExitCodes.Ok;
            }

            console.Write(StackTable(config));
            if (config.Topology == Topology.Geo)
            {
                console.Write(TransitTable(config));
                if (TransitPlan.HasCrossPartitionLink(config))
                {
                    console.Write(VpnTable(config));
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>A plain console on a writer (stderr): no colours, and wide enough that tables never wrap in logs.</summary>
    public static IAnsiConsole ConsoleFor(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        return console;
    }

    /// <summary>Per geo region: its Transit Gateway's ASN, what its VPC sends there, and its peers.</summary>
    private static Table TransitTable(StackConfig config)
    {
        var peerings = TransitPlan.Peerings(config);
        var table = new Table().Title("transit (geo)").AddColumns("region", "role", "TGW ASN", "VPC routes", "peers with");
        foreach (var region in config.Regions.OrderBy(r => r.Side).ThenBy(r => r.Slot))
        {
            var routes = TransitPlan.VpcDestinations(region).Select(d => $"{d.Cidr} -> TGW").ToList();
            if (region is { IsHub: true, Side: Configuration.Side.China } && TransitPlan.HasCrossPartitionLink(config))
            {
                routes.Add($"{NetworkPlan.SupernetOf(Configuration.Side.Overseas)} -> VPN appliances");
            }

            var peers = peerings.Where(p => p.Hub.Name == region.Name).Select(p => $"{p.Spoke.Name} ({NetworkPlan.BlockOf(p.Spoke)})")
                .Concat(peerings.Where(p => p.Spoke.Name == region.Name).Select(p => $"{p.Hub.Name} (hub: both /9s)"));
            table.AddRow(
                region.Name,
                region.IsHub ? $"{Side(region.Side)} hub" : "spoke",
                TransitPlan.AsnOf(region).ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join("\n", routes),
                string.Join("\n", peers));
        }

        return table;
    }

    /// <summary>The cross-partition VPN: appliances in the China hub and their tunnels' inside CIDRs.</summary>
    private static Table VpnTable(StackConfig config)
    {
        var chinaHub = config.HubOf(Configuration.Side.China)!;
        var overseasHub = config.HubOf(Configuration.Side.Overseas)!;
        var table = new Table()
            .Title($"cross-partition VPN: {chinaHub.Name} appliances to the {overseasHub.Name} TGW")
            .AddColumns("appliance AZ", "tunnel", "inside CIDR", $"AWS side (ASN {TransitPlan.AsnOf(overseasHub)})", $"appliance (ASN {config.Vpn.ApplianceAsn})");
        foreach (var appliance in Network.VpnPlan.AppliancesOf(Regions.AvailabilityZones(chinaHub.Name, chinaHub.AzCount)))
        {
            foreach (var tunnel in appliance.Tunnels)
            {
                table.AddRow(appliance.Zone, tunnel.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), tunnel.InsideCidr, tunnel.AwsInsideAddress, tunnel.ApplianceInsideAddress);
            }
        }

        return table;
    }

    private static Table StackTable(StackConfig config)
    {
        var table = new Table().Title("harbor-ha CIDR plan").AddColumns("side", "slot", "region", "block", "VPC", "tier", "AZ", "subnet");
        foreach (var region in config.Regions.OrderBy(r => r.Side).ThenBy(r => r.Slot))
        {
            var first = true;
            foreach (var subnet in Network.SubnetPlan.For(NetworkPlan.VpcOf(region), Regions.AvailabilityZones(region.Name, region.AzCount)))
            {
                table.AddRow(
                    first ? Side(region.Side) : "",
                    first ? region.Slot.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
                    first ? region.Name + (region.IsHub ? " (hub)" : "") + (region.IsPrimary ? " (primary)" : "") : "",
                    first ? NetworkPlan.BlockOf(region.Side, region.Slot) : "",
                    first ? NetworkPlan.VpcOf(region) : "",
                    subnet.Tier.ToString().ToLowerInvariant(),
                    subnet.AvailabilityZone,
                    subnet.CidrBlock);
                first = false;
            }
        }

        return table;
    }

    private static Table SlotTable()
    {
        var table = new Table().Title("harbor-ha global CIDR plan (all slots)").AddColumns("side", "supernet", "slot", "block", "VPC");
        foreach (var side in new[] { Configuration.Side.Overseas, Configuration.Side.China })
        {
            for (var slot = 0; slot < NetworkPlan.SlotCount; slot++)
            {
                table.AddRow(Side(side), NetworkPlan.SupernetOf(side), slot.ToString(System.Globalization.CultureInfo.InvariantCulture), NetworkPlan.BlockOf(side, slot), NetworkPlan.VpcOf(side, slot));
            }
        }

        return table;
    }

    private static string Side(Side side) => side == Configuration.Side.China ? "china" : "overseas";
}
