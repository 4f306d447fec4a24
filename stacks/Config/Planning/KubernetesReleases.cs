namespace HarborHa.Planning;

/// <summary>
/// The EKS Kubernetes versions harbor-ha can deploy, each with the EKS add-on builds pinned for
/// it. A table instead of "latest": an add-on build that changes between two runs of the same
/// config would be a silent upgrade. Versions and builds come from the Amazon EKS User Guide
/// (add-on version tables for the VPC CNI, CoreDNS and kube-proxy); to support a newer
/// Kubernetes version, add a row after checking
/// <c>aws eks describe-addon-versions --kubernetes-version X</c> in both partitions.
/// </summary>
public static class KubernetesReleases
{
    /// <summary>The default of <c>harbor-ha:kubernetesVersion</c>.</summary>
    public const string Default = "1.33";

    private static readonly SortedDictionary<string, AddonVersions> Table = new(StringComparer.Ordinal)
    {
        ["1.32"] = new("v1.20.1-eksbuild.3", "v1.11.4-eksbuild.22", "v1.32.6-eksbuild.8"),
        ["1.33"] = new("v1.20.1-eksbuild.3", "v1.12.3-eksbuild.1", "v1.33.3-eksbuild.6"),
    };

    /// <summary>Every supported version, sorted.</summary>
    public static IReadOnlyList<string> Supported { get; } = Table.Keys.ToArray();

    public static bool IsSupported(string version) => Table.ContainsKey(version);

    /// <summary>The pinned add-on builds of a supported version.</summary>
    public static AddonVersions AddonsFor(string version) =>
        Table.TryGetValue(version, out var addons)
            ? addons
            : throw new ArgumentException($"Kubernetes {version} is not in the release table ({string.Join(", ", Supported)})", nameof(version));
}

/// <summary>EKS add-on builds for one Kubernetes version.</summary>
/// <param name="VpcCni">The <c>vpc-cni</c> add-on build.</param>
/// <param name="CoreDns">The <c>coredns</c> add-on build.</param>
/// <param name="KubeProxy">The <c>kube-proxy</c> add-on build.</param>
public sealed record AddonVersions(string VpcCni, string CoreDns, string KubeProxy);
