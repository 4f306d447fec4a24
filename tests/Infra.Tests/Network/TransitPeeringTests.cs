using HarborHa.Model;
using HarborHa.Planning;
using HarborHa.Stacks;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Network;

public class TransitPeeringTests
{
    private static readonly string[] Hubs = ["ap-southeast-1", "cn-north-1"];
    private static readonly PulumiProgram Program = Synthesizer.Build(TestConfigs.LoadCommitted("prod"));

    [Theory]
    [InlineData("ap-southeast-1", "eu-central-1", "10.136.0.0/13")]
    [InlineData("ap-southeast-1", "us-east-1", "10.144.0.0/13")]
    [InlineData("cn-north-1", "cn-northwest-1", "10.112.0.0/13")]
    public void Hub_requests_spoke_accepts_in_its_own_provider(string hub, string spoke, string spokeBlock)
    {
        var request = Program.Get($"{hub}-transit-peer-{spoke}", "aws:ec2transitgateway/peeringAttachment:PeeringAttachment");
        Assert.Equal($"{hub}-aws", request.ProviderOf());
        Assert.Equal($"{hub}-transit-gateway", request.RefOf("transitGatewayId").Target);
        Assert.Equal(spoke, request.Text("peerRegion"));
        Assert.Equal(new Ref($"{spoke}-transit-gateway", "id"), request.Properties["peerTransitGatewayId"]);

        var accept = Program.Get($"{spoke}-transit-accept-{hub}", "aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter");
        Assert.Equal($"{spoke}-aws", accept.ProviderOf());
        Assert.Equal(new Ref(request.Name, "id"), accept.Properties["transitGatewayAttachmentId"]);

        // Hub side: associated and routed only after acceptance; the spoke's whole /13 goes over the peering.
        var hubAssociation = Program.Get($"{hub}-transit-peer-{spoke}-association", "aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation");
        Assert.Contains(accept.Self, hubAssociation.Options.DependsOn);
        Assert.Equal($"{hub}-aws", hubAssociation.ProviderOf());
        var hubRoute = Program.Get($"{hub}-transit-route-{spoke}", "aws:ec2transitgateway/route:Route");
        Assert.Equal(spokeBlock, hubRoute.Text("destinationCidrBlock"));
        Assert.Equal(new Ref(request.Name, "id"), hubRoute.Properties["transitGatewayAttachmentId"]);
        Assert.Equal($"{hub}-transit-route-table", hubRoute.RefOf("transitGatewayRouteTableId").Target);
        Assert.Contains(accept.Self, hubRoute.Options.DependsOn);

        // Spoke side: its end associated; both /9s over the peering.
        var spokeAssociation = Program.Get($"{spoke}-transit-accept-{hub}-association", "aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation");
        Assert.Equal(new Ref(accept.Name, "transitGatewayAttachmentId"), spokeAssociation.Properties["transitGatewayAttachmentId"]);
        Assert.Equal($"{spoke}-aws", spokeAssociation.ProviderOf());
        foreach (var (side, cidr) in new[] { ("overseas", NetworkPlan.OverseasSupernet), ("china", NetworkPlan.ChinaSupernet) })
        {
            var route = Program.Get($"{spoke}-transit-route-{side}", "aws:ec2transitgateway/route:Route");
            Assert.Equal(cidr, route.Text("destinationCidrBlock"));
            Assert.Equal(new Ref(accept.Name, "transitGatewayAttachmentId"), route.Properties["transitGatewayAttachmentId"]);
            Assert.Equal($"{spoke}-transit-route-table", route.RefOf("transitGatewayRouteTableId").Target);
        }
    }

    [Fact]
    public void Spokes_never_peer_with_each_other_and_nothing_peers_across_partitions()
    {
        var peerings = Program.OfType("aws:ec2transitgateway/peeringAttachment:PeeringAttachment");
        Assert.Equal(3, peerings.Count);
        Assert.All(peerings, p =>
        {
            var hub = p.ProviderOf()[..^"-aws".Length];
            var peer = p.Text("peerRegion")!;
            Assert.True(HarborHa.Configuration.Regions.CanPeerTransitGateways(hub, peer), $"{hub} cannot peer with {peer}");
            Assert.Contains(hub, Hubs);
        });
    }
}
