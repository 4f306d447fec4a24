namespace HarborHa.Distribution;

/// <summary>Kinds of upstream registries a proxy-cache project can front; the kind selects Harbor's adapter.</summary>
public enum UpstreamKind
{
    /// <summary>Docker Hub (Harbor's <c>docker-hub</c> adapter).</summary>
    DockerHub,

    /// <summary>GitHub Container Registry (Harbor's <c>github-ghcr</c> adapter).</summary>
    Ghcr,

    /// <summary>Quay.io, through the generic registry adapter (see <see cref="RegionDistribution.ProviderName"/>).</summary>
    Quay,

    /// <summary>Any registry speaking the Docker Registry v2 API, e.g. registry.k8s.io.</summary>
    Registry,

    /// <summary>Another Harbor.</summary>
    Harbor,
}
