using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Network;
using HarborHa.Planning;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Network;

public class RegionalNetworkTests
{
    private static (PulumiProgram Program, RegionalNetwork Network) Build(string name, int slot, NatStrategy nat, int azCount = 3)
    {
        var program = new PulumiProgram("test");
        var region = new RegionConfig { Name = name, Slot = slot, AzCount = azCount, Role = RegionRole.Primary };
        var provider = program.Add($"{name}-aws", Resource.ProviderPrefix + "aws", new MapValue { ["region"] = name }, new ResourceOptions { Version = "7.48.0" });
        return (program, new RegionalNetwork(program, provider.Self, new RegionalNetworkArgs
        {
            Region = name,
            VpcCidr = NetworkPlan.VpcOf(region),
            AvailabilityZones = region.Zones(),
            FlowLogGroupName = StateNames.LogGroup("registry.example.com", name, "vpc-flow-logs"),
            Nat = nat,
        }));
    }

    [Fact]
    public void Vpc_takes_the_planned_cidr_with_dns_support_and_hostnames()
    {
        var (program, _) = Build("eu-central-1", 1, NatStrategy.PerAz);
        var vpc = program.Get("eu-central-1-network-vpc", "aws:ec2/vpc:Vpc");
        Assert.Equal("10.136.0.0/16", vpc.Text("cidrBlock"));
        Assert.True(vpc.FlagOf("enableDnsSupport"));
        Assert.True(vpc.FlagOf("enableDnsHostnames"));
    }

    [Fact]
    public void A_subnet_and_an_associated_route_table_per_tier_and_az_named_by_zone_letter()
    {
        var (program, network) = Build("cn-north-1", 0, NatStrategy.PerAz);
        foreach (var planned in network.Subnets)
        {
            var tier = planned.Tier.ToString().ToLowerInvariant();
            var letter = planned.AvailabilityZone[^1..];
            var subnet = program.Get($"cn-north-1-network-{tier}-{letter}", "aws:ec2/subnet:Subnet");
            Assert.Equal(planned.CidrBlock, subnet.Text("cidrBlock"));
            Assert.Equal(planned.AvailabilityZone, subnet.Text("availabilityZone"));
            Assert.Equal("cn-north-1-network-vpc", subnet.RefOf("vpcId").Target);
            Assert.False(subnet.FlagOf("mapPublicIpOnLaunch"));
            var association = program.Get($"cn-north-1-network-{tier}-rta-{letter}", "aws:ec2/routeTableAssociation:RouteTableAssociation");
            Assert.Equal(subnet.Name, association.RefOf("subnetId").Target);
            Assert.Equal($"cn-north-1-network-{tier}-rt-{letter}", association.RefOf("routeTableId").Target);
        }

        Assert.Equal(["cn-north-1a", "cn-north-1b", "cn-north-1d"], network.AvailabilityZones);
    }

    [Fact]
    public void Load_balancer_subnet_tags_follow_the_exposure_and_default_to_internal_only()
    {
        var (program, _) = Build("eu-central-1", 1, NatStrategy.PerAz);
        // Internal by default: a LoadBalancer Service cannot become internet-facing by accident.
        Assert.Null(program.Get("eu-central-1-network-public-a").MapOf("tags").TextIn("kubernetes.io/role/elb"));
        var publicProgram = new PulumiProgram("test");
        _ = new RegionalNetwork(publicProgram, new AwsProviderRegistry(publicProgram).For("eu-central-1"), new RegionalNetworkArgs
        {
            Region = "eu-central-1",
            VpcCidr = "10.136.0.0/16",
            AvailabilityZones = ["eu-central-1a", "eu-central-1b", "eu-central-1c"],
            FlowLogGroupName = "/test/flow-logs",
            LoadBalancerSubnets = LoadBalancerSubnets.InternalAndPublic,
        });
        Assert.Equal("1", publicProgram.Get("eu-central-1-network-public-a").MapOf("tags").TextIn("kubernetes.io/role/elb"));
        Assert.Equal("1", program.Get("eu-central-1-network-private-a").MapOf("tags").TextIn("kubernetes.io/role/internal-elb"));
        Assert.Null(program.Get("eu-central-1-network-data-a").MapOf("tags").TextIn("kubernetes.io/role/internal-elb"));
    }

    [Fact]
    public void Nat_per_az_keeps_each_azs_egress_in_that_az()
    {
        var (program, network) = Build("eu-central-1", 1, NatStrategy.PerAz);
        Assert.Equal(3, program.OfType("aws:ec2/natGateway:NatGateway").Count);
        foreach (var zone in network.AvailabilityZones)
        {
            var l = zone[^1..];
            var route = program.RoutesOf($"eu-central-1-network-private-rt-{l}")["0.0.0.0/0"];
            Assert.Equal(("natGatewayId", new Ref($"eu-central-1-network-nat-{l}", "id")), route.TargetOf());
            var nat = program.Get($"eu-central-1-network-nat-{l}");
            Assert.Equal($"eu-central-1-network-public-{l}", nat.RefOf("subnetId").Target);
            Assert.Equal($"eu-central-1-network-nat-eip-{l}", nat.RefOf("allocationId").Target);
        }
    }

