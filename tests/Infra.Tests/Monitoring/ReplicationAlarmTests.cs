using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Monitoring;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Monitoring;

/// <summary>
/// Harbor replication is watched per replica region, from the primary, by a probe whose only
/// permission is to publish metrics into its namespace, running an image pinned (from the mirror in China).
/// </summary>
public sealed class ReplicationAlarmTests
{
    public static TheoryData<string> Matrix() => MonitoredPrograms.Matrix();

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Every_replica_region_has_a_failed_and_a_behind_alarm_in_the_primary_region(string name)
    {
        var (config, program) = MonitoredPrograms.Of(name);
        var alarms = program.OfType(ResourceTypes.MetricAlarm).Where(a => a.Text("namespace") == MetricProbe.MetricNamespace && a.Text("metricName")!.StartsWith("Replication", StringComparison.Ordinal)).ToArray();
        if (config.Topology != Topology.Geo)
        {
            Assert.Empty(alarms);
            return;
        }

        var primary = config.Regions.Single(r => r.Role == RegionRole.Primary).Name;
        var replicas = config.Regions.Where(r => r.Role != RegionRole.Primary).Select(r => r.Name).Order(StringComparer.Ordinal).ToArray();
        foreach (var metric in new[] { "ReplicationFailed", "ReplicationBehindSeconds" })
        {
            var own = alarms.Where(a => a.Text("metricName") == metric).ToArray();
            Assert.Equal(replicas, own.Select(a => ((Text)((MapValue)a.Properties["dimensions"])["Target"]).Value).Order(StringComparer.Ordinal));
            Assert.All(own, a => Assert.Equal(primary, MonitoredPrograms.RegionOf(a)));
        }

        var window = new AlarmThresholds().With(config.Alerts.Thresholds).ReplicationWindowMinutes;
        Assert.All(alarms.Where(a => a.Text("metricName") == "ReplicationBehindSeconds"), a =>
        {
            Assert.Equal(new Number(window * 60L), a.Properties["threshold"]);
            Assert.Equal("breaching", a.Text("treatMissingData"));
        });

        // One job per replica region in the primary, reading every push rule to it.
        var jobs = program.OfType(ResourceTypes.KubernetesCronJob).Where(c => c.Name.StartsWith($"{primary}-replication-probe-", StringComparison.Ordinal)).ToArray();
        Assert.Equal(replicas.Select(r => $"{primary}-replication-probe-{r}-cronjob"), jobs.Select(j => j.Name).Order(StringComparer.Ordinal));
        var rules = program.OfType(ResourceTypes.HarborReplication);
        Assert.NotEmpty(rules);
        Assert.All(rules, r => Assert.Single(jobs, j => ((Interpolation)Env(j)["POLICY_IDS"]).Parts.Contains(r.Out("replicationPolicyId"))));
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Probes_may_only_put_metrics_into_their_namespace_and_run_a_pinned_image_from_the_mirror_in_china(string name)
    {
        var (config, program) = MonitoredPrograms.Of(name);
        var probes = program.OfType(ResourceTypes.KubernetesCronJob).Where(c => c.Name.Contains("probe", StringComparison.Ordinal)).ToArray();
        Assert.Equal(config.Regions.Count, probes.Count(p => p.Name.EndsWith("-probe-cronjob", StringComparison.Ordinal) && !p.Name.Contains("replication", StringComparison.Ordinal)));
        foreach (var probe in probes)
        {
            var region = config.Regions.Single(r => probe.Name.StartsWith(r.Name + "-", StringComparison.Ordinal));
            var image = ((Text)Container(probe)["image"]).Value;
            Assert.Matches(@":\d+\.\d+\.\d+(@sha256:[0-9a-f]{64})?$", image);
            if (region.Side == Side.China)
            {
                Assert.StartsWith(config.ChinaImageMirror + "/", image, StringComparison.Ordinal);
            }

            var role = probe.Name.Contains("-replication-probe-", StringComparison.Ordinal) ? $"{region.Name}-replication-probe" : probe.Name[..^"-cronjob".Length];
            var policy = program.Get(role + "-policy");
            var statement = Assert.Single(((ListValue)((MapValue)((ToJson)policy.Properties["policy"]).Inner)["Statement"]).Items);
            var s = (MapValue)statement;
            Assert.Equal((Value)"cloudwatch:PutMetricData", s["Action"]);
            Assert.Equal((Value)MetricProbe.MetricNamespace, ((MapValue)((MapValue)s["Condition"])["StringEquals"])["cloudwatch:namespace"]);
        }
    }

    private static MapValue Container(Resource cronJob)
    {
        var spec = (MapValue)((MapValue)((MapValue)((MapValue)((MapValue)cronJob.Properties["spec"])["jobTemplate"])["spec"])["template"])["spec"];
        return (MapValue)Assert.Single(((ListValue)spec["containers"]).Items);
    }

    private static Dictionary<string, Value> Env(Resource cronJob) =>
        ((ListValue)Container(cronJob)["env"]).Items.Cast<MapValue>()
            .ToDictionary(e => ((Text)e["name"]).Value, e => e.TryGet("value", out var v) ? v : e["valueFrom"], StringComparer.Ordinal);
}
