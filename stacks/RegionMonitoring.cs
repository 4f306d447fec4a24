using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Monitoring;
using HarborHa.Registry;
using HarborHa.Storage;

namespace HarborHa.Stacks;

/// <summary>
/// A region's alert topic and the alarms on everything the region runs: database, cache, load
/// balancers, S3 replication where the region has a DR region, Harbor's components and the nodes.
/// Geo adds the VPN's and Harbor replication's alarms to the hubs' and the primary's sets.
/// </summary>
public static class RegionMonitoring
{
    public static RegionAlarms Declare(PulumiProgram program, StackConfig config, StackServices services, RegionStack region)
    {
        var name = region.Region.Name;
        var topic = new AlertTopic(program, region.Providers.Aws, new AlertTopicArgs
        {
            Region = name,
            Emails = config.Alerts.Emails,
            ExtraTopicArns = config.Alerts.TopicArns.Where(a => AlertsConfig.RegionOf(a) == name).ToArray(),
            KeyAdminArns = config.KeyAdminArns,
            Protection = services.Protection,
        });
        var alarms = new RegionAlarms(program, topic, ThresholdsOf(config));

        DatabaseAlarms.Declare(alarms, region.Database.Identifier, HarborValues.DatabaseConnectionPool(config.Sizing.HarborReplicas));
        CacheAlarms.Declare(alarms, region.Cache.ReplicationGroupId, region.Cache.NodeCount);
        foreach (var (scheme, lb) in region.FrontDoor.LoadBalancers.OrderBy(l => l.Key))
        {
            LoadBalancerAlarms.Declare(alarms, lb.Prefix, lb.ArnSuffix, lb.TargetGroupArnSuffix);
        }

        if (region.Storage.DrBucketName is { } drBucket)
        {
            StorageReplicationAlarms.Declare(alarms, region.Storage.BucketName, drBucket, RegistryStorage.ReplicationRuleId, region.Region.DrRegion!);
        }

        ClusterProbe.Declare(program, alarms, ProbeArgs(config, region, "probe", $"harbor-ha {name} cluster probe: publishes Harbor's health and Ready nodes"),
            region.Cluster.ClusterName, $"http://{HarborChart.CoreServiceName}", config.Sizing.NodeDesiredSize);
        return alarms;
    }

    /// <summary>The thresholds of the stack: the documented defaults with the config's overrides.</summary>
    public static AlarmThresholds ThresholdsOf(StackConfig config) => new AlarmThresholds().With(config.Alerts.Thresholds);

    /// <summary>A probe in the region's Harbor namespace, from the mirror in China.</summary>
    public static MetricProbeArgs ProbeArgs(StackConfig config, RegionStack region, string role, string description) => new()
    {
        Region = region.Region.Name,
        Role = role,
        Description = description,
        AwsProvider = region.Providers.Aws,
        KubernetesProvider = region.Cluster.KubernetesProvider,
        Issuer = region.Cluster.Issuer,
        Namespace = region.Registry.Namespace,
        NamespaceName = HarborChart.Namespace,
        Image = ProbeImage.For(region.Region.Side == Side.China ? config.ChinaImageMirror : null, config.ImageDigests.GetValueOrDefault(ProbeImage.SourceReference)),
        Script = "",
        DependsOn = [region.Registry.Release.Self],
    };
}
