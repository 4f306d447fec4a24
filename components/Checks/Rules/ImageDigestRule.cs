using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// Images run by digest. In Helm release values, every image (a map with <c>repository</c> and
/// <c>tag</c>) must carry a digest (<c>tag@sha256:…</c>, or a <c>digest</c> key); in Kubernetes
/// objects, every <c>image</c> string. An exact version tag without a digest is a warning (reported,
/// accepted: <c>infra images lock</c> records the digests, where the network allows); a floating tag
/// (<c>latest</c>, or none) fails. A release that names no image at all runs its chart's default
/// images by tag: a warning.
/// </summary>
public sealed class ImageDigestRule : ICheckRule
{
    public string Id => "image-digest";

    public string Reason => "every image the program runs is pinned by digest (images.lock.json)";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var findings = new List<Finding>();
        foreach (var release in program.Resources.Where(r => r.Type == ResourceTypes.HelmRelease))
        {
            var images = new List<(string Path, string? Repository, string? Tag, bool Digest)>();
            Walk(release.Property("values"), "values", images);
            if (images.Count == 0)
            {
                findings.Add(new Finding(release.Name, "names no image: its chart's default images run by tag (no digest)", Accepted: true));
            }

            findings.AddRange(images.Where(i => !i.Digest).Select(i => Judge(release.Name, i.Path, i.Tag)));
        }

        foreach (var r in program.Resources.Where(r => r.Package == "kubernetes" && r.Type != ResourceTypes.HelmRelease && !r.IsProvider))
        {
            foreach (var (path, image) in ImageStrings(r.Properties, ""))
            {
                if (!image.Contains("@sha256:", StringComparison.Ordinal))
                {
                    var colon = image.LastIndexOf(':');
                    var tag = colon > image.LastIndexOf('/') ? image[(colon + 1)..] : null;
                    findings.Add(Judge(r.Name, path, tag));
                }
            }
        }

        return findings;
    }

    private static Finding Judge(string resource, string path, string? tag) =>
        tag is null or "" or "latest"
            ? new Finding(resource, $"{path} runs a floating tag ({(string.IsNullOrEmpty(tag) ? "none" : tag)}): pin a version and a digest")
            : new Finding(resource, $"{path} runs by tag without a digest: record it with infra images lock", Accepted: true);

    private static void Walk(Value? value, string path, List<(string, string?, string?, bool)> images)
    {
        if (value is not MapValue map)
        {
            return;
        }

        if (map.TryGet("repository", out var repository) && (map.ContainsKey("tag") || map.ContainsKey("digest")))
        {
            var tag = map.TryGet("tag", out var t) ? Props.Text(t) : null;
            var digest = map.ContainsKey("digest") || (tag?.Contains("@sha256:", StringComparison.Ordinal) ?? false)
                || (Props.Text(repository)?.Contains("@sha256:", StringComparison.Ordinal) ?? false);
            images.Add((path, Props.Text(repository), tag, digest));
            return;
        }

        foreach (var (key, child) in map)
        {
            Walk(child, $"{path}.{key}", images);
        }
    }

    /// <summary><c>image</c> string properties anywhere in a Kubernetes object (containers, init containers).</summary>
    private static IEnumerable<(string Path, string Image)> ImageStrings(Value value, string path)
    {
        switch (value)
        {
            case MapValue map:
                foreach (var (key, child) in map)
                {
                    var childPath = path.Length == 0 ? key : $"{path}.{key}";
                    if (key == "image" && child is Text text)
                    {
                        yield return (childPath, text.Value);
                    }
                    else
                    {
                        foreach (var found in ImageStrings(child, childPath))
                        {
                            yield return found;
                        }
                    }
                }

                break;
            case ListValue list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    foreach (var found in ImageStrings(list.Items[i], $"{path}[{i}]"))
                    {
                        yield return found;
                    }
                }

                break;
            default:
                break;
        }
    }
}
