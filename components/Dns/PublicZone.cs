using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Dns;

/// <summary>
/// The Route 53 public hosted zone of the registry domain: one per stack (<c>global-dns-zone</c>),
/// declared once by the caller and handed to every component that writes public names (regional
/// records, certificate validation, latency and geolocation records). Route 53 is global; the zone
/// and its records go through the partition's Route 53 home region (us-east-1, cn-northwest-1), so
/// adding, removing or re-homing a region never moves the zone or renames it.
/// </summary>
public sealed class PublicZone
{
    /// <summary>The zone's logical name, the same whatever needs the zone (certificates or public records).</summary>
    public const string LogicalName = "global-dns-zone";

    public PublicZone(PulumiProgram program, AwsProviderRegistry aws, PublicZoneArgs args)
    {
        Partition = args.Partition;
        Domain = args.Domain;
        Provider = aws.For(HomeRegion(args.Partition));
        var isProtected = args.Protection == Protection.Protected;
        var zone = program.Declare(LogicalName, ResourceTypes.Route53Zone, Provider, new MapValue
        {
            ["name"] = args.Domain,
            ["comment"] = "harbor-ha: regional registry endpoints and certificate validation",
            // A protected zone keeps its records when the program stops managing it: the name
            // servers delegated from the parent zone must not change.
            ["forceDestroy"] = !isProtected,
        }, new ResourceOptions { Protect = isProtected });
        ZoneId = zone.Out("zoneId");
        // Delegate the domain to these from its parent zone.
        program.AddOutput("dnsZoneNameServers", zone.Out("nameServers"));
    }

    /// <summary>Route 53's API home region per partition (AWS Route 53 endpoints).</summary>
    public static string HomeRegion(Partition partition) => partition == Partition.AwsCn ? "cn-northwest-1" : "us-east-1";

    /// <summary>The partition the zone lives in: alias records in it can only point at load balancers of that partition.</summary>
    public Partition Partition { get; }

    /// <summary>The zone's name: the registry domain.</summary>
    public string Domain { get; }

    /// <summary>The provider of the partition's Route 53 home region; records in the zone use it.</summary>
    public Ref Provider { get; }

    public Ref ZoneId { get; }
}
