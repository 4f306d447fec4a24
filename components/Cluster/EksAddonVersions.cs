namespace HarborHa.Cluster;

/// <summary>EKS add-on builds for one Kubernetes version (Amazon EKS User Guide, add-on version tables).</summary>
/// <param name="VpcCni">The <c>vpc-cni</c> add-on build.</param>
/// <param name="CoreDns">The <c>coredns</c> add-on build.</param>
/// <param name="KubeProxy">The <c>kube-proxy</c> add-on build.</param>
public sealed record EksAddonVersions(string VpcCni, string CoreDns, string KubeProxy);
