using HarborHa.Cluster;
using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.LoadBalancer;
using HarborHa.Network;
using HarborHa.Planning;

namespace HarborHa.Stacks;

/// <summary>The small translations from config vocabulary to component vocabulary, in one place.</summary>
public static class ConfigMapping
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
}
