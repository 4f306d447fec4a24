using HarborHa.Configuration;
using HarborHa.Network;
using HarborHa.Planning;
using HarborHa.Stacks;
using HarborHa.Stacks.Graph;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Network;

public class NetworkCliTests
{
    private static (int Code, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = HarborHa.Cli.Cli.Run(args, stdout, stderr, new Dictionary<string, string?>(), TestConfigs.RepoRoot());
        Assert.True(code != 0 || stdout.ToString().Length > 0, "results go to stdout");
        return (code, stdout.ToString() + stderr.ToString());
    }

    [Fact]
    public void Cidr_prints_every_subnet_the_transit_plan_and_the_vpn_tunnels()
    {
        var (code, text) = Run("cidr", "--stack", "prod");
        Assert.Equal(0, code);
        var config = TestConfigs.LoadCommitted("prod");
        foreach (var region in config.Regions)
        {
            Assert.Contains(NetworkPlan.BlockOf(region), text, StringComparison.Ordinal);
            Assert.All(region.Subnets(), s => Assert.Contains(s.CidrBlock, text, StringComparison.Ordinal));
            Assert.Contains(TransitPlan.AsnOf(region).ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        }

        foreach (var tunnel in VpnPlan.AppliancesOf(config.HubOf(Side.China)!.Zones()).SelectMany(a => a.Tunnels))
        {
            Assert.Contains(tunnel.InsideCidr, text, StringComparison.Ordinal);
        }

        Assert.Contains("10.128.0.0/9 -> VPN appliances", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_draws_the_same_peerings_and_vpn_the_program_declares()
    {
        var config = TestConfigs.LoadCommitted("prod");
        var program = Synthesizer.Build(config);
        var graph = TopologyGraph.For(config);
        var drawn = graph.Edges.Where(e => e.Kind == EdgeKind.TransitPeering).Select(e => $"{e.From}-transit-peer-{e.To}").Order(StringComparer.Ordinal);
        var declared = program.OfType("aws:ec2transitgateway/peeringAttachment:PeeringAttachment").Select(r => r.Name).Order(StringComparer.Ordinal);
        Assert.Equal(declared, drawn);
        var vpn = Assert.Single(graph.Edges, e => e.Kind == EdgeKind.Vpn);
        Assert.Equal(("cn-north-1", "ap-southeast-1"), (vpn.From, vpn.To));
        Assert.Equal(3, program.OfType("aws:ec2/vpnConnection:VpnConnection").Count); // one per AZ of the China hub

        var (code, text) = Run("graph", "--stack", "prod");
        Assert.Equal(0, code);
        Assert.Contains("cn_north_1 == \"Site-to-Site VPN", text, StringComparison.Ordinal);
        Assert.Contains("ap_southeast_1 -- \"TGW peering\" --> us_east_1", text, StringComparison.Ordinal);
    }
}
