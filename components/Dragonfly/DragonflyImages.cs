using HarborHa.Model;

namespace HarborHa.Dragonfly;

/// <summary>
/// Every image the dragonfly chart 1.7.4 runs with harbor-ha's values, each at a pinned tag: the
/// chart's own for Dragonfly's components, and a pinned busybox for the init containers, whose chart
/// default is <c>busybox:latest</c> (a floating tag, and in China a path the mirror would not hold).
/// Pinned by digest too where the image lock has one (the chart's <c>image.digest</c>).
/// </summary>
public static class DragonflyImages
{
    /// <summary>The init containers' busybox, pinned (Docker Hub's official image, hence <c>library/</c>).</summary>
    public const string BusyboxRepository = "library/busybox";

    /// <summary>busybox's pinned tag.</summary>
    public const string BusyboxTag = "1.37.0";

    /// <summary>Where the chart pulls from unless <c>global.imageRegistry</c> says otherwise.</summary>
    public const string SourceRegistry = "docker.io";

    /// <summary>Chart value path of each image (its <c>image</c> map), repository and tag.</summary>
    public static readonly IReadOnlyList<(string Path, string Repository, string Tag)> All =
    [
        ("manager", "dragonflyoss/manager", "v2.5.0"),
        ("manager.initContainer", BusyboxRepository, BusyboxTag),
        ("scheduler", "dragonflyoss/scheduler", "v2.5.0"),
        ("scheduler.initContainer", BusyboxRepository, BusyboxTag),
        ("seedClient", "dragonflyoss/client", "v1.4.0"),
        ("seedClient.initContainer", BusyboxRepository, BusyboxTag),
        ("client", "dragonflyoss/client", "v1.4.0"),
        ("client.initContainer", BusyboxRepository, BusyboxTag),
        ("client.dfinit", "dragonflyoss/dfinit", "v1.4.0"),
    ];

    /// <summary>Every image as <c>repository:tag</c> at its source (the image lock's keys).</summary>
    public static IReadOnlyList<string> SourceReferences { get; } =
        All.Select(i => $"{SourceRegistry}/{i.Repository}:{i.Tag}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Values naming every image's repository and tag, and its digest where <paramref name="digests"/> (source reference → <c>sha256:…</c>) has one.</summary>
    public static MapValue Pinned(IReadOnlyDictionary<string, string> digests)
    {
        var values = new MapValue();
        foreach (var (path, repository, tag) in All)
        {
            var image = new MapValue { ["repository"] = repository, ["tag"] = tag };
            if (digests.TryGetValue($"{SourceRegistry}/{repository}:{tag}", out var digest))
            {
                image.Add("digest", digest);
            }

            MapValue leaf = new() { ["image"] = image };
            foreach (var part in path.Split('.').Reverse())
            {
                leaf = new MapValue { [part] = leaf };
            }

            values = MapValue.Merge(values, leaf);
        }

        return values;
    }
}
