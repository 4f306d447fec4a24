using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Network;
using HarborHa.Planning;
using HarborHa.Stacks;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Network;

/// <summary>Invariants of the network over whole programs: every committed stack and the sample configs.</summary>
public class NetworkTopologyTests
{
    public static TheoryData<string> Stacks()
    {
        var data = new TheoryData<string>();
        foreach (var stack in TestConfigs.CommittedStacks())
        {
            data.Add("stack:" + stack);
        }

        data.Add(nameof(TestConfigs.SingleSite));
        data.Add(nameof(TestConfigs.Ha));
        data.Add(nameof(TestConfigs.Geo));
        return data;
    }

    private static StackConfig Load(string which) => which switch
    {
        nameof(TestConfigs.SingleSite) => TestConfigs.Parse(TestConfigs.SingleSite),
        nameof(TestConfigs.Ha) => TestConfigs.Parse(TestConfigs.Ha),
        nameof(TestConfigs.Geo) => TestConfigs.Parse(TestConfigs.Geo),
        _ => TestConfigs.LoadCommitted(which["stack:".Length..]),
    };

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_subnet_lies_inside_its_vpc_and_every_planned_az_is_used(string which)
    {
        var config = Load(which);
        var program = Synthesizer.Build(config);
        var subnets = program.OfType("aws:ec2/subnet:Subnet");
        foreach (var subnet in subnets)
        {
            var vpc = program.Get(subnet.RefOf("vpcId").Target);
            Assert.True(Cidr.Contains(Cidr.Parse(vpc.Text("cidrBlock")!), Cidr.Parse(subnet.Text("cidrBlock")!)), $"{subnet.Name} is outside {vpc.Name}");
        }

        foreach (var region in config.Regions)
        {
            var zones = Regions.AvailabilityZones(region.Name, region.AzCount);
            foreach (var tier in Enum.GetValues<SubnetTier>())
            {
                var used = subnets.Where(s => s.ProviderOf() == $"{region.Name}-aws" && s.Name.Contains($"-network-{tier.ToString().ToLowerInvariant()}-", StringComparison.Ordinal))
                    .Select(s => s.Text("availabilityZone")).Order(StringComparer.Ordinal);
                Assert.Equal(zones.Order(StringComparer.Ordinal), used);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Data_subnets_have_no_route_to_the_internet_or_to_other_regions(string which)
    {
        var program = Synthesizer.Build(Load(which));
        var dataTables = program.OfType("aws:ec2/routeTable:RouteTable").Where(t => t.Name.Contains("-network-data-rt-", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(dataTables);
        Assert.All(dataTables, t => Assert.Empty(program.RoutesOf(t.Name)));
        // Nor through the subnet itself: no public addresses.
        Assert.All(program.OfType("aws:ec2/subnet:Subnet"), s => Assert.False(s.FlagOf("mapPublicIpOnLaunch")));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_aws_resource_is_bound_to_its_regions_provider(string which)
    {
        var program = Synthesizer.Build(Load(which));
        Assert.All(program.Resources.Where(r => r.Package == "aws" && !r.IsProvider), r =>
        {
            Assert.NotNull(r.Options.Provider);
            Assert.True(program.Get(r.Options.Provider!.Target).IsProvider);
        });
    }

    [Fact]
    public void In_geo_every_region_routes_both_supernets_from_public_and_private_subnets()
    {
        var config = TestConfigs.LoadCommitted("prod");
        var program = Synthesizer.Build(config);
        foreach (var region in config.Regions)
        {
            foreach (var zone in Regions.AvailabilityZones(region.Name, region.AzCount))
            {
                foreach (var tier in new[] { "public", "private" })
                {
                    var routes = program.RoutesOf($"{region.Name}-network-{tier}-rt-{zone[^1..]}");
                    Assert.True(routes.ContainsKey(NetworkPlan.OverseasSupernet), $"{region.Name} {tier} {zone}: no route to the overseas /9");
                    Assert.True(routes.ContainsKey(NetworkPlan.ChinaSupernet), $"{region.Name} {tier} {zone}: no route to the China /9");
                    var expected = region is { IsHub: true, Side: Side.China } ? "networkInterfaceId" : "transitGatewayId";
                    Assert.Equal(expected, routes[NetworkPlan.OverseasSupernet].TargetOf().Property);
                    Assert.Equal("transitGatewayId", routes[NetworkPlan.ChinaSupernet].TargetOf().Property);
                }
            }
        }
    }

    [Fact]
    public void In_geo_every_transit_route_table_reaches_both_supernets()
    {
        var config = TestConfigs.LoadCommitted("prod");
        var program = Synthesizer.Build(config);
        var tgwRoutes = program.OfType("aws:ec2transitgateway/route:Route");
        foreach (var region in config.Regions)
        {
            var own = tgwRoutes.Where(r => r.RefOf("transitGatewayRouteTableId").Target == $"{region.Name}-transit-route-table")
                .Select(r => Cidr.Parse(r.Text("destinationCidrBlock")!)).ToList();
            // The VPC's own CIDR arrives by propagation; the overseas hub learns the China /9 by BGP over the VPN.
            own.Add(Cidr.Parse(NetworkPlan.VpcOf(region)));
            if (region is { IsHub: true, Side: Side.Overseas })
            {
                // One VPN connection per AZ of the China hub (cn-north-1: a, b, d).
                Assert.Equal(3, program.OfType("aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation")
                    .Count(p => p.Name.StartsWith($"{region.Name}-transit-vpn-", StringComparison.Ordinal)));
                own.Add(Cidr.Parse(NetworkPlan.ChinaSupernet));
            }

            foreach (var other in config.Regions)
            {
                var vpc = Cidr.Parse(NetworkPlan.VpcOf(other));
                Assert.True(own.Any(r => Cidr.Contains(r, vpc)), $"{region.Name}'s transit route table cannot reach {other.Name}");
            }
        }
    }

    [Fact]
    public void Geo_program_passes_the_graph_validator_and_is_deterministic()
    {
        var config = TestConfigs.LoadCommitted("prod");
        var first = YamlWriter.Write(Synthesizer.Build(config));
        var second = YamlWriter.Write(Synthesizer.Build(TestConfigs.LoadCommitted("prod")));
        Assert.Equal(first, second);
    }
}
