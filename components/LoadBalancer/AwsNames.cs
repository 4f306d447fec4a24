using System.Security.Cryptography;
using System.Text;

namespace HarborHa.LoadBalancer;

/// <summary>
/// AWS names with tight length limits. Load balancers and target groups allow 32 characters, which
/// a generated name (logical name plus a random suffix) overruns, so they get explicit names: a
/// short hash of the domain (stacks sharing an account differ by domain, as their buckets do), the
/// region's short code and the role, e.g. <c>harbor-3f9c1a-apse1-pub</c>.
/// </summary>
public static class AwsNames
{
    public const int LoadBalancerNameMax = 32;

    private static readonly Dictionary<string, string> Compass = new(StringComparer.Ordinal)
    {
        ["north"] = "n",
        ["south"] = "s",
        ["east"] = "e",
        ["west"] = "w",
        ["central"] = "c",
        ["northeast"] = "ne",
        ["northwest"] = "nw",
        ["southeast"] = "se",
        ["southwest"] = "sw",
    };

    /// <summary><c>ap-southeast-1</c> → <c>apse1</c>, <c>cn-northwest-1</c> → <c>cnnw1</c>, <c>us-east-1</c> → <c>use1</c>.</summary>
    public static string ShortRegion(string region)
    {
        var parts = region.Split('-');
        if (parts.Length != 3 || !Compass.TryGetValue(parts[1], out var direction))
        {
            throw new ArgumentException($"'{region}' is not a region code of the form area-direction-number", nameof(region));
        }

        return parts[0] + direction + parts[2];
    }

    /// <summary>Six hex digits of the domain's SHA-256: stable, and distinct per stack domain.</summary>
    public static string DomainHash(string domain) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(domain)))[..6];

    /// <summary>The name of a region's load balancer or target group of a scheme: <c>…-pub</c> or <c>…-int</c>.</summary>
    public static string LoadBalancer(string domain, string region, LoadBalancerScheme scheme) =>
        $"harbor-{DomainHash(domain)}-{ShortRegion(region)}-{(scheme == LoadBalancerScheme.Public ? "pub" : "int")}";
}
