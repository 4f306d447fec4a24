using System.Collections.Frozen;
using HarborHa.Configuration;

namespace HarborHa.Planning;

/// <summary>
/// The default disaster-recovery partner of every region harbor-ha knows: where an ha or geo
/// region keeps its registry-bucket replica and its replicated database backups when its
/// <c>drRegion</c> is not given. How each partner is chosen (docs/disaster-recovery.md lists the table):
/// <list type="number">
/// <item>The same partition, always: S3 replication and RDS backup replication never cross between
/// aws and aws-cn, so Beijing and Ningxia are each other's partner.</item>
/// <item>The same country or jurisdiction where AWS has a second region there (data residency):
/// Tokyo and Osaka, Mumbai and Hyderabad, Sydney and Melbourne, Canada's two regions, the EU's.</item>
/// <item>Otherwise the nearest region enabled by default (not opt-in), so adopting the default needs
/// no extra region enabled in the account, and replication stays short.</item>
/// <item>In the United States, the other coast: weather, power-grid and seismic events are regional.</item>
/// </list>
/// The table is static, never derived from the stack's other regions: adding or removing a region
/// never moves another region's copies (a moved DR bucket is a deleted one). A partner may also be
/// a Harbor region of the stack (China has only two regions).
/// </summary>
public static class DrPartners
{
    private static readonly FrozenDictionary<string, string> Partners = new Dictionary<string, string>
    {
        ["af-south-1"] = "eu-west-1",          // Cape Town: no second African region; Ireland, default-enabled
        ["ap-east-1"] = "ap-southeast-1",      // Hong Kong (aws partition): Singapore
        ["ap-northeast-1"] = "ap-northeast-3", // Tokyo: Osaka, same country
        ["ap-northeast-2"] = "ap-northeast-1", // Seoul: no second Korean region; Tokyo, nearest
        ["ap-northeast-3"] = "ap-northeast-1", // Osaka: Tokyo, same country
        ["ap-south-1"] = "ap-south-2",         // Mumbai: Hyderabad, same country
        ["ap-south-2"] = "ap-south-1",         // Hyderabad: Mumbai, same country
        ["ap-southeast-1"] = "ap-southeast-2", // Singapore: Sydney, default-enabled (Jakarta, Malaysia are opt-in)
        ["ap-southeast-2"] = "ap-southeast-4", // Sydney: Melbourne, same country
        ["ap-southeast-3"] = "ap-southeast-1", // Jakarta: Singapore, nearest
        ["ap-southeast-4"] = "ap-southeast-2", // Melbourne: Sydney, same country
        ["ap-southeast-5"] = "ap-southeast-1", // Malaysia: Singapore, nearest
        ["ap-southeast-7"] = "ap-southeast-1", // Thailand: Singapore, nearest
        ["ca-central-1"] = "ca-west-1",        // Montreal: Calgary, same country
        ["ca-west-1"] = "ca-central-1",        // Calgary: Montreal, same country
        ["eu-central-1"] = "eu-west-1",        // Frankfurt: Ireland, EU
        ["eu-central-2"] = "eu-central-1",     // Zurich: Frankfurt, nearest default-enabled
        ["eu-north-1"] = "eu-central-1",       // Stockholm: Frankfurt, EU
        ["eu-south-1"] = "eu-central-1",       // Milan: Frankfurt, EU, nearest default-enabled
        ["eu-south-2"] = "eu-west-3",          // Spain: Paris, EU, nearest default-enabled
        ["eu-west-1"] = "eu-central-1",        // Ireland: Frankfurt, EU
        ["eu-west-2"] = "eu-west-1",           // London: no second UK region; Ireland, nearest
        ["eu-west-3"] = "eu-central-1",        // Paris: Frankfurt, EU, nearest
        ["il-central-1"] = "eu-central-1",     // Tel Aviv: Frankfurt, nearest default-enabled
        ["me-central-1"] = "me-south-1",       // UAE: Bahrain, nearest
        ["me-south-1"] = "me-central-1",       // Bahrain: UAE, nearest
        ["mx-central-1"] = "us-east-2",        // Mexico: no second Mexican region; Ohio
        ["sa-east-1"] = "us-east-1",           // Sao Paulo: no second South American region; N. Virginia
        ["us-east-1"] = "us-west-2",           // N. Virginia: Oregon, other coast
        ["us-east-2"] = "us-west-2",           // Ohio: Oregon, other coast
        ["us-west-1"] = "us-east-2",           // N. California: Ohio, other coast
        ["us-west-2"] = "us-east-1",           // Oregon: N. Virginia, other coast
        ["cn-north-1"] = "cn-northwest-1",     // Beijing: Ningxia, the only other aws-cn region
        ["cn-northwest-1"] = "cn-north-1",     // Ningxia: Beijing, the only other aws-cn region
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every region the table covers, sorted.</summary>
    public static IReadOnlyList<string> Covered { get; } = Partners.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The default DR partner of a known region (<see cref="Regions.All"/>).</summary>
    public static string Of(string region) =>
        Partners.TryGetValue(region, out var partner) ? partner : throw new ArgumentException($"no default DR partner for '{region}'", nameof(region));

    /// <summary>
    /// The DR region a region of a stack of this topology gets when <c>drRegion</c> is not given:
    /// its partner in ha and geo, none in single-site (which trades resilience for cost).
    /// </summary>
    public static string? DefaultFor(Topology topology, string region) =>
        topology == Topology.SingleSite ? null : Of(region);
}
