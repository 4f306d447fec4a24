namespace HarborHa.Configuration;

/// <summary>
/// One entry of <c>harbor-ha:proxyCaches</c>: a proxy-cache project in every region for a public
/// registry. <c>docker pull &lt;region&gt;.&lt;domain&gt;/&lt;name&gt;/library/nginx</c> fetches from the upstream
/// once and serves the cached copy afterwards.
/// </summary>
public sealed record ProxyCacheConfig
{
    /// <summary>Project name, the first path segment of pulls (rules as for projects).</summary>
    public required string Name { get; init; }

    /// <summary><c>type</c>: the upstream's kind, which selects Harbor's adapter.</summary>
    public required UpstreamType Type { get; init; }

    /// <summary><c>endpoint</c>: upstream URL. Default per type (Docker Hub, ghcr.io, quay.io); required for <c>registry</c> and <c>harbor</c>.</summary>
    public required string Endpoint { get; init; }

    /// <summary><c>username</c>: upstream account, e.g. to lift Docker Hub's anonymous pull limit. Default none: anonymous.</summary>
    public string? Username { get; init; }

    /// <summary>
    /// <c>passwordSecret</c>: the name of a secret setting in the <c>harbor-ha</c> namespace holding the
    /// upstream password or token (<c>pulumi config set --secret harbor-ha:&lt;name&gt; ...</c>). The
    /// compiler never reads it; the program references it. Required with <c>username</c>.
    /// </summary>
    public string? PasswordSecret { get; init; }

    /// <summary>
    /// The default list: Docker Hub (<c>dockerhub</c>), GitHub (<c>ghcr</c>), Quay (<c>quay</c>) and
    /// the Kubernetes registry (<c>k8s</c>), anonymously.
    /// </summary>
    public static IReadOnlyList<ProxyCacheConfig> Defaults { get; } =
    [
        new() { Name = "dockerhub", Type = UpstreamType.DockerHub, Endpoint = DefaultEndpoint(UpstreamType.DockerHub)! },
        new() { Name = "ghcr", Type = UpstreamType.Ghcr, Endpoint = DefaultEndpoint(UpstreamType.Ghcr)! },
        new() { Name = "quay", Type = UpstreamType.Quay, Endpoint = DefaultEndpoint(UpstreamType.Quay)! },
        new() { Name = "k8s", Type = UpstreamType.Registry, Endpoint = "https://registry.k8s.io" },
    ];

    /// <summary>The endpoint Harbor's adapter expects for a type, or null when the user must give one.</summary>
    public static string? DefaultEndpoint(UpstreamType type) => type switch
    {
        // Harbor's docker-hub adapter talks to hub.docker.com for auth and to registry-1 for blobs itself.
        UpstreamType.DockerHub => "https://hub.docker.com",
        UpstreamType.Ghcr => "https://ghcr.io",
        UpstreamType.Quay => "https://quay.io",
        _ => null,
    };
}

/// <summary>Kinds of upstream registries a proxy-cache project can front.</summary>
public enum UpstreamType
{
    /// <summary><c>docker-hub</c>: Docker Hub.</summary>
    DockerHub,

    /// <summary><c>ghcr</c>: GitHub Container Registry.</summary>
    Ghcr,

    /// <summary><c>quay</c>: Quay.io.</summary>
    Quay,

    /// <summary><c>registry</c>: any registry speaking the Docker Registry v2 API, e.g. registry.k8s.io.</summary>
    Registry,

    /// <summary><c>harbor</c>: another Harbor.</summary>
    Harbor,
}
