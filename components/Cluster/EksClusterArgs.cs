using HarborHa.Common;
using HarborHa.Model;
using HarborHa.Network;

namespace HarborHa.Cluster;

/// <summary>
/// Inputs of <see cref="EksCluster"/>. Defaults are the production choices: private API endpoint,
/// every control-plane log type, secrets encrypted with a customer key, IMDSv2 only.
/// </summary>
public sealed record EksClusterArgs
{
    /// <summary>The region code; its partition (<c>cn-*</c> is aws-cn) decides ARNs and service principals.</summary>
    public required string Region { get; init; }

    /// <summary>Subnets of the control-plane ENIs and the nodes: the private subnets of every AZ.</summary>
    public required IReadOnlyList<Ref> PrivateSubnetIds { get; init; }

    /// <summary>
    /// The nodes' own security group (the one state components allow by intent). It is attached
    /// to the nodes together with the EKS cluster security group, which EKS needs for node joins.
    /// </summary>
    public required SecurityGroup NodeSecurityGroup { get; init; }

    /// <summary>The global random provider, for the cluster name suffix.</summary>
    public required Ref RandomProvider { get; init; }

    /// <summary>The global tls provider, to read the OIDC issuer's certificate thumbprint.</summary>
    public required Ref TlsProvider { get; init; }

    /// <summary>EKS Kubernetes version, e.g. <c>1.34</c>. Required: a default would upgrade clusters silently.</summary>
    public required string KubernetesVersion { get; init; }

    /// <summary>The EKS add-on builds pinned for <see cref="KubernetesVersion"/> (never "latest": an add-on that changes between runs is a silent upgrade).</summary>
    public required EksAddonVersions Addons { get; init; }

    /// <summary>Node instance type. Default m6i.xlarge (the ha sizing); Graviton types get the ARM AMI.</summary>
    public string NodeInstanceType { get; init; } = "m6i.xlarge";

    /// <summary>Node group minimum. Default 3: one node per AZ.</summary>
    public int NodeMinSize { get; init; } = 3;

    /// <summary>Node group desired size. Default 3.</summary>
    public int NodeDesiredSize { get; init; } = 3;

    /// <summary>Node group maximum. Default 9.</summary>
    public int NodeMaxSize { get; init; } = 9;

    /// <summary>
    /// Root volume size in GiB. Default 100: pulled images, Trivy's database (emptyDir) and the
    /// Dragonfly peer cache (up to 10 GiB, a seed peer 20 GiB) share it, and kubelet starts evicting
    /// pods at 85-90 % use.
    /// </summary>
    public int NodeVolumeSizeGb { get; init; } = 100;

    /// <summary>
    /// CIDRs allowed to reach the public API endpoint. Default empty: the endpoint is private only,
    /// reachable from the VPC and the private network.
    /// </summary>
    public IReadOnlyList<string> PublicAccessCidrs { get; init; } = [];

    /// <summary>
    /// Private CIDRs allowed to the API's private endpoint on 443. EKS's cluster security group admits
    /// only its own members by default, so a deployer in the private network needs these (EKS User
    /// Guide, cluster endpoint access). Default none.
    /// </summary>
    public IReadOnlyList<string> PrivateAccessCidrs { get; init; } = [];

    /// <summary>
    /// IAM principals given cluster-admin through access entries; only those of the region's partition
    /// apply. Default none. The cluster's creator is not made admin behind the program's back
    /// (<c>bootstrapClusterCreatorAdminPermissions</c> is off): whoever runs <c>pulumi up</c> must be
    /// listed here, or get an entry through <see cref="DeployerAccess"/>, to reach the cluster.
    /// </summary>
    public IReadOnlyList<string> AdminArns { get; init; } = [];

    /// <summary>
    /// Whether the identity running the deployment gets a visible cluster-admin access entry
    /// (<c>admin-deployer</c>, resolved at deploy time). Default <see cref="Cluster.DeployerAccess.None"/>:
    /// only <see cref="AdminArns"/>. For disposable stacks without named admins; the entry follows
    /// whoever ran the last update.
    /// </summary>
    public DeployerAccess DeployerAccess { get; init; } = DeployerAccess.None;

    /// <summary>
    /// ECR repository ARNs (wildcards allowed) the nodes may pull from. Default null: AWS's
    /// AmazonEC2ContainerRegistryReadOnly (every repository the account can read). In China, where
    /// every image comes from a mirror and AWS's EKS registries, name exactly those.
    /// </summary>
    public IReadOnlyList<string>? EcrRepositoryArns { get; init; }

    /// <summary>
    /// IAM principals that administer the Secrets key (same partition only). Default empty: the
    /// account root, which delegates administration to IAM; nobody gets cryptographic use but the
    /// control plane's role and EKS's grants.
    /// </summary>
    public IReadOnlyList<string> KeyAdminArns { get; init; } = [];

    /// <summary>
    /// Credentials profile of the region's partition, for the kubeconfig's <c>aws eks get-token</c>.
    /// Default: the ambient credentials.
    /// </summary>
    public string? AwsProfile { get; init; }

    /// <summary>Days of control-plane logs in CloudWatch Logs. Default 90.</summary>
    public int LogRetentionDays { get; init; } = 90;

    /// <summary>
    /// Whether the region's Kubernetes provider forgets the objects of a cluster it cannot reach
    /// (<c>deleteUnreachable</c>) instead of failing. Default false: one run from a host that cannot
    /// reach the cluster would otherwise drop Harbor, the controller, its secrets and target-group
    /// bindings from the state, and the next run would collide with what still exists. Set it only
    /// to rebuild a region whose cluster is lost, for that run.
    /// </summary>
    public bool ForgetUnreachableObjects { get; init; }

    /// <summary>Default <see cref="Protection.Protected"/>: the cluster and its secrets key refuse deletion.</summary>
    public Protection Protection { get; init; } = Protection.Protected;
}
