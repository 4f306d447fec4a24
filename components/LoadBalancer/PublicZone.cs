using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Model;

namespace HarborHa.LoadBalancer;

/// <summary>
/// The Route 53 public hosted zone of <c>harbor-ha:domain</c>, one per stack (<c>global-dns-zone</c>),
/// holding each region's <c>&lt;region&gt;.&lt;domain&gt;</c> record and the ACM validation records.
/// It lives in the overseas partition, or in China's when the stack has no overseas region, behind
/// the provider of the partition's Route 53 home region (us-east-1, cn-northwest-1), so adding or
/// removing a region never moves it. Only <c>acm-dns</c> certificates need it; with
/// imported or self-signed certificates the program publishes no DNS.
/// </summary>
public sealed class PublicZone
{
    public const string ZoneName = "global-dns-zone";

    /// <summary>Route 53 is a global service; its API home region per partition (AWS Route 53 endpoints).</summary>
    public static string HomeRegion(Side side) => side == Side.China ? "cn-northwest-1" : "us-east-1";

    private PublicZone(Side side, string domain, Ref provider)
    {
        Side = side;
        Domain = domain;
        Provider = provider;
        ZoneId = new Ref(ZoneName, "zoneId");
    }

    /// <summary>The partition side the zone lives in.</summary>
    public Side Side { get; }

    public string Domain { get; }

    /// <summary>The AWS provider of the zone's partition; records in the zone use it.</summary>
    public Ref Provider { get; }

    public Ref ZoneId { get; }

    /// <summary>
    /// The stack's zone: declared by the first region that needs it, then shared (found by its
    /// fixed logical name). Null when the certificate mode needs no zone.
    /// </summary>
    public static PublicZone? For(PulumiProgram program, StackConfig config, AwsProviderRegistry aws)
    {
        if (config.Certificate.Mode != CertificateMode.AcmDns)
        {
            return null;
        }

        var side = config.Regions.Any(r => r.Side == Side.Overseas) ? Side.Overseas : Side.China;
        var zone = new PublicZone(side, config.Domain, aws.For(HomeRegion(side)));
        if (program.Contains(ZoneName))
        {
            return zone;
        }

        program.Declare(ZoneName, ResourceTypes.Route53Zone, zone.Provider, new MapValue
        {
            ["name"] = config.Domain,
            ["comment"] = "harbor-ha: regional registry endpoints and certificate validation",
            ["forceDestroy"] = !config.IsProtected,
        }, new ResourceOptions { Protect = config.IsProtected });
        // Delegate the domain to these from its parent zone.
        program.AddOutput("dnsZoneNameServers", new Ref(ZoneName, "nameServers"));
        return zone;
    }
}
