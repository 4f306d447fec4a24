using HarborHa.Model;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

/// <summary>
/// One push rule as the program declares it, read from resources alone (never from the plan it was
/// built from): the Harbor that holds it is the region of its provider's URL, the region it pushes to
/// is the region of its registry endpoint's URL.
/// </summary>
public sealed record DeclaredReplication(Resource Rule, Resource Endpoint, string Source, string Target)
{
    /// <summary>Every <c>harbor:index/replication:Replication</c> of the resources.</summary>
    public static IReadOnlyList<DeclaredReplication> Of(IReadOnlyDictionary<string, Resource> resources) =>
        resources.Values
            .Where(r => r.Type == "harbor:index/replication:Replication")
            .Select(rule =>
            {
                var provider = resources[rule.Options.Provider?.Target ?? throw new InvalidOperationException($"{rule.Name} has no provider")];
                var endpoint = resources[((Ref)rule.Properties["registryId"]).Target];
                return new DeclaredReplication(rule, endpoint, RegionOf(provider.Text("url")), RegionOf(endpoint.Text("endpointUrl")));
            })
            .OrderBy(r => r.Rule.Name, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The region of a regional Harbor URL, <c>https://&lt;region&gt;.&lt;domain&gt;</c>; the host itself for any other URL.</summary>
    public static string RegionOf(string? url)
    {
        var host = new Uri(url ?? throw new InvalidOperationException("a Harbor URL is not a literal")).Host;
        return host.Split('.')[0];
    }
}
