using HarborHa.Common;
using HarborHa.Model;
using HarborHa.Network;

namespace HarborHa.Dns;

/// <summary>
/// Private DNS for a geo stack. Per side, a private hosted zone for the domain, named after the side
/// (<c>global-china-dns-private-zone</c>, <c>global-overseas-dns-private-zone</c>) and managed through the partition's
/// Route 53 home region, associated with every VPC of that side (a private zone may be associated with
/// VPCs in other regions of the same account and partition). Nothing about the zone follows the hub
/// role, so moving a hub after losing one only changes its VPC list in place; it holds <c>&lt;region&gt;.&lt;domain&gt;</c> for each of
/// the side's regions and the global <c>&lt;domain&gt;</c> as latency records over them, all aliases of
/// the internal load balancers. Across the border, Route 53 Resolver: an inbound endpoint in each
/// hub, and in each <see cref="DnsForwarding.Forwarders"/> region an outbound endpoint with one
/// forwarding rule per remote regional name, aimed at the other hub's inbound endpoint over the VPN.
/// </summary>
public sealed class PrivateDns
{
    private readonly Dictionary<string, Ref> _records = new(StringComparer.Ordinal);

    /// <summary>Declares the zones, records and resolver endpoints; <paramref name="zoneProviders"/> gives, per partition, the provider of its Route 53 home region (us-east-1, cn-northwest-1), where the side's zone is managed.</summary>
    public PrivateDns(PulumiProgram program, string domain, IReadOnlyList<DnsRegion> regions, IReadOnlyDictionary<Partition, string> sideCidrs, Protection protection,
        Func<Partition, Ref> zoneProviders)
    {
        _protect = protection == Protection.Protected;
        _sideCidrs = sideCidrs;
        var configs = regions;
        foreach (var side in new[] { Partition.AwsCn, Partition.Aws })
        {
            var members = regions.Where(r => r.Partition == side).OrderBy(r => r.Region, StringComparer.Ordinal).ToArray();
            var hub = DnsForwarding.InboundOf(side, configs);
            if (members.Length == 0 || hub is null)
            {
                continue;
            }

            DeclareZone(program, domain, side, zoneProviders(side), members);
        }

        var inbound = new Dictionary<Partition, Resource>();
        var groups = new Dictionary<string, SecurityGroup>(StringComparer.Ordinal);
        var forwarders = DnsForwarding.Forwarders(configs);
        if (forwarders.Count == 0)
        {
            return;
        }

        foreach (var side in new[] { Partition.AwsCn, Partition.Aws })
        {
            var hub = DnsForwarding.InboundOf(side, configs)!;
            inbound[side] = program.Declare(Name(hub, "inbound"), ResourceTypes.Route53ResolverEndpoint, hub.AwsProvider, new MapValue
            {
                ["name"] = Name(hub, "inbound"),
                ["direction"] = "INBOUND",
                ["protocols"] = Value.List("Do53"),
                ["securityGroupIds"] = Value.List(GroupOf(program, hub, groups).Id),
                ["ipAddresses"] = TwoAddresses(hub),
                ["tags"] = ProgramExtensions.NameTag(Name(hub, "inbound")),
            });
        }

        foreach (var forwarder in forwarders)
        {
            var outbound = program.Declare(Name(forwarder, "outbound"), ResourceTypes.Route53ResolverEndpoint, forwarder.AwsProvider, new MapValue
            {
                ["name"] = Name(forwarder, "outbound"),
                ["direction"] = "OUTBOUND",
                ["protocols"] = Value.List("Do53"),
                ["securityGroupIds"] = Value.List(GroupOf(program, forwarder, groups).Id),
                ["ipAddresses"] = TwoAddresses(forwarder),
                ["tags"] = ProgramExtensions.NameTag(Name(forwarder, "outbound")),
            });
            var target = inbound[forwarder.Partition == Partition.AwsCn ? Partition.Aws : Partition.AwsCn];
            foreach (var remote in DnsForwarding.RemoteRegions(forwarder, configs))
            {
                var rule = program.Declare(Name(forwarder, "forward", remote.Region), ResourceTypes.Route53ResolverRule, forwarder.AwsProvider, new MapValue
                {
                    ["name"] = Name(forwarder, "forward", remote.Region),
                    ["domainName"] = $"{remote.Region}.{domain}",
                    ["ruleType"] = "FORWARD",
                    ["resolverEndpointId"] = outbound.Id,
                    ["targetIps"] = Value.List(
                        new MapValue { ["ip"] = target.Out("ipAddresses[0].ip"), ["port"] = 53 },
                        new MapValue { ["ip"] = target.Out("ipAddresses[1].ip"), ["port"] = 53 }),
                    ["tags"] = ProgramExtensions.NameTag(Name(forwarder, "forward", remote.Region)),
                });
                var association = program.Declare(Name(forwarder, "forward", remote.Region, "vpc"), ResourceTypes.Route53ResolverRuleAssociation, forwarder.AwsProvider, new MapValue
                {
                    ["resolverRuleId"] = rule.Id,
                    ["vpcId"] = forwarder.VpcId,
                });
                _forwarding[(forwarder.Region, remote.Region)] = association.Self;
            }
        }
    }

