namespace HarborHa.Configuration;

/// <summary>
/// <c>harbor-ha:dragonfly</c>: peer-to-peer image distribution inside each region of a geo stack.
/// </summary>
public sealed record DragonflyConfig
{
    /// <summary><c>enabled</c>: deploy Dragonfly in every region. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary><c>cacheNodeType</c>: node type of Dragonfly's own Redis. Default cache.t4g.small.</summary>
    public string CacheNodeType { get; init; } = "cache.t4g.small";

    /// <summary><c>dbInstanceClass</c>: instance class of Dragonfly's MySQL. Default db.t4g.small.</summary>
    public string DbInstanceClass { get; init; } = "db.t4g.small";

    /// <summary>
    /// <c>imageRegistry</c>: registry to pull Dragonfly's images from instead of docker.io, e.g. the
    /// region's Docker Hub proxy cache (<c>cn-north-1.registry.example.com/dockerhub</c>) where
    /// docker.io is not reachable. Default null: docker.io.
    /// </summary>
    public string? ImageRegistry { get; init; }

    /// <summary><c>chartRepository</c>: Helm repository of the dragonfly chart. Default the project's own, https://dragonflyoss.github.io/helm-charts/.</summary>
    public string ChartRepository { get; init; } = "https://dragonflyoss.github.io/helm-charts/";

    /// <summary>
    /// <c>preheatTokens</c>: per region code, the name of a secret setting holding a Dragonfly
    /// personal access token (scope <c>job</c>) created in that region's Dragonfly console. Harbor's
    /// preheat driver calls the manager's open API, which only accepts such a token, and the token
    /// exists only once the manager runs; a region without one gets no preheat instance. Default none.
    /// </summary>
    public IReadOnlyDictionary<string, string> PreheatTokens { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}
