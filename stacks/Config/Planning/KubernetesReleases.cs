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
    /// <summary>
    /// The default of <c>harbor-ha:kubernetesVersion</c>: a version in EKS standard support in both
    /// partitions. On 2026-12-02, 1.34's standard support ends that day and 1.33's ended on 2026-07-29
    /// (extended support costs six times the control-plane price); 1.35 (released on EKS 2026-01-28) is
    /// in standard support until 2027-03-27 (Amazon EKS User Guide, "Understand the Kubernetes version
    /// lifecycle on EKS": 14 months of standard support; release calendar). Move on before that date.
    /// </summary>
    public const string Default = "1.35";

    private static readonly SortedDictionary<string, AddonVersions> Table = new(StringComparer.Ordinal)
    {
        ["1.32"] = new("v1.20.1-eksbuild.3", "v1.11.4-eksbuild.22", "v1.32.6-eksbuild.8"),
        ["1.33"] = new("v1.20.1-eksbuild.3", "v1.12.3-eksbuild.1", "v1.33.3-eksbuild.6"),
        // CoreDNS and kube-proxy: the add-on version tables of the Amazon EKS User Guide for the China
        // Regions (docs.amazonaws.cn, managing-coredns and managing-kube-proxy: 1.35 → v1.13.2-eksbuild.4,
        // v1.35.3-eksbuild.2), which lists a build only once both partitions carry it. The VPC CNI's
        // builds are not tied to a Kubernetes version; v1.20.1-eksbuild.3 is the guide's current example.
        ["1.35"] = new("v1.20.1-eksbuild.3", "v1.13.2-eksbuild.4", "v1.35.3-eksbuild.2"),
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
