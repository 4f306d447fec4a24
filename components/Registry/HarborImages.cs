using HarborHa.Model;

namespace HarborHa.Registry;

/// <summary>
/// Harbor's images (and Trivy's vulnerability databases) from a mirror instead of docker.io,
/// mirror.gcr.io and ghcr.io, which China regions cannot reach. The tags stay the chart's, so the
/// mirror holds the same images under <c>&lt;mirror&gt;/goharbor/…</c> and <c>&lt;mirror&gt;/aquasec/…</c>
/// (docs/operations.md lists them).
/// </summary>
public static class HarborImages
{
    /// <summary>Chart value path → image name under <c>goharbor/</c>, for every component harbor-ha runs.</summary>
    public static readonly IReadOnlyList<(string Path, string Image)> Components =
    [
        ("core", "harbor-core"),
        ("exporter", "harbor-exporter"),
        ("jobservice", "harbor-jobservice"),
        ("nginx", "nginx-photon"),
        ("portal", "harbor-portal"),
        ("registry.controller", "harbor-registryctl"),
        ("registry.registry", "registry-photon"),
        ("trivy", "trivy-adapter-photon"),
    ];

    /// <summary>The chart's image tag (harbor-helm values-1.19.1.yaml): Harbor 2.15.1.</summary>
    public const string Tag = "v2.15.1";

    /// <summary>Where the chart pulls from by default.</summary>
    public const string SourceRegistry = "docker.io/goharbor";

    /// <summary>Every image harbor-ha runs from the chart, as <c>repository:tag</c> at its source (the image lock's keys).</summary>
    public static IReadOnlyList<string> SourceReferences { get; } = Components.Select(c => $"{SourceRegistry}/{c.Image}:{Tag}").Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Values that name every component's image explicitly, at the chart's tag, pinned by digest where
    /// <paramref name="digests"/> (source reference → <c>sha256:…</c>) has one: the chart renders
    /// <c>repository:tag</c>, so the tag becomes <c>v2.15.1@sha256:…</c>, which the container runtime
    /// resolves by digest alone (harbor-helm templates, e.g. core/core-dpl.yaml). With a
    /// <paramref name="mirror"/>, repositories and Trivy's databases come from it; a mirror copied
    /// byte for byte (<c>crane copy</c>, <c>skopeo copy --all --preserve-digests</c>) keeps the source's
    /// digests, so a pull of an altered copy fails.
    /// </summary>
    public static MapValue Pinned(string? mirror, IReadOnlyDictionary<string, string> digests)
    {
        var values = new MapValue();
        foreach (var (path, image) in Components)
        {
            var tag = digests.TryGetValue($"{SourceRegistry}/{image}:{Tag}", out var digest) ? $"{Tag}@{digest}" : Tag;
            var repository = mirror is null ? $"{SourceRegistry}/{image}" : $"{mirror}/goharbor/{image}";
            var leaf = new MapValue { ["image"] = new MapValue { ["repository"] = repository, ["tag"] = tag } };
            var parts = path.Split('.');
            values = MapValue.Merge(values, parts.Length == 1 ? new MapValue { [parts[0]] = leaf } : new MapValue { [parts[0]] = new MapValue { [parts[1]] = leaf } });
        }

        return mirror is null ? values : MapValue.Merge(values, new MapValue
        {
            ["trivy"] = new MapValue
            {
                ["dbRepository"] = Value.List($"{mirror}/aquasec/trivy-db"),
                ["javaDBRepository"] = Value.List($"{mirror}/aquasec/trivy-java-db"),
            },
        });
    }

    /// <summary>The values that point every image and database download at <paramref name="mirror"/>.</summary>
    public static MapValue Mirrored(string mirror)
    {
        var values = new MapValue();
        foreach (var (path, image) in Components)
        {
            var leaf = new MapValue { ["image"] = new MapValue { ["repository"] = $"{mirror}/goharbor/{image}" } };
            var parts = path.Split('.');
            values = MapValue.Merge(values, parts.Length == 1 ? new MapValue { [parts[0]] = leaf } : new MapValue { [parts[0]] = new MapValue { [parts[1]] = leaf } });
        }

        return MapValue.Merge(values, new MapValue
        {
            ["trivy"] = new MapValue
            {
                ["dbRepository"] = Value.List($"{mirror}/aquasec/trivy-db"),
                ["javaDBRepository"] = Value.List($"{mirror}/aquasec/trivy-java-db"),
            },
        });
    }
}
