namespace HarborHa.Common;

/// <summary>
/// Provider plugin versions. Each explicit provider pins its version with these, and the
/// conformance gate checks the program against the same versions of the published SDKs
/// (tests/conformance/package.json): what was checked is what deploys.
/// </summary>
public static class ProviderVersions
{
    public const string Aws = "7.48.0";
    public const string Kubernetes = "4.34.2";
    public const string Random = "4.21.2";
    public const string Tls = "5.6.1";
    public const string Harbor = "3.10.21";

    /// <summary>
    /// The Harbor provider is published by pulumiverse on GitHub, not in Pulumi's plugin registry. Pulumi
    /// downloads it from there without checking a checksum, so pipelines install it first with
    /// <c>pulumi plugin install resource harbor 3.10.21 --server &lt;this URL&gt; --checksum &lt;sha256&gt;</c>,
    /// the SHA-256 of <see cref="HarborPluginArchive"/> recorded when the version was reviewed
    /// (docs/operations.md, supply chain); an archive that differs fails the install and the pipeline.
    /// </summary>
    public const string HarborDownloadUrl = "github://api.github.com/pulumiverse/pulumi-harbor";

    /// <summary>The release archive of the Harbor plugin for a platform, e.g. <c>linux</c>, <c>amd64</c>.</summary>
    public static string HarborPluginArchive(string os, string arch) => $"pulumi-resource-harbor-v{Harbor}-{os}-{arch}.tar.gz";
}
