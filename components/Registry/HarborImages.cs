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
