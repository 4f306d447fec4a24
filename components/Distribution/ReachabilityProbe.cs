namespace HarborHa.Distribution;

/// <summary>
/// The small image the readiness gates run (<see cref="ReachabilityGates"/>): curl, pinned, never a
/// floating tag. China regions pull it from the stack's mirror under the same path.
/// </summary>
public static class ReachabilityProbe
{
    /// <summary>Repository at its source registry.</summary>
    public const string Repository = "docker.io/curlimages/curl";

    /// <summary>A pinned tag (curl 8.11.1); the image runs as the unprivileged user 100.</summary>
    public const string Tag = "8.11.1";

    /// <summary>The source reference, the image lock's key.</summary>
    public const string SourceReference = $"{Repository}:{Tag}";

    /// <summary>The image to run: from <paramref name="mirror"/> when given (China), by digest when the lock has one.</summary>
    public static string Image(string? mirror, string? digest)
    {
        var repository = mirror is null ? Repository : $"{mirror}/curlimages/curl";
        return digest is null ? $"{repository}:{Tag}" : $"{repository}:{Tag}@{digest}";
    }
}
