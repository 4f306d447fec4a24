using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Network;
using HarborHa.Planning;
using HarborHa.Stacks;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Network;

public class CrossPartitionLinkTests
{
    private static readonly StackConfig Config = TestConfigs.LoadCommitted("prod");
    private static readonly PulumiProgram Program = Synthesizer.Build(Config);
    private static readonly string[] Letters = ["a", "b", "d"]; // every AZ of the Beijing hub

    [Fact]
    public void One_appliance_in_each_az_of_the_china_hubs_public_subnets()
    {
        var instances = Program.OfType("aws:ec2/instance:Instance");
        Assert.Equal(["cn-north-1-vpn-appliance-a", "cn-north-1-vpn-appliance-b", "cn-north-1-vpn-appliance-d"], instances.Select(i => i.Name));
        foreach (var l in Letters)
        {
            var eni = Program.Get($"cn-north-1-vpn-appliance-{l}-eni", "aws:ec2/networkInterface:NetworkInterface");
            Assert.Equal($"cn-north-1-network-public-{l}", eni.RefOf("subnetId").Target);
            // A router forwards packets addressed to others.
            Assert.False(eni.FlagOf("sourceDestCheck"));
            Assert.Equal(new Ref($"cn-north-1-vpn-appliance-{l}-sg", "id"), Assert.Single(Assert.IsType<ListValue>(eni.Properties["securityGroups"]).Items));
            var eip = Program.Get($"cn-north-1-vpn-appliance-{l}-eip", "aws:ec2/eip:Eip");
            Assert.Equal(eni.Name, eip.RefOf("networkInterface").Target);
            Assert.Contains(new Ref("cn-north-1-network-igw"), eip.Options.DependsOn);
        }
    }

    [Fact]
    public void Appliances_require_imdsv2_boot_the_pinned_image_and_keep_their_interface()
    {
        foreach (var l in Letters)
        {
            var instance = Program.Get($"cn-north-1-vpn-appliance-{l}", "aws:ec2/instance:Instance");
            Assert.Equal("cn-north-1-aws", instance.ProviderOf());
            Assert.Equal("required", instance.MapOf("metadataOptions").TextIn("httpTokens"));
            Assert.Equal(Config.Vpn.ApplianceInstanceType, instance.Text("instanceType"));
            Assert.Equal(new Ref($"cn-north-1-vpn-appliance-{l}-eni", "id"), instance.MapOf("primaryNetworkInterface")["networkInterfaceId"]);
            Assert.True(((Flag)instance.MapOf("rootBlockDevice")["encrypted"]).Value);
            // The image pinned in config (harbor-ha:vpn.applianceAmis); without it, Canonical's newest is looked up.
            Assert.Equal((Value)Config.Vpn.ApplianceAmis["cn-north-1"], instance.Properties["ami"]);
            var ami = ApplianceImage.Lookup(new Ref("cn-north-1-aws"), HarborHa.Common.Partition.AwsCn, Config.Vpn.ApplianceInstanceType);
            Assert.Equal("aws:ec2/getAmi:getAmi", ami.Function);
            Assert.Equal(new Text(ApplianceImage.CanonicalChina), Assert.Single(((ListValue)ami.Arguments["owners"]).Items));
            Assert.Contains("ami", instance.Options.IgnoreChanges);
            Assert.True(instance.FlagOf("userDataReplaceOnChange"));
            Assert.Equal($"cn-north-1-vpn-appliance-{l}-profile", instance.RefOf("iamInstanceProfile").Target);
        }
    }

    [Theory]
    [InlineData("c6in.large", "x86_64")]
    [InlineData("c7gn.large", "arm64")]
    [InlineData("t4g.medium", "arm64")]
    [InlineData("m7i-flex.large", "x86_64")]
    [InlineData("g5.xlarge", "x86_64")]
    public void Image_architecture_follows_the_instance_type(string type, string architecture) =>
        Assert.Equal(architecture, ApplianceImage.ArchitectureOf(type));

