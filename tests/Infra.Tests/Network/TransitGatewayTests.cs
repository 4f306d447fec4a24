using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Planning;
using HarborHa.Stacks;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Network;

public class TransitGatewayTests
{
    private static readonly StackConfig Config = TestConfigs.LoadCommitted("prod");
    private static readonly PulumiProgram Program = Synthesizer.Build(Config);

    [Theory]
    [InlineData("ap-southeast-1", 64520)]
    [InlineData("eu-central-1", 64521)]
    [InlineData("us-east-1", 64522)]
    [InlineData("cn-north-1", 64536)]
    [InlineData("cn-northwest-1", 64537)]
    public void Every_geo_region_has_a_gateway_with_its_planned_asn_and_nothing_automatic(string region, long asn)
    {
        var tgw = Program.Get($"{region}-transit-gateway", "aws:ec2transitgateway/transitGateway:TransitGateway");
        Assert.Equal(asn, tgw.NumberOf("amazonSideAsn"));
        Assert.Equal("disable", tgw.Text("defaultRouteTableAssociation"));
        Assert.Equal("disable", tgw.Text("defaultRouteTablePropagation"));
        Assert.Equal("disable", tgw.Text("autoAcceptSharedAttachments"));
        Assert.Equal("enable", tgw.Text("vpnEcmpSupport"));
        Assert.Equal($"{region}-aws", tgw.ProviderOf());
        var table = Program.Get($"{region}-transit-route-table", "aws:ec2transitgateway/routeTable:RouteTable");
        Assert.Equal(tgw.Name, table.RefOf("transitGatewayId").Target);
    }

    [Theory]
    [InlineData("ap-southeast-1", "disable")]
    [InlineData("cn-northwest-1", "disable")]
    // The China hub forwards through its VPN appliances: a flow must keep its AZ both ways.
    [InlineData("cn-north-1", "enable")]
    public void The_vpc_attaches_through_its_transit_subnets_and_is_associated_and_propagated(string region, string applianceMode)
    {
        var attachment = Program.Get($"{region}-transit-vpc-attachment", "aws:ec2transitgateway/vpcAttachment:VpcAttachment");
        var subnets = Assert.IsType<ListValue>(attachment.Properties["subnetIds"]).Items.Cast<Ref>().Select(r => r.Target);
        var zones = Regions.AvailabilityZones(region, Config.Region(region).AzCount);
        Assert.Equal(zones.Select(z => $"{region}-network-transit-{z[^1..]}"), subnets);
        Assert.Equal($"{region}-network-vpc", attachment.RefOf("vpcId").Target);
        Assert.Equal(applianceMode, attachment.Text("applianceModeSupport"));
        Assert.False(attachment.FlagOf("transitGatewayDefaultRouteTableAssociation"));
        Assert.False(attachment.FlagOf("transitGatewayDefaultRouteTablePropagation"));

        foreach (var (name, type) in new[]
        {
            ($"{region}-transit-vpc-association", "aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation"),
            ($"{region}-transit-vpc-propagation", "aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation"),
        })
        {
            var r = Program.Get(name, type);
            Assert.Equal(new Ref(attachment.Name, "id"), r.Properties["transitGatewayAttachmentId"]);
            Assert.Equal($"{region}-transit-route-table", r.RefOf("transitGatewayRouteTableId").Target);
        }
    }

    [Fact]
    public void Vpc_routes_to_the_gateway_wait_for_the_attachment()
    {
        var routes = Program.OfType("aws:ec2/route:Route").Where(r => r.Properties.ContainsKey("transitGatewayId")).ToArray();
        Assert.NotEmpty(routes);
        Assert.All(routes, r =>
        {
            var region = r.ProviderOf()[..^"-aws".Length];
            Assert.Equal($"{region}-transit-gateway", r.RefOf("transitGatewayId").Target);
            Assert.Contains(new Ref($"{region}-transit-vpc-attachment"), r.Options.DependsOn);
        });
    }

    [Fact]
    public void Single_site_and_ha_get_the_regional_network_only()
    {
        foreach (var yaml in new[] { TestConfigs.SingleSite, TestConfigs.Ha })
        {
            var program = TestConfigs.Synth(yaml);
            Assert.NotEmpty(program.OfType("aws:ec2/vpc:Vpc"));
            Assert.DoesNotContain(program.Resources, r => r.Type.StartsWith("aws:ec2transitgateway/", StringComparison.Ordinal));
            Assert.Empty(program.OfType("aws:ec2/vpnConnection:VpnConnection"));
            Assert.Empty(program.OfType("aws:ec2/instance:Instance"));
        }
    }
}