    [Fact]
    public void Single_nat_serves_every_az_from_the_first()
    {
        var (program, network) = Build("ap-southeast-1", 0, NatStrategy.Single, azCount: 2);
        Assert.Single(program.OfType("aws:ec2/natGateway:NatGateway"));
        Assert.Equal(["ap-southeast-1a"], network.NatGatewayZones);
        Assert.All(network.AvailabilityZones, zone =>
            Assert.Equal("ap-southeast-1-network-nat-a", program.RoutesOf($"ap-southeast-1-network-private-rt-{zone[^1..]}")["0.0.0.0/0"].TargetOf().Target.Target));
    }

    [Fact]
    public void Public_subnets_route_to_the_internet_gateway_and_data_subnets_nowhere()
    {
        var (program, network) = Build("eu-central-1", 1, NatStrategy.PerAz);
        foreach (var zone in network.AvailabilityZones)
        {
            var l = zone[^1..];
            Assert.Equal(("gatewayId", new Ref("eu-central-1-network-igw", "id")), program.RoutesOf($"eu-central-1-network-public-rt-{l}")["0.0.0.0/0"].TargetOf());
            Assert.Empty(program.RoutesOf($"eu-central-1-network-data-rt-{l}"));
            Assert.Empty(program.RoutesOf($"eu-central-1-network-transit-rt-{l}"));
        }
    }

    [Theory]
    [InlineData("eu-central-1", 1, "com.amazonaws.eu-central-1.s3")]
    // The S3 gateway endpoint keeps com.amazonaws in China; only some interface endpoints use cn.com.amazonaws.
    [InlineData("cn-north-1", 0, "com.amazonaws.cn-north-1.s3")]
    [InlineData("cn-northwest-1", 1, "com.amazonaws.cn-northwest-1.s3")]
    public void S3_gateway_endpoint_serves_private_and_data_route_tables(string region, int slot, string service)
    {
        var (program, network) = Build(region, slot, NatStrategy.PerAz);
        var endpoint = program.Get($"{region}-network-s3-endpoint", "aws:ec2/vpcEndpoint:VpcEndpoint");
        Assert.Equal(service, endpoint.Text("serviceName"));
        Assert.Equal("Gateway", endpoint.Text("vpcEndpointType"));
        var tables = Assert.IsType<ListValue>(endpoint.Properties["routeTableIds"]).Items.Cast<Ref>().Select(r => r.Target).ToHashSet();
        var expected = network.AvailabilityZones.SelectMany(z => new[] { $"{region}-network-private-rt-{z[^1..]}", $"{region}-network-data-rt-{z[^1..]}" }).ToHashSet();
        Assert.Equal(expected, tables);
    }

    [Theory]
    [InlineData("eu-central-1", 1)]
    [InlineData("cn-north-1", 0)]
    public void Flow_logs_go_to_cloudwatch_through_a_role_only_this_accounts_flow_logs_can_assume(string region, int slot)
    {
        var (program, _) = Build(region, slot, NatStrategy.PerAz);
        var log = program.Get($"{region}-network-flow-log", "aws:ec2/flowLog:FlowLog");
        Assert.Equal("ALL", log.Text("trafficType"));
        Assert.Equal("cloud-watch-logs", log.Text("logDestinationType"));
        Assert.Equal($"{region}-network-flow-logs", log.RefOf("logDestination").Target);
        Assert.Equal($"{region}-network-flow-logs-role", log.RefOf("iamRoleArn").Target);
        Assert.Equal($"{region}-network-vpc", log.RefOf("vpcId").Target);

        var trust = Assert.IsType<ToJson>(program.Get($"{region}-network-flow-logs-role").Properties["assumeRolePolicy"]).Inner;
        var statement = (MapValue)((ListValue)((MapValue)trust)["Statement"]).Items[0];
        // The same principal in both partitions (AWS China docs, IAM role for flow logs).
        Assert.Equal("vpc-flow-logs.amazonaws.com", ((MapValue)statement["Principal"]).TextIn("Service"));
        var account = Assert.IsType<Invoke>(((MapValue)((MapValue)statement["Condition"])["StringEquals"])["aws:SourceAccount"]);
        Assert.Equal("aws:index/getCallerIdentity:getCallerIdentity", account.Function);
        Assert.Equal($"{region}-aws", account.Provider.Target);
    }

    [Fact]
    public void Every_resource_names_the_regions_provider()
    {
        var (program, _) = Build("cn-northwest-1", 1, NatStrategy.PerAz);
        Assert.All(program.Resources.Where(r => !r.IsProvider), r => Assert.Equal("cn-northwest-1-aws", r.ProviderOf()));
        Assert.Empty(ProgramValidator.Validate(program));
    }

    [Fact]
    public void Flow_log_group_names_carry_the_domain_so_stacks_sharing_an_account_do_not_collide()
    {
        var dev = TestConfigs.Synth(TestConfigs.SingleSite).Get("ap-southeast-1-network-flow-logs");
        var other = TestConfigs.Synth(TestConfigs.SingleSite.Replace("registry.example.com", "registry.dev.example.com", StringComparison.Ordinal))
            .Get("ap-southeast-1-network-flow-logs");
        Assert.Equal("/harbor-ha/registry-example-com/ap-southeast-1/vpc-flow-logs", dev.Text("name"));
        Assert.NotEqual(dev.Text("name"), other.Text("name"));
    }
}
