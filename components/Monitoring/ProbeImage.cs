namespace HarborHa.Monitoring;

/// <summary>
/// The image the in-cluster probes run: the AWS CLI (Amazon Linux, with curl and GNU date), at a
/// pinned version. China regions pull it from the configured mirror under the same path
/// (docs/operations.md lists it with the mirror's images).
/// </summary>
public static class ProbeImage
{
    public const string Repository = "docker.io/amazon/aws-cli";

    public const string Tag = "2.22.0";

    /// <summary>The image lock's key.</summary>
    public const string SourceReference = $"{Repository}:{Tag}";

    /// <summary>The image to run: from <paramref name="mirror"/> when given, by digest when one is recorded.</summary>
    public static string For(string? mirror, string? digest)
    {
        var repository = mirror is null ? Repository : $"{mirror}/amazon/aws-cli";
        return digest is null ? $"{repository}:{Tag}" : $"{repository}:{Tag}@{digest}";
    }
}
