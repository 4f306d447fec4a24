using HarborHa.Planning;

namespace HarborHa.Configuration;

/// <summary>
/// The validated settings of one stack. Every property maps to a <c>harbor-ha:</c> config key
/// (README.md, config reference); defaults are written here and in the docs.
/// </summary>
public sealed record StackConfig
{
    public const string Namespace = "harbor-ha";

    /// <summary><c>harbor-ha:topology</c> (required).</summary>
    public required Topology Topology { get; init; }

    /// <summary><c>harbor-ha:domain</c> (required); each region serves <c>&lt;region&gt;.&lt;domain&gt;</c>.</summary>
    public required string Domain { get; init; }

    /// <summary><c>harbor-ha:regions</c> (required), sorted by name.</summary>
    public required IReadOnlyList<RegionConfig> Regions { get; init; }

    /// <summary>Regions marked <c>lost: true</c>: not in <see cref="Regions"/>; only their DR copies are declared.</summary>
    public IReadOnlyList<RegionConfig> LostRegions { get; init; } = [];

    /// <summary><c>harbor-ha:environment</c>; default <c>prod</c> so that forgetting it errs on the safe side.</summary>
    public Stage Stage { get; init; } = Stage.Prod;

    /// <summary><c>harbor-ha:awsProfile</c>: credentials profile for overseas regions; default: the ambient credentials.</summary>
    public string? AwsProfile { get; init; }

    /// <summary><c>harbor-ha:awsCnProfile</c>: credentials profile for China regions (a separate account).</summary>
    public string? AwsCnProfile { get; init; }

    /// <summary><c>harbor-ha:awsAccountId</c>: if set, the overseas providers refuse any other account.</summary>
    public string? AwsAccountId { get; init; }

    /// <summary><c>harbor-ha:awsCnAccountId</c>: if set, the China providers refuse any other account.</summary>
    public string? AwsCnAccountId { get; init; }

    /// <summary><c>harbor-ha:tags</c>: extra tags on every AWS resource (provider default tags).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary><c>harbor-ha:sizing</c>: overrides of the topology's sizing table.</summary>
    public required Sizing Sizing { get; init; }

    /// <summary><c>harbor-ha:exposure</c>; default <c>internal</c> for geo, <c>public</c> otherwise.</summary>
    public required Exposure Exposure { get; init; }

    /// <summary><c>harbor-ha:certificate</c>: <c>{ mode, arns }</c>; default mode <c>acm-dns</c>.</summary>
    public CertificateConfig Certificate { get; init; } = new();

    /// <summary>
    /// <c>harbor-ha:clusterPublicAccessCidrs</c>: CIDRs allowed to reach the EKS API publicly.
    /// Default empty: the API endpoint is private only.
    /// </summary>
    public IReadOnlyList<string> ClusterPublicAccessCidrs { get; init; } = [];

    /// <summary>
    /// <c>harbor-ha:deployerCidrs</c>: where <c>pulumi up</c> runs from when it is not inside the private
    /// network the stack creates (a laptop, a hosted runner). Every EKS public endpoint opens to them
    /// (besides <see cref="ClusterPublicAccessCidrs"/>) and every region gets an internet-facing load
    /// balancer that admits them on 443 only, for the Harbor API. Default empty: private only.
    /// </summary>
    public IReadOnlyList<string> DeployerCidrs { get; init; } = [];

    /// <summary>
    /// <c>harbor-ha:kubernetesVersion</c>: EKS Kubernetes version of every regional cluster, one of
    /// <see cref="KubernetesReleases.Supported"/> (each pins its add-on builds). Default
    /// <see cref="KubernetesReleases.Default"/>.
    /// </summary>
    public string KubernetesVersion { get; init; } = KubernetesReleases.Default;

    /// <summary>
    /// <c>harbor-ha:clusterAdminArns</c>: IAM role or user ARNs given cluster-admin on every cluster
    /// through EKS access entries, so that whoever runs the next <c>pulumi up</c> (a teammate, the
    /// pipeline) can reach the cluster, not only its creator. Default empty: only the creator.
    /// </summary>
    public IReadOnlyList<string> ClusterAdminArns { get; init; } = [];

