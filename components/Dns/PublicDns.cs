using HarborHa.Common;
using HarborHa.Distribution;
using HarborHa.Model;

namespace HarborHa.Dns;

/// <summary>
/// Public names, with exposure <c>both</c>: <c>&lt;region&gt;.&lt;domain&gt;</c> for every region and the
/// global <c>&lt;domain&gt;</c>. Regions in the zone's partition are alias records of their public load
/// balancers and, for the global name, latency records guarded by HTTPS health checks on
/// <c>/api/v2.0/ping</c>. Route 53 alias records cannot point into the other partition, so China
/// regions in an overseas zone are CNAMEs, and China users reach the global name through a
/// geolocation <c>CN</c> CNAME record. A CNAME cannot sit at a zone apex: when the zone is the
/// domain itself, the global name covers the zone's partition only (docs/distribution.md).
/// </summary>
public sealed class PublicDns
{
    /// <summary>The name that carries the latency records when the global name must be a CNAME.</summary>
    public const string LatencyLabel = "latency";

    /// <param name="program">Program to declare into.</param>
    /// <param name="domain">The registry domain.</param>
    /// <param name="regions">Every region of the stack.</param>
    /// <param name="zone">The public zone.</param>
    /// <param name="regionalRecords">Whether to declare each region's <c>&lt;region&gt;.&lt;domain&gt;</c>;
    /// false when the registry tier already did (its zone, acm-dns): two records of one name would clash.</param>
    public PublicDns(PulumiProgram program, string domain, IReadOnlyList<DnsRegion> regions, PublicZone zone, bool regionalRecords = true)
    {
        var exposed = regions.Where(r => r.PublicLoadBalancer is not null).OrderBy(r => r.Region, StringComparer.Ordinal).ToArray();
        if (exposed.Length == 0)
        {
            return;
        }

        if (zone.Partition == Partition.AwsCn && exposed.Any(r => r.Partition == Partition.Aws))
        {
            throw new ProgramException("the public zone must be in the overseas partition when overseas regions are public: aliases cannot cross partitions");
        }

        if (zone.Domain != domain && !domain.EndsWith("." + zone.Domain, StringComparison.Ordinal))
        {
            throw new ProgramException($"the public zone {zone.Domain} does not contain the domain {domain}");
        }

        var writer = zone.Provider;
        var local = exposed.Where(r => r.Partition == zone.Partition).ToArray();
        var remote = exposed.Where(r => r.Partition != zone.Partition).ToArray();
        var health = new Dictionary<string, Ref>(StringComparer.Ordinal);

        foreach (var region in exposed)
        {
            var name = $"{region.Region}.{domain}";
            var lb = region.PublicLoadBalancer!;
            var record = new MapValue { ["zoneId"] = zone.ZoneId, ["name"] = name };
            if (region.Partition == zone.Partition)
            {
                record.Add("type", "A");
                record.Add("aliases", Value.List(Alias(lb)));
                health[region.Region] = program.Declare(LogicalName.Of(region.Region, "dns", "public-health"), ResourceTypes.Route53HealthCheck, writer, new MapValue
                {
                    ["type"] = "HTTPS",
                    ["fqdn"] = name,
                    ["port"] = 443,
                    // /v2/ answers 401 without credentials; ping is Harbor's unauthenticated liveness path.
                    ["resourcePath"] = "/api/v2.0/ping",
                    ["enableSni"] = true,
                    ["requestInterval"] = 30,
                    ["failureThreshold"] = 3,
                    ["tags"] = ProgramExtensions.NameTag(LogicalName.Of(region.Region, "dns", "public-health")),
                }).Id;
            }
            else
            {
                record.Add("type", "CNAME");
                record.Add("ttl", 60);
                record.Add("records", Value.List(lb.DnsName));
            }

            if (regionalRecords)
            {
                program.Declare(LogicalName.Of(region.Region, "dns", "public-record"), ResourceTypes.Route53Record, writer, record);
            }
        }

        var apex = zone.Domain == domain;
        var geolocation = remote.Length > 0 && !apex;
        var latencyName = geolocation ? $"{LatencyLabel}.{domain}" : domain;
        foreach (var region in local)
        {
            program.Declare(LogicalName.Of(region.Region, "dns", "public-latency"), ResourceTypes.Route53Record, writer, new MapValue
            {
                ["zoneId"] = zone.ZoneId,
                ["name"] = latencyName,
                ["type"] = "A",
                ["setIdentifier"] = region.Region,
                ["latencyRoutingPolicies"] = Value.List(new MapValue { ["region"] = region.Region }),
                ["healthCheckId"] = health[region.Region],
                ["aliases"] = Value.List(Alias(region.PublicLoadBalancer!)),
            });
        }

        if (!geolocation)
        {
            return;
        }

        var china = ChinaEntry(remote);
        program.Declare(LogicalName.Of("global", "dns", "public-global-cn"), ResourceTypes.Route53Record, writer, new MapValue
        {
            ["zoneId"] = zone.ZoneId,
            ["name"] = domain,
            ["type"] = "CNAME",
            ["ttl"] = 60,
            ["setIdentifier"] = "china",
            ["geolocationRoutingPolicies"] = Value.List(new MapValue { ["country"] = "CN" }),
            ["records"] = Value.List($"{china.Region}.{domain}"),
        });
        if (local.Length > 0)
        {
            program.Declare(LogicalName.Of("global", "dns", "public-global-default"), ResourceTypes.Route53Record, writer, new MapValue
            {
                ["zoneId"] = zone.ZoneId,
                ["name"] = domain,
                ["type"] = "CNAME",
                ["ttl"] = 60,
                ["setIdentifier"] = "default",
                // "*" is Route 53's default location: every query no other geolocation record matches.
                ["geolocationRoutingPolicies"] = Value.List(new MapValue { ["country"] = "*" }),
                ["records"] = Value.List(latencyName),
            });
        }
    }

    /// <summary>The China region that answers China's queries for the global name: the primary if it is there, else the hub.</summary>
    public static DnsRegion ChinaEntry(IReadOnlyList<DnsRegion> china) =>
        china.FirstOrDefault(r => r.IsPrimary) ?? china.First(r => r.IsHub);

    private static MapValue Alias(LoadBalancerEndpoint lb) => new()
    {
        ["name"] = lb.DnsName,
        ["zoneId"] = lb.ZoneId,
        ["evaluateTargetHealth"] = true,
    };
}
