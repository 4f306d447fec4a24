using HarborHa.Cluster;
using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.LoadBalancer;
using HarborHa.Network;
using HarborHa.Planning;

namespace HarborHa.Stacks;

/// <summary>The small translations from config vocabulary to component vocabulary, in one place.</summary>
public static partial class ConfigMapping
{
    public static Partition PartitionOf(Side side) => side == Side.China ? Partition.AwsCn : Partition.Aws;

    /// <summary>Protected outside dev: staging and prod keep their data when resources leave the program.</summary>
    public static Protection ProtectionOf(StackConfig config) => config.IsProtected ? Protection.Protected : Protection.Disposable;

    /// <summary>Profiles, account guards and default tags of every AWS provider (<c>harbor-ha:aws*</c>, <c>harbor-ha:tags</c>).</summary>
    public static AwsProviderSettings AwsSettings(StackConfig config)
    {
        var profiles = new Dictionary<Partition, string>();
        var accounts = new Dictionary<Partition, string>();
        void Add(Dictionary<Partition, string> map, Partition partition, string? value)
        {
            if (value is not null)
            {
                map[partition] = value;
            }
        }

        Add(profiles, Partition.Aws, config.AwsProfile);
        Add(profiles, Partition.AwsCn, config.AwsCnProfile);
        Add(accounts, Partition.Aws, config.AwsAccountId);
        Add(accounts, Partition.AwsCn, config.AwsCnAccountId);
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in config.Tags.Where(t => t.Key is not (RegionTag or EnvironmentTag or ManagedByTag)))
        {
            tags[key] = value;
        }

        tags[EnvironmentTag] = config.Stage.ToString().ToLowerInvariant();
        tags[ManagedByTag] = "pulumi/harbor-ha";
        return new AwsProviderSettings { Profiles = profiles, AccountIds = accounts, DefaultTags = tags, RegionTagKey = RegionTag };
    }

    /// <summary>Tags harbor-ha puts on every AWS resource; a user tag of the same key cannot override them.</summary>
    public const string RegionTag = "harbor-ha:region";

    public const string EnvironmentTag = "harbor-ha:environment";

    public const string ManagedByTag = "ManagedBy";

    public static IReadOnlyList<LoadBalancerScheme> Schemes(Exposure exposure) => exposure switch
    {
        Exposure.Public => [LoadBalancerScheme.Public],
        Exposure.Internal => [LoadBalancerScheme.Internal],
        _ => [LoadBalancerScheme.Public, LoadBalancerScheme.Internal],
    };

    /// <summary>
    /// The exposure's load balancers, plus an internet-facing one when deployers work from outside the
    /// private network (<c>harbor-ha:deployerCidrs</c>): it admits only them (and any clients the
    /// exposure already names), on 443.
    /// </summary>
    public static IReadOnlyList<LoadBalancerScheme> Schemes(Exposure exposure, IReadOnlyList<string> deployerCidrs) =>
        deployerCidrs.Count > 0 && exposure == Exposure.Internal ? Schemes(Exposure.Both) : Schemes(exposure);

    /// <summary>Who reaches the EKS public endpoints: <c>clusterPublicAccessCidrs</c> and <c>deployerCidrs</c>; none keeps them private.</summary>
    public static IReadOnlyList<string> PublicApiCidrs(StackConfig config) =>
        config.ClusterPublicAccessCidrs.Concat(config.DeployerCidrs).Distinct(StringComparer.Ordinal).ToArray();

    public static CertificateSource Certificate(CertificateMode mode) => mode switch
    {
        CertificateMode.Imported => CertificateSource.Imported,
        CertificateMode.SelfSigned => CertificateSource.SelfSigned,
        _ => CertificateSource.AcmDns,
    };

    public static EksAddonVersions Addons(string kubernetesVersion)
    {
        var addons = KubernetesReleases.AddonsFor(kubernetesVersion);
        return new EksAddonVersions(addons.VpcCni, addons.CoreDns, addons.KubeProxy);
    }

    /// <summary>The supernet of each side (the global CIDR plan).</summary>
    public static IReadOnlyDictionary<Partition, string> SideCidrs { get; } = new Dictionary<Partition, string>
    {
        [Partition.Aws] = NetworkPlan.SupernetOf(Side.Overseas),
        [Partition.AwsCn] = NetworkPlan.SupernetOf(Side.China),
    };

    public static IReadOnlyList<TransitRoute> Routes(IEnumerable<TransitDestination> destinations) =>
        [.. destinations.Select(d => new TransitRoute(d.Name, d.Cidr))];

    /// <summary>
    /// The stack's buckets in an AWS region, which its S3 gateway endpoint admits: the region's
    /// registry bucket and the DR buckets other regions keep there (a region rebuilt into its DR
    /// region serves that bucket from there).
    /// </summary>
    public static IReadOnlyList<string> BucketsIn(StackConfig config, string region) =>
        config.Regions.Where(r => r.Name == region).Select(r => StateNames.RegistryBucket(config.Domain, r.Name))
            .Concat(config.Regions.Concat(config.LostRegions).Where(r => r.DrRegion == region).Select(r => StateNames.DrBucket(config.Domain, r.Name)))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>
    /// Dev stacks without a named admin of the region's partition make the deployer an explicit admin
    /// (outside dev the parser requires named admins).
    /// </summary>
    public static DeployerAccess DeployerAccessOf(StackConfig config, RegionConfig region) =>
        config.Stage == Stage.Dev && !config.ClusterAdminArns.Any(a => a.StartsWith($"arn:{PartitionOf(region.Side).ArnName()}:", StringComparison.Ordinal))
            ? Cluster.DeployerAccess.ClusterAdmin
            : Cluster.DeployerAccess.None;

    /// <summary>
    /// The ECR repositories nodes in a China region pull from: the image mirror's (when it is an ECR
    /// registry) and AWS's EKS image registries of the China regions (add-ons, the Load Balancer
    /// Controller; EKS User Guide for China, "Amazon container image registries"). Null overseas: the
    /// managed read-only policy.
    /// </summary>
    public static IReadOnlyList<string>? EcrRepositories(RegionConfig region, string? mirror)
    {
        if (region.Side != Side.China)
        {
            return null;
        }

        var repositories = new List<string>
        {
            "arn:aws-cn:ecr:cn-north-1:918309763551:repository/*",
            "arn:aws-cn:ecr:cn-northwest-1:961992271922:repository/*",
        };
        var ecr = mirror is null ? null : EcrMirror().Match(mirror);
        if (ecr is { Success: true })
        {
            repositories.Insert(0, $"arn:aws-cn:ecr:{ecr.Groups[2].Value}:{ecr.Groups[1].Value}:repository/{ecr.Groups[4].Value}/*");
        }

        return repositories;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?/(.+)$")]
    private static partial System.Text.RegularExpressions.Regex EcrMirror();
}