    /// <summary>The private record of a region's name; Harbor's API is reachable by name once it exists.</summary>
    public Ref RecordOf(string region) => _records[region];

    /// <summary>
    /// Per (forwarding region, remote region), the association of the forwarding rule for the remote
    /// region's name: it resolves in the forwarding region once that exists. Only forwarders have any.
    /// </summary>
    public IReadOnlyDictionary<(string Region, string Remote), Ref> Forwarding => _forwarding;

    private readonly Dictionary<(string Region, string Remote), Ref> _forwarding = [];

    private readonly bool _protect;
    private readonly IReadOnlyDictionary<Partition, string> _sideCidrs;

    private void DeclareZone(PulumiProgram program, string domain, Partition side, Ref provider, IReadOnlyList<DnsRegion> members)
    {
        var zoneName = LogicalName.Of("global", side == Partition.AwsCn ? "china" : "overseas", "dns", "private-zone");
        var zone = program.Declare(zoneName, ResourceTypes.Route53Zone, provider, new MapValue
        {
            ["name"] = domain,
            ["comment"] = $"harbor-ha private names of the {(side == Partition.AwsCn ? "China" : "overseas")} side",
            // Every VPC of the side, by region code: a region added or lost associates or disassociates
            // its VPC in place (Route 53 needs one at creation, which is why this is not a list of associations).
            ["vpcs"] = new ListValue(members.Select(m => (Value)new MapValue { ["vpcId"] = m.VpcId, ["vpcRegion"] = m.Region }).ToArray()),
            ["tags"] = ProgramExtensions.NameTag(zoneName),
        }, new ResourceOptions { Protect = _protect });
        var zoneId = zone.Out("zoneId");
        foreach (var member in members)
        {
            var record = program.Declare(LogicalName.Of(member.Region, "dns", "private-record"), ResourceTypes.Route53Record, member.AwsProvider, new MapValue
            {
                ["zoneId"] = zoneId,
                ["name"] = $"{member.Region}.{domain}",
                ["type"] = "A",
                ["aliases"] = Value.List(Alias(member.InternalLoadBalancer)),
            });
            _records[member.Region] = record.Self;

            program.Declare(LogicalName.Of(member.Region, "dns", "private-global"), ResourceTypes.Route53Record, member.AwsProvider, new MapValue
            {
                ["zoneId"] = zoneId,
                ["name"] = domain,
                ["type"] = "A",
                ["setIdentifier"] = member.Region,
                ["latencyRoutingPolicies"] = Value.List(new MapValue { ["region"] = member.Region }),
                ["aliases"] = Value.List(Alias(member.InternalLoadBalancer)),
            });
        }
    }

    /// <summary>The resolver endpoints' group: DNS from the other side's address space in, anything out (forwarded queries).</summary>
    private SecurityGroup GroupOf(PulumiProgram program, DnsRegion region, Dictionary<string, SecurityGroup> groups)
    {
        if (groups.TryGetValue(region.Region, out var existing))
        {
            return existing;
        }

        var group = new SecurityGroup(program, region.AwsProvider, Name(region, "sg"), region.VpcId,
            "harbor-ha Route 53 Resolver endpoints (DNS across the VPN)", allowAllEgress: true);
        if (region.IsHub)
        {
            var other = _sideCidrs[region.Partition == Partition.AwsCn ? Partition.Aws : Partition.AwsCn];
            group.AllowFromCidr("other-side-dns-udp", other, "udp", 53, 53, "DNS queries forwarded from the other side over the VPN");
            group.AllowFromCidr("other-side-dns-tcp", other, "tcp", 53, 53, "DNS queries forwarded from the other side over the VPN (large answers)");
        }

        groups[region.Region] = group;
        return group;
    }

    /// <summary>Resolver endpoints need two addresses, in two AZs, for availability.</summary>
    private static ListValue TwoAddresses(DnsRegion region)
    {
        if (region.ResolverSubnetIds.Count < 2)
        {
            throw new ProgramException($"{region.Region}: a resolver endpoint needs subnets in two availability zones");
        }

        return Value.List(region.ResolverSubnetIds.Take(2).Select(id => (Value)new MapValue { ["subnetId"] = id }).ToArray());
    }

    private static MapValue Alias(Distribution.LoadBalancerEndpoint lb) => new()
    {
        ["name"] = lb.DnsName,
        ["zoneId"] = lb.ZoneId,
        ["evaluateTargetHealth"] = true,
    };

    private static string Name(DnsRegion region, params string[] role) => LogicalName.Of([region.Region, "dns", "resolver", .. role]);
}
