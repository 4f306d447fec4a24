using System.Collections.Frozen;

namespace HarborHa.Configuration;

/// <summary>
/// The AWS regions harbor-ha knows, with the availability zones it places subnets in. A static
/// table instead of a lookup at deploy time: the plan (and so every subnet name and CIDR) must not
/// depend on which account runs it or on a cloud call, and must work offline. Zones are listed in
/// the order they are used; zones that are often closed to new accounts (e.g. use1-az3, usw1 a)
/// are left out. Source: AWS Regions and Zones documentation, AWS China documentation.
/// </summary>
public static class Regions
{
    private static readonly FrozenDictionary<string, string[]> Zones = new Dictionary<string, string[]>
    {
        ["af-south-1"] = ["a", "b", "c"],
        ["ap-east-1"] = ["a", "b", "c"],
        ["ap-northeast-1"] = ["a", "c", "d"],
        ["ap-northeast-2"] = ["a", "b", "c", "d"],
        ["ap-northeast-3"] = ["a", "b", "c"],
        ["ap-south-1"] = ["a", "b", "c"],
        ["ap-south-2"] = ["a", "b", "c"],
        ["ap-southeast-1"] = ["a", "b", "c"],
        ["ap-southeast-2"] = ["a", "b", "c"],
        ["ap-southeast-3"] = ["a", "b", "c"],
        ["ap-southeast-4"] = ["a", "b", "c"],
        ["ap-southeast-5"] = ["a", "b", "c"],
        ["ap-southeast-7"] = ["a", "b", "c"],
        ["ca-central-1"] = ["a", "b", "d"],
        ["ca-west-1"] = ["a", "b", "c"],
        ["eu-central-1"] = ["a", "b", "c"],
        ["eu-central-2"] = ["a", "b", "c"],
        ["eu-north-1"] = ["a", "b", "c"],
        ["eu-south-1"] = ["a", "b", "c"],
        ["eu-south-2"] = ["a", "b", "c"],
        ["eu-west-1"] = ["a", "b", "c"],
        ["eu-west-2"] = ["a", "b", "c"],
        ["eu-west-3"] = ["a", "b", "c"],
        ["il-central-1"] = ["a", "b", "c"],
        ["me-central-1"] = ["a", "b", "c"],
        ["me-south-1"] = ["a", "b", "c"],
        ["mx-central-1"] = ["a", "b", "c"],
        ["sa-east-1"] = ["a", "b", "c"],
        ["us-east-1"] = ["a", "b", "c", "d", "f"],
        ["us-east-2"] = ["a", "b", "c"],
        ["us-west-1"] = ["b", "c"],
        ["us-west-2"] = ["a", "b", "c", "d"],
        ["cn-north-1"] = ["a", "b", "d"],
        ["cn-northwest-1"] = ["a", "b", "c"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every known region code, sorted.</summary>
    public static IReadOnlyList<string> All { get; } = Zones.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The network plan's hub of each side (DESIGN.md): Singapore overseas, Beijing in China.</summary>
    public static string PlannedHub(Side side) => side == Side.China ? "cn-north-1" : "ap-southeast-1";

    public static bool IsKnown(string region) => Zones.ContainsKey(region);

    /// <summary>Regions named <c>cn-*</c> are in the China partition; all others overseas.</summary>
    public static Side SideOf(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? Side.China : Side.Overseas;

    /// <summary>The AWS partition name used in ARNs.</summary>
    public static string PartitionOf(string region) => SideOf(region) == Side.China ? "aws-cn" : "aws";

    /// <summary>The DNS suffix of AWS service endpoints in the region's partition.</summary>
    public static string DnsSuffixOf(string region) => SideOf(region) == Side.China ? "amazonaws.com.cn" : "amazonaws.com";

    /// <summary>
    /// Whether two regions' Transit Gateways can peer. Peering never crosses partitions, and in
    /// the China partition it exists only between Beijing and Ningxia (AWS China documentation,
    /// Transit Gateway peering); overseas, any two commercial regions can peer.
    /// </summary>
    public static bool CanPeerTransitGateways(string a, string b)
    {
        if (a == b || SideOf(a) != SideOf(b))
        {
            return false;
        }

        return SideOf(a) == Side.Overseas || ChinaPeeringPair.SetEquals([a, b]);
    }

    private static readonly FrozenSet<string> ChinaPeeringPair = new[] { "cn-north-1", "cn-northwest-1" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>How many zones the table offers for the region.</summary>
    public static int ZoneCount(string region) => Zones[region].Length;

    /// <summary>The first <paramref name="count"/> zones of the region, e.g. <c>ap-southeast-1a</c>.</summary>
    public static IReadOnlyList<string> AvailabilityZones(string region, int count) =>
        Zones[region].Take(count).Select(suffix => region + suffix).ToArray();
}