    /// <summary>
    /// <c>harbor-ha:registryKeyVersion</c>: generation of the registry's S3 access keys. Default 1.
    /// Raising it rotates the key in every region in one update: a new key is created, Harbor rolls
    /// onto it, then the old key is deleted (docs/operations.md).
    /// </summary>
    public int RegistryKeyVersion { get; init; } = 1;

    /// <summary><c>harbor-ha:alerts</c>: alarm subscribers and threshold overrides. Default: topics without subscribers, documented thresholds.</summary>
    public AlertsConfig Alerts { get; init; } = new();

    /// <summary>
    /// <c>harbor-ha:clusterPrivateAccessCidrs</c>: private CIDRs allowed to reach the EKS API's private
    /// endpoint (where <c>pulumi up</c> runs: a runner in a hub VPC, a VPN). Default: the stack's
    /// private network, the /9 of each side it has regions on. The API still requires IAM auth.
    /// </summary>
    public IReadOnlyList<string> ClusterPrivateAccessCidrs { get; init; } = [];

    /// <summary>
    /// <c>harbor-ha:chinaImageMirror</c>: registry (host and path) mirroring Harbor's and Dragonfly's
    /// images and Trivy's databases for China regions, which cannot reach docker.io, ghcr.io or
    /// mirror.gcr.io. Required when the stack has a China region; unused elsewhere.
    /// </summary>
    public string? ChinaImageMirror { get; init; }

    /// <summary><c>harbor-ha:vpn</c>: ASNs and appliance size of the cross-partition link.</summary>
    public VpnConfig Vpn { get; init; } = new();

    /// <summary><c>harbor-ha:projects</c>: Harbor projects declared in every region. Default: one private project <c>apps</c>.</summary>
    public IReadOnlyList<ProjectConfig> Projects { get; init; } = ProjectConfig.Defaults;

    /// <summary><c>harbor-ha:proxyCaches</c>: proxy-cache projects in every region. Default: Docker Hub, ghcr.io, quay.io, registry.k8s.io.</summary>
    public IReadOnlyList<ProxyCacheConfig> ProxyCaches { get; init; } = ProxyCacheConfig.Defaults;

    /// <summary><c>harbor-ha:replication</c>: settings of the primary's push rules (defaults in <see cref="ReplicationConfig"/>).</summary>
    public ReplicationConfig Replication { get; init; } = new();

    /// <summary><c>harbor-ha:dragonfly</c>: peer-to-peer distribution in each region (defaults in <see cref="DragonflyConfig"/>).</summary>
    public DragonflyConfig Dragonfly { get; init; } = new();

    /// <summary><c>harbor-ha:garbageCollection</c>: Harbor's garbage collection in every region (defaults in <see cref="GarbageCollectionConfig"/>).</summary>
    public GarbageCollectionConfig GarbageCollection { get; init; } = new();

    /// <summary><c>harbor-ha:robots</c>: the robot accounts' lifetime (defaults in <see cref="RobotsConfig"/>).</summary>
    public RobotsConfig Robots { get; init; } = new();

    /// <summary><c>harbor-ha:costAssumptions</c>: usage figures for <c>infra cost</c> (defaults in <see cref="Configuration.CostAssumptions"/>); never changes the program.</summary>
    public CostAssumptions CostAssumptions { get; init; } = new();

    /// <summary>
    /// <c>harbor-ha:clientCidrs</c>: who may pull and push through the internet-facing load balancer
    /// (exposure <c>public</c> or <c>both</c>, where it is required). <c>0.0.0.0/0</c> only when written.
    /// </summary>
    public IReadOnlyList<string> ClientCidrs { get; init; } = [];