    [Fact]
    public void A_customer_gateway_and_a_bgp_vpn_connection_per_appliance_on_the_overseas_hub()
    {
        foreach (var appliance in VpnPlan.AppliancesOf(Config.HubOf(Side.China)!.Zones()))
        {
            var l = appliance.Letter;
            var cgw = Program.Get($"ap-southeast-1-vpn-cn-north-1-{l}-customer-gateway", "aws:ec2/customerGateway:CustomerGateway");
            Assert.Equal("ap-southeast-1-aws", cgw.ProviderOf());
            Assert.Equal("ipsec.1", cgw.Text("type"));
            Assert.Equal(Config.Vpn.ApplianceAsn.ToString(System.Globalization.CultureInfo.InvariantCulture), cgw.Text("bgpAsn"));
            Assert.Equal(new Ref($"cn-north-1-vpn-appliance-{l}-eip", "publicIp"), cgw.Properties["ipAddress"]);

            var vpn = Program.Get($"ap-southeast-1-vpn-cn-north-1-{l}-connection", "aws:ec2/vpnConnection:VpnConnection");
            Assert.Equal("ap-southeast-1-aws", vpn.ProviderOf());
            Assert.Equal(cgw.Name, vpn.RefOf("customerGatewayId").Target);
            Assert.Equal("ap-southeast-1-transit-gateway", vpn.RefOf("transitGatewayId").Target);
            Assert.False(vpn.FlagOf("staticRoutesOnly"));
            foreach (var tunnel in appliance.Tunnels)
            {
                var t = $"tunnel{tunnel.Number}";
                Assert.Equal(tunnel.InsideCidr, vpn.Text($"{t}InsideCidr"));
                Assert.Equal("start", vpn.Text($"{t}StartupAction"));
                var psk = Assert.IsType<Secret>(vpn.Properties[$"{t}PresharedKey"]);
                Assert.Equal(new Ref($"cn-north-1-vpn-appliance-{l}-{t}-psk", "result"), psk.Inner);
                Assert.Equal("ap-southeast-1-vpn-logs", ((Ref)((MapValue)vpn.MapOf($"{t}LogOptions")["cloudwatchLogOptions"])["logGroupArn"]).Target);
            }

            Assert.Contains("tunnel1PresharedKey", vpn.Options.AdditionalSecretOutputs);
            var attachment = new Ref(vpn.Name, "transitGatewayAttachmentId");
            Assert.Equal(attachment, Program.Get($"ap-southeast-1-transit-vpn-cn-north-1-{l}-association").Properties["transitGatewayAttachmentId"]);
            Assert.Equal(attachment, Program.Get($"ap-southeast-1-transit-vpn-cn-north-1-{l}-propagation").Properties["transitGatewayAttachmentId"]);
        }

        // ECMP over the four tunnels needs equal BGP paths: both customer gateways share one ASN.
        Assert.Single(Program.OfType("aws:ec2/customerGateway:CustomerGateway").Select(c => c.Text("bgpAsn")).Distinct());
        Assert.Equal("enable", Program.Get("ap-southeast-1-transit-gateway").Text("vpnEcmpSupport"));
    }

    [Fact]
    public void Pre_shared_keys_meet_aws_rules_and_reach_the_appliance_only_through_ssm()
    {
        foreach (var psk in Program.OfType("random:index/randomPassword:RandomPassword").Where(r => r.Name.Contains("-vpn-", StringComparison.Ordinal)))
        {
            Assert.Equal("global-random", psk.ProviderOf());
            var length = psk.NumberOf("length");
            Assert.InRange(length, 8, 64);
            // Letters only: no character AWS refuses, and never a leading zero.
            Assert.False(psk.FlagOf("special"));
            Assert.False(psk.FlagOf("numeric"));
        }

        foreach (var l in Letters)
        {
            var parameter = Program.Get($"cn-north-1-vpn-appliance-{l}-psk", "aws:ssm/parameter:Parameter");
            Assert.Equal("SecureString", parameter.Text("type"));
            var value = Assert.IsType<ToJson>(Assert.IsType<Secret>(parameter.Properties["value"]).Inner);
            Assert.Equal(new Ref($"cn-north-1-vpn-appliance-{l}-tunnel1-psk", "result"), ((MapValue)value.Inner)["tunnel1"]);

            var instance = Program.Get($"cn-north-1-vpn-appliance-{l}");
            var userData = Assert.IsType<Interpolation>(instance.Properties["userData"]);
            Assert.DoesNotContain(userData.Parts.OfType<Ref>(), r => r.Target.EndsWith("-psk", StringComparison.Ordinal) && r.Path == "result");
            Assert.Contains(new Ref(parameter.Name, "name"), userData.Parts);

            var policy = Assert.IsType<ToJson>(Program.Get($"cn-north-1-vpn-appliance-{l}-policy").Properties["policy"]).Inner;
            var statements = ((ListValue)((MapValue)policy)["Statement"]).Items.Cast<MapValue>().ToArray();
            var own = statements.Single(s => s["Sid"] == (Value)"OwnTunnelKeys");
            Assert.Equal(new Text("ssm:GetParameter"), own["Action"]);
            Assert.Equal(new Ref(parameter.Name, "arn"), own["Resource"]);
            // Session Manager's channel permissions only: no ssm:GetParameter(s) on every parameter, no managed policy.
            var channels = statements.Single(s => s["Sid"] == (Value)"SessionManagerChannels");
            Assert.All(((ListValue)channels["Action"]).Items.Cast<Text>(), a => Assert.True(a.Value.StartsWith("ssmmessages:", StringComparison.Ordinal) || a.Value == "ssm:UpdateInstanceInformation"));
            Assert.False(Program.Contains($"cn-north-1-vpn-appliance-{l}-ssm"));
        }
    }

