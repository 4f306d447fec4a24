using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Distribution;
using HarborHa.Dns;
using HarborHa.Model;
using HarborHa.Stacks;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

public class DnsTests
{
    private static GeoProgram TwoSides => GeoPrograms.Of(GeoConfigs.TwoSides);

    /// <summary>Public names in the registry tier's zone (acm-dns) and in a zone of the distribution's own (self-signed).</summary>
    public static TheoryData<string> PublicConfigs => new()
    {
        GeoConfigs.TwoSidesPublic,
        GeoConfigs.TwoSidesPublic + "\n  harbor-ha:certificate:\n    mode: self-signed",
    };

    [Fact]
    public void Each_side_has_one_private_zone_named_by_side_with_every_vpc_of_that_side_only()
    {
        var program = TwoSides.Program;
        // The public zone (global-dns-zone) belongs to the registry tier; the private ones are these.
        var zones = program.OfType("aws:route53/zone:Zone").Where(z => z.Properties.ContainsKey("vpcs")).ToArray();
        Assert.Equal(["global-china-dns-private-zone", "global-overseas-dns-private-zone"], zones.Select(z => z.Name).Order(StringComparer.Ordinal));
        Assert.All(zones, z => Assert.Equal("registry.example.com", z.Text("name")));
        // Managed through the partition's Route 53 home region, not the hub: moving a hub keeps the provider.
        Assert.Equal(program.AwsProvider("cn-northwest-1").Self, program.Get("global-china-dns-private-zone").Options.Provider);
        Assert.Equal(program.AwsProvider("us-east-1").Self, program.Get("global-overseas-dns-private-zone").Options.Provider);
        Assert.Empty(program.OfType("aws:route53/zoneAssociation:ZoneAssociation"));

        var overseas = (ListValue)program.Get("global-overseas-dns-private-zone").Properties["vpcs"];
        Assert.Equal(["ap-southeast-1", "eu-central-1"], overseas.Items.Select(v => ((Text)((MapValue)v)["vpcRegion"]).Value));
        Assert.Equal(program.Vpc("eu-central-1").Id, ((MapValue)overseas.Items[1])["vpcId"]);
    }

    [Fact]
    public void Every_region_has_a_private_regional_name_and_a_latency_entry_for_the_global_name_on_its_internal_balancer()
    {
        var program = TwoSides.Program;
        foreach (var region in TwoSides.Config.Regions.Select(r => r.Name))
        {
            var record = program.Get($"{region}-dns-private-record");
            Assert.Equal($"{region}.registry.example.com", record.Text("name"));
            var alias = (MapValue)Assert.Single(Assert.IsType<ListValue>(record.Prop("aliases")).Items);
            var balancer = program.LoadBalancer(region, @internal: true);
            Assert.Equal(balancer.Out("dnsName"), alias["name"]);
            Assert.Equal(balancer.Out("zoneId"), alias["zoneId"]);

            var global = program.Get($"{region}-dns-private-global");
            Assert.Equal("registry.example.com", global.Text("name"));
            Assert.Equal(region, global.Text("setIdentifier"));
        }
    }