    /// <summary>
    /// <c>harbor-ha:adminCidrs</c>: who may reach the UI and <c>/api/</c>, <c>/c/</c>, <c>/account/</c>
    /// through the internet-facing load balancer (at most five). Default none: administration over the
    /// private network only.
    /// </summary>
    public IReadOnlyList<string> AdminCidrs { get; init; } = [];

    /// <summary><c>harbor-ha:wafRateLimit</c>: requests per source address per five minutes before the web ACL blocks it. Default 5000.</summary>
    public long WafRateLimit { get; init; } = DefaultWafRateLimit;

    public const long DefaultWafRateLimit = 5000;

    /// <summary>
    /// <c>harbor-ha:keyAdminArns</c>: IAM principals that administer the stack's KMS keys (in their own
    /// partition). Default empty: the account root administers (IAM decides who); nobody uses a key but
    /// through its owning service.
    /// </summary>
    public IReadOnlyList<string> KeyAdminArns { get; init; } = [];

    /// <summary><c>harbor-ha:drObjectLock</c>: Object Lock of the DR buckets. Default governance, 30 days.</summary>
    public DrObjectLockConfig DrObjectLock { get; init; } = new();

    /// <summary><c>harbor-ha:audit</c>: CloudTrail and GuardDuty. Default: declared in prod.</summary>
    public AuditConfig Audit { get; init; } = new();

    /// <summary>
    /// <c>harbor-ha:acceptedFindings</c>: check findings the stack's owner accepts, each with a reason
    /// (rule id, resource). Default none: every failing rule stops <c>infra check</c> and <c>synth</c>.
    /// </summary>
    public IReadOnlyList<AcceptedFinding> AcceptedFindings { get; init; } = [];

    /// <summary>
    /// Not a config key: the project's image lock (<c>images.lock.json</c>, written by
    /// <c>infra images lock</c>), image <c>repository:tag</c> → <c>sha256:…</c> digest, read with the
    /// config. Images it lists run by digest. Default empty: images run by tag.
    /// </summary>
    public IReadOnlyDictionary<string, string> ImageDigests { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    public bool IsProtected => Stage != Stage.Dev;

    public RegionConfig Primary => Regions.Single(r => r.IsPrimary);

    public RegionConfig Region(string name) => Regions.Single(r => r.Name == name);

    /// <summary>The hub region of a side, or null when the stack has no region there.</summary>
    public RegionConfig? HubOf(Side side) => Regions.SingleOrDefault(r => r.Side == side && r.IsHub);

    /// <summary>The DNS name a region serves.</summary>
    public string RegionalHost(string region) => $"{region}.{Domain}";
}

/// <summary><c>harbor-ha:certificate</c>.</summary>
public sealed record CertificateConfig
{
    public CertificateMode Mode { get; init; } = CertificateMode.AcmDns;

    /// <summary>For <c>imported</c>: the ACM certificate ARN per region code.</summary>
    public IReadOnlyDictionary<string, string> Arns { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>
/// <c>harbor-ha:vpn</c>: the cross-partition Site-to-Site VPN. The appliances' ASN must lie outside
/// 64520–64551, which the transit plan gives to Transit Gateways by side and slot (docs/network.md).
/// </summary>
public sealed record VpnConfig
{
    /// <summary>BGP ASN of the software VPN appliances in the China hub. Default 65010.</summary>
    public long ApplianceAsn { get; init; } = 65010;

    /// <summary>EC2 instance type of each appliance; network-optimised by default. Default c6in.large.</summary>
    public string ApplianceInstanceType { get; init; } = "c6in.large";

    /// <summary>
    /// <c>applianceAmis</c>: the appliances' image per region, an AMI id or <c>latest</c> (Canonical's newest
    /// Ubuntu 24.04 at deploy time, reported by infra check as an accepted trade-off). A region without
    /// an entry also looks the image up, and infra check fails on it.
    /// </summary>
    public IReadOnlyDictionary<string, string> ApplianceAmis { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The word that asks for the deploy-time image lookup explicitly.</summary>
    public const string LatestAmi = "latest";
}