    [Fact]
    public void Appliance_firewall_admits_ike_and_nat_t_only_from_its_own_tunnel_endpoints()
    {
        foreach (var l in Letters)
        {
            var rules = Program.OfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
                .Where(r => r.RefOf("securityGroupId").Target == $"cn-north-1-vpn-appliance-{l}-sg")
                .ToArray();
            var udp = rules.Where(r => r.Text("ipProtocol") == "udp").ToArray();
            Assert.Equal(4, udp.Length);
            foreach (var rule in udp)
            {
                Assert.Contains(rule.NumberOf("fromPort"), new long[] { 500, 4500 });
                Assert.Equal(rule.NumberOf("fromPort"), rule.NumberOf("toPort"));
                var cidr = Assert.IsType<Interpolation>(rule.Properties["cidrIpv4"]);
                var outside = Assert.IsType<Ref>(cidr.Parts[0]);
                Assert.Equal($"ap-southeast-1-vpn-cn-north-1-{l}-connection", outside.Target);
                Assert.Matches("^tunnel[12]Address$", outside.Path!);
                Assert.Equal(new Text("/32"), cidr.Parts[1]);
            }

            // Everything else it admits is China-side traffic to forward, never the internet.
            var rest = Assert.Single(rules.Except(udp));
            Assert.Equal(NetworkPlan.ChinaSupernet, rest.Text("cidrIpv4"));
            Assert.DoesNotContain(rules, r => r.Text("cidrIpv4") == "0.0.0.0/0");
        }
    }

    [Fact]
    public void China_hub_sends_the_overseas_supernet_to_the_appliance_of_each_az()
    {
        var hub = Config.HubOf(Side.China)!;
        foreach (var zone in Regions.AvailabilityZones(hub.Name, hub.AzCount))
        {
            var appliance = VpnPlan.ServingZone(hub.Zones(), zone);
            foreach (var tier in new[] { "public", "private", "transit" })
            {
                var route = Program.RoutesOf($"cn-north-1-network-{tier}-rt-{zone[^1..]}")[NetworkPlan.OverseasSupernet];
                Assert.Equal(("networkInterfaceId", new Ref($"cn-north-1-vpn-appliance-{appliance.Letter}-eni", "id")), route.TargetOf());
            }

            Assert.DoesNotContain(NetworkPlan.OverseasSupernet, Program.RoutesOf($"cn-north-1-network-data-rt-{zone[^1..]}").Keys);
        }

        var tgwRoute = Program.Get("cn-north-1-transit-route-overseas", "aws:ec2transitgateway/route:Route");
        Assert.Equal(NetworkPlan.OverseasSupernet, tgwRoute.Text("destinationCidrBlock"));
        Assert.Equal(new Ref("cn-north-1-transit-vpc-attachment", "id"), tgwRoute.Properties["transitGatewayAttachmentId"]);
    }

    [Fact]
    public void No_link_without_both_sides()
    {
        var program = TestConfigs.Synth("""
            config:
              harbor-ha:topology: geo
              harbor-ha:domain: registry.example.com
              harbor-ha:chinaImageMirror: mirror.example.cn/harbor
              harbor-ha:regions:
                - { name: cn-north-1, slot: 0, role: primary }
                - { name: cn-northwest-1, slot: 1 }
            """);
        Assert.Empty(program.OfType("aws:ec2/instance:Instance"));
        Assert.Empty(program.OfType("aws:ec2/vpnConnection:VpnConnection"));
        Assert.Single(program.OfType("aws:ec2transitgateway/peeringAttachment:PeeringAttachment"));
    }

    [Fact]
    public void An_appliance_is_replaced_by_deleting_it_first_and_its_role_trusts_ec2_in_both_china_forms()
    {
        foreach (var l in Letters)
        {
            var instance = Program.Get($"cn-north-1-vpn-appliance-{l}", "aws:ec2/instance:Instance");
            // Its network interface can belong to one instance at a time.
            Assert.True(instance.Options.DeleteBeforeReplace);
        }

        var trust = Program.OfType("aws:iam/role:Role").Where(r => r.Name.StartsWith("cn-north-1-vpn-appliance-", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(trust);
        Assert.All(trust, role =>
        {
            var texts = ValueWalker.Descendants(role.Properties).OfType<Text>().Select(t => t.Value).ToArray();
            Assert.Contains("ec2.amazonaws.com", texts);
            Assert.Contains("ec2.amazonaws.com.cn", texts);
        });
    }
}
