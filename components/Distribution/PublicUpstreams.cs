namespace HarborHa.Distribution;

/// <summary>
/// Which proxy-cache upstreams are public internet registries. From mainland China, Docker Hub,
/// ghcr.io, quay.io and registry.k8s.io are unreachable or unreliable, so a China region never
/// points a registry endpoint at one of them: it chains to an overseas Harbor over the private
/// network instead (<see cref="ChainedTo"/>), or leaves the cache out.
/// </summary>
public static class PublicUpstreams
{
    /// <summary>Hosts of the public registries that China cannot rely on.</summary>
    public static readonly IReadOnlySet<string> Hosts = new SortedSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "hub.docker.com", "docker.io", "registry-1.docker.io", "index.docker.io",
        "ghcr.io", "quay.io", "registry.k8s.io", "k8s.gcr.io", "gcr.io", "mirror.gcr.io",
    };

    /// <summary>Whether a cache fetches from a public internet registry (by its kind, or by its endpoint's host).</summary>
    public static bool IsPublic(ProxyCacheSpec cache) =>
        cache.Upstream is UpstreamKind.DockerHub or UpstreamKind.Ghcr or UpstreamKind.Quay
        || (Uri.TryCreate(cache.Endpoint, UriKind.Absolute, out var uri) && Hosts.Contains(uri.Host));

    /// <summary>
    /// The cache re-pointed at the proxy project of the same name in another Harbor
    /// (<paramref name="harborUrl"/>, reached over the private network): a <c>harbor</c>-type upstream,
    /// logged in as <paramref name="credentials"/>, waiting for <paramref name="dependsOn"/>. Pulls
    /// name the other Harbor's project after this one's: <c>&lt;host&gt;/&lt;name&gt;/&lt;name&gt;/library/nginx</c>,
    /// because Harbor sends the rest of the path after the local project to the upstream.
    /// </summary>
    public static ProxyCacheSpec ChainedTo(ProxyCacheSpec cache, string harborUrl, UpstreamCredentials credentials, IReadOnlyList<HarborHa.Model.Ref> dependsOn) =>
        cache with
        {
            Upstream = UpstreamKind.Harbor,
            Endpoint = harborUrl,
            Credentials = credentials,
            DependsOn = dependsOn,
        };
}