    [Fact]
    public void Hubs_answer_for_their_side_and_forwarders_send_each_remote_name_to_the_other_hub()
    {
        var program = TwoSides.Program;
        var endpoints = program.OfType("aws:route53/resolverEndpoint:ResolverEndpoint");
        Assert.Equal(["ap-southeast-1-dns-resolver-inbound", "cn-north-1-dns-resolver-inbound"],
            endpoints.Where(e => e.Text("direction") == "INBOUND").Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["ap-southeast-1-dns-resolver-outbound", "cn-north-1-dns-resolver-outbound"],
            endpoints.Where(e => e.Text("direction") == "OUTBOUND").Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.All(endpoints, e => Assert.Equal(2, Assert.IsType<ListValue>(e.Prop("ipAddresses")).Items.Count));

        var rules = program.OfType("aws:route53/resolverRule:ResolverRule");
        Assert.Equal(
            ["ap-southeast-1-dns-resolver-forward-cn-north-1", "ap-southeast-1-dns-resolver-forward-cn-northwest-1",
             "cn-north-1-dns-resolver-forward-ap-southeast-1", "cn-north-1-dns-resolver-forward-eu-central-1"],
            rules.Select(r => r.Name).Order(StringComparer.Ordinal));
        var toChina = program.Get("ap-southeast-1-dns-resolver-forward-cn-northwest-1");
        Assert.Equal("cn-northwest-1.registry.example.com", toChina.Text("domainName"));
        Assert.Equal("FORWARD", toChina.Text("ruleType"));
        var targets = Assert.IsType<ListValue>(toChina.Prop("targetIps")).Items.Cast<MapValue>().ToArray();
        Assert.All(targets, t => Assert.Equal("cn-north-1-dns-resolver-inbound", Assert.IsType<Ref>(t["ip"]).Target));
        Assert.Equal(["ipAddresses[0].ip", "ipAddresses[1].ip"], targets.Select(t => ((Ref)t["ip"]).Path));

        foreach (var rule in rules)
        {
            var association = program.Get(rule.Name + "-vpc");
            Assert.Equal(rule.Id, association.Prop("resolverRuleId"));
            Assert.Equal(rule.Options.Provider, association.Options.Provider);
        }
    }

    [Fact]
    public void Resolver_endpoints_in_a_hub_accept_DNS_from_the_other_side_only()
    {
        var program = TwoSides.Program;
        var sg = program.Get("cn-north-1-dns-resolver-sg");
        var ingress = program.OfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
            .Where(r => r.Prop("securityGroupId") == sg.Id).ToArray();

        Assert.Equal(["tcp", "udp"], ingress.Select(r => r.Text("ipProtocol")).Order(StringComparer.Ordinal));
        Assert.All(ingress, r => Assert.Equal("10.128.0.0/9", r.Text("cidrIpv4")));
        Assert.All(ingress, r => Assert.Equal(new Number(53), r.Prop("fromPort")));
    }

    [Fact]
    public void Forwarders_are_the_hubs_and_the_primary_and_none_when_the_stack_has_one_side()
    {
        var spokePrimary = TestConfigs.Parse("""
            config:
              harbor-ha:topology: geo
              harbor-ha:domain: registry.example.com
              harbor-ha:chinaImageMirror: mirror.example.cn/harbor
              harbor-ha:regions:
                - name: cn-north-1
                  slot: 0
                - name: ap-southeast-1
                  slot: 0
                  hub: true
                - name: us-west-2
                  slot: 3
                  role: primary
            """);
        Assert.Equal(["ap-southeast-1", "cn-north-1", "us-west-2"], Synthesizer.Build(spokePrimary).OfType("aws:route53/resolverEndpoint:ResolverEndpoint")
            .Where(e => e.Text("direction") == "OUTBOUND").Select(e => e.Name[..e.Name.IndexOf("-dns-", StringComparison.Ordinal)]).Order(StringComparer.Ordinal));

        var overseas = GeoPrograms.Of(GeoConfigs.OverseasPublic).Program;
        Assert.Empty(overseas.OfType("aws:route53/resolverEndpoint:ResolverEndpoint"));
        Assert.Single(overseas.OfType("aws:route53/zone:Zone"), z => z.Name.EndsWith("private-zone", StringComparison.Ordinal));
    }

    [Fact]
    public void Internal_exposure_declares_no_public_name()
    {
        Assert.Empty(TwoSides.Program.OfType("aws:route53/healthCheck:HealthCheck"));
        Assert.DoesNotContain(TwoSides.Program.Resources, r => r.Name.Contains("dns-public", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PublicConfigs))]
    public void Public_names_alias_overseas_balancers_and_point_china_regions_by_CNAME_once_each_with_health_checks_overseas(string yaml)
    {
        var geo = GeoPrograms.Of(yaml);
        var program = geo.Program;
        var publicZones = program.OfType("aws:route53/zone:Zone").Where(z => !z.Properties.ContainsKey("vpcs")).Select(z => z.Name).ToHashSet(StringComparer.Ordinal);
        var publicRecords = program.OfType("aws:route53/record:Record")
            .Where(r => r.Prop("zoneId") is Ref z && publicZones.Contains(z.Target))
            .ToArray();

        foreach (var region in geo.Config.Regions)
        {
            // Whichever tier declares it, a regional name exists once: two records of one name clash at deploy time.
            var record = Assert.Single(publicRecords, r => r.Text("name") == $"{region.Name}.registry.example.com");
            var balancer = program.LoadBalancer(region.Name, @internal: false);
            if (region.Side == Side.Overseas)
            {
                Assert.Equal("A", record.Text("type"));
                Assert.Equal(balancer.Out("dnsName"), ((MapValue)Assert.Single(Assert.IsType<ListValue>(record.Prop("aliases")).Items))["name"]);
            }
            else
            {
                // Route 53 aliases cannot point into the other partition.
                Assert.Equal("CNAME", record.Text("type"));
                Assert.Equal(balancer.Out("dnsName"), Assert.Single(Assert.IsType<ListValue>(record.Prop("records")).Items));
            }
        }

        var checks = program.OfType("aws:route53/healthCheck:HealthCheck");
        Assert.Equal(["ap-southeast-1-dns-public-health", "us-west-2-dns-public-health"], checks.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(checks, c => Assert.Equal("/api/v2.0/ping", c.Text("resourcePath")));
        Assert.All(checks, c => Assert.Equal("HTTPS", c.Text("type")));

        // The zone is the domain itself: the global name is its apex, where no CNAME may sit.
        Assert.Equal("registry.example.com", program.Get("ap-southeast-1-dns-public-latency").Text("name"));
        Assert.False(program.Contains("global-dns-public-global-cn"));
    }

    /// <summary>
    /// <see cref="PublicDns"/> as a component, under a zone that no config produces today (a parent of
    /// the domain, given by an integrator), on the real regions and load balancers of a geo program.
    /// </summary>
    [Fact]
    public void Under_a_parent_zone_china_gets_the_global_name_through_a_geolocation_CNAME()
    {
        var program = new PulumiProgram("harbor-ha");
        var zone = ParentZone("example.com", Partition.Aws);
        _ = new PublicDns(program, "registry.example.com", DnsRegionsOf(GeoPrograms.Of(GeoConfigs.TwoSidesPublic)), zone, regionalRecords: false);

        Assert.False(program.Contains("global-dns-public-zone"));
        var cn = program.Get("global-dns-public-global-cn");
        Assert.Equal("registry.example.com", cn.Text("name"));
        Assert.Equal("CNAME", cn.Text("type"));
        Assert.Equal(new Text("CN"), ((MapValue)Assert.Single(Assert.IsType<ListValue>(cn.Prop("geolocationRoutingPolicies")).Items))["country"]);
        Assert.Equal(new Text("cn-north-1.registry.example.com"), Assert.Single(Assert.IsType<ListValue>(cn.Prop("records")).Items));

        var fallback = program.Get("global-dns-public-global-default");
        Assert.Equal(new Text("*"), ((MapValue)Assert.Single(Assert.IsType<ListValue>(fallback.Prop("geolocationRoutingPolicies")).Items))["country"]);
        Assert.Equal(new Text("latency.registry.example.com"), Assert.Single(Assert.IsType<ListValue>(fallback.Prop("records")).Items));
        var latency = program.Get("us-west-2-dns-public-latency");
        Assert.Equal("latency.registry.example.com", latency.Text("name"));
        Assert.Equal(new Ref("us-west-2-dns-public-health", "id"), latency.Prop("healthCheckId"));
        Assert.All(program.OfType("aws:route53/record:Record"), r => Assert.Equal(zone.ZoneId, r.Prop("zoneId")));
    }

    [Fact]
    public void A_public_zone_that_cannot_hold_the_names_is_refused()
    {
        var regions = DnsRegionsOf(GeoPrograms.Of(GeoConfigs.TwoSidesPublic));

        Assert.Throws<ProgramException>(() => new PublicDns(new PulumiProgram("harbor-ha"), "registry.example.com", regions, ParentZone("registry.example.com", Partition.AwsCn)));
        Assert.Throws<ProgramException>(() => new PublicDns(new PulumiProgram("harbor-ha"), "registry.example.com", regions, ParentZone("other.org", Partition.Aws)));
    }

    /// <summary>A zone declared in a scratch program: the component only needs its id, name and partition.</summary>
    private static PublicZone ParentZone(string domain, Partition partition)
    {
        var scratch = new PulumiProgram("zone");
        return new PublicZone(scratch, new AwsProviderRegistry(scratch), new PublicZoneArgs { Domain = domain, Partition = partition });
    }

    /// <summary>The regions of a real geo program as <see cref="PublicDns"/> takes them: references to its real VPCs and load balancers.</summary>
    private static IReadOnlyList<DnsRegion> DnsRegionsOf(GeoProgram geo)
    {
        static LoadBalancerEndpoint Endpoint(Resource lb) => new(lb.Out("dnsName"), lb.Out("zoneId"));
        var program = geo.Program;
        return geo.Config.Regions.Select(r => new DnsRegion
        {
            Region = r.Name,
            IsHub = r.IsHub,
            IsPrimary = r.IsPrimary,
            AwsProvider = program.AwsProvider(r.Name).Self,
            VpcId = program.Vpc(r.Name).Id,
            ResolverSubnetIds = program.OfType("aws:ec2/subnet:Subnet")
                .Where(s => s.Options.Provider == program.AwsProvider(r.Name).Self && s.Name.Contains("-network-private-", StringComparison.Ordinal))
                .Select(s => s.Id).ToArray(),
            InternalLoadBalancer = Endpoint(program.LoadBalancer(r.Name, @internal: true)),
            PublicLoadBalancer = Endpoint(program.LoadBalancer(r.Name, @internal: false)),
        }).ToArray();
    }
}
