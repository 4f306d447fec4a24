using System.Text.RegularExpressions;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Monitoring;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Monitoring;

/// <summary>
/// Issue 13's alarm contract, on generated configs and the committed stacks: every region alarms on
/// its database, cache and load balancers, on S3 replication where it has a DR region, on Harbor and
/// its nodes; geo alarms on every VPN tunnel and appliance; every alarm notifies a topic of its own
/// region and says where its runbook is.
/// </summary>
public sealed partial class AlarmCoverageTests
{
    public static TheoryData<string> Matrix() => MonitoredPrograms.Matrix();

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Every_region_alarms_on_its_database_cache_load_balancers_cluster_and_dr_replication(string name)
    {
        var (config, program) = MonitoredPrograms.Of(name);
        foreach (var region in config.Regions)
        {
            var alarms = MonitoredPrograms.AlarmsIn(program, region.Name);
            string[] Metrics(string ns) => alarms.Where(a => MonitoredPrograms.Namespace(a) == ns).Select(a => a.Text("metricName")!).Distinct().Order(StringComparer.Ordinal).ToArray();

            Assert.Equal(["CPUUtilization", "DatabaseConnections", "FreeStorageSpace", "FreeableMemory"], Metrics("AWS/RDS"));
            var cacheMetrics = new List<string> { "DatabaseMemoryUsagePercentage", "EngineCPUUtilization", "Evictions" };
            var cache = program.Get(LogicalName.Of(region.Name, "cache", "group"));
            var nodes = (int)((Number)cache.Properties["numCacheClusters"]).Value;
            if (nodes > 1)
            {
                cacheMetrics.Add("ReplicationLag");
            }

            Assert.Equal(cacheMetrics.Order(StringComparer.Ordinal), Metrics("AWS/ElastiCache"));
            // One set per node: a failed replica is as much a problem as a failed primary.
            Assert.Equal(nodes * 3 + (nodes > 1 ? nodes : 0), alarms.Count(a => MonitoredPrograms.Namespace(a) == "AWS/ElastiCache"));

            var loadBalancers = program.Resources.Where(r => ResourceTypes.LoadBalancers.Contains(r.Type) && MonitoredPrograms.RegionOf(r) == region.Name).ToArray();
            Assert.NotEmpty(loadBalancers);
            foreach (var lb in loadBalancers)
            {
                var own = alarms.Where(a => a.Properties["dimensions"] is MapValue d && d.TryGet("LoadBalancer", out var v) && v == lb.Out("arnSuffix")).ToArray();
                Assert.Equal(["HTTPCode_ELB_5XX_Count", "HTTPCode_Target_5XX_Count", "TargetResponseTime", "UnHealthyHostCount"],
                    own.Select(a => a.Text("metricName")!).Order(StringComparer.Ordinal));
            }

            Assert.Equal(region.DrRegion is null ? [] : ["OperationsFailedReplication", "ReplicationLatency"], Metrics("AWS/S3"));
            Assert.Equal(["HarborComponentHealthy", "ReadyNodes"], Metrics(MetricProbe.MetricNamespace).Where(m => !m.StartsWith("Replication", StringComparison.Ordinal)));
            Assert.Equal(["core", "jobservice", "registry"], alarms.Where(a => a.Text("metricName") == "HarborComponentHealthy")
                .Select(a => ((Text)((MapValue)a.Properties["dimensions"])["Component"]).Value).Order(StringComparer.Ordinal));

            // Failovers and failures arrive as events.
            var rules = program.OfType(ResourceTypes.EventRule).Where(r => MonitoredPrograms.RegionOf(r) == region.Name).Select(r => r.Name).ToArray();
            Assert.Contains(LogicalName.Of(region.Name, "events", "db"), rules);
            Assert.Contains(LogicalName.Of(region.Name, "events", "cache"), rules);
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Every_alarm_and_event_rule_notifies_an_encrypted_topic_of_its_own_region(string name)
    {
        var (config, program) = MonitoredPrograms.Of(name);
        var topics = program.OfType(ResourceTypes.SnsTopic).ToDictionary(t => t.Name, StringComparer.Ordinal);
        Assert.Equal(config.Regions.Select(r => LogicalName.Of(r.Name, "alerts", "topic")).Order(StringComparer.Ordinal), topics.Keys.Order(StringComparer.Ordinal));
        foreach (var topic in topics.Values)
        {
            var key = Assert.IsType<Ref>(topic.Properties["kmsMasterKeyId"]);
            Assert.Equal(ResourceTypes.KmsKey, program.Get(key.Target).Type);
            Assert.Equal(topic.Options.Provider, program.Get(key.Target).Options.Provider);
        }

        var alarms = program.OfType(ResourceTypes.MetricAlarm);
        Assert.NotEmpty(alarms);
        foreach (var alarm in alarms)
        {
            var actions = ((ListValue)alarm.Properties["alarmActions"]).Items.OfType<Ref>().Where(r => topics.ContainsKey(r.Target)).ToArray();
            var topic = Assert.Single(actions);
            Assert.Equal(topics[topic.Target].Options.Provider, alarm.Options.Provider);
            Assert.StartsWith(MonitoredPrograms.RegionOf(alarm) + "-", topic.Target, StringComparison.Ordinal);
        }

        foreach (var target in program.OfType(ResourceTypes.EventTarget))
        {
            var topic = Assert.IsType<Ref>(target.Properties["arn"]);
            Assert.Equal(program.Get(topic.Target).Options.Provider, target.Options.Provider);
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Every_alarm_names_its_region_component_and_an_existing_runbook_section(string name)
    {
        var (_, program) = MonitoredPrograms.Of(name);
        var anchors = DocAnchors();
        foreach (var alarm in program.OfType(ResourceTypes.MetricAlarm))
        {
            var description = alarm.Text("alarmDescription")!;
            Assert.StartsWith($"harbor-ha {MonitoredPrograms.RegionOf(alarm)} ", description, StringComparison.Ordinal);
            var match = RunbookPattern().Match(description);
            Assert.True(match.Success, $"{alarm.Name}: no runbook in '{description}'");
            Assert.Contains(match.Groups[1].Value, anchors);
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Geo_alarms_on_every_vpn_tunnel_and_every_appliance(string name)
    {
        var (config, program) = MonitoredPrograms.Of(name);
        var connections = program.OfType(ResourceTypes.VpnConnection);
        var appliances = program.OfType(ResourceTypes.Ec2Instance).Where(i => i.Name.Contains("-vpn-appliance-", StringComparison.Ordinal)).ToArray();
        var alarms = program.OfType(ResourceTypes.MetricAlarm);
        foreach (var connection in connections)
        {
            foreach (var tunnel in new[] { 1, 2 })
            {
                Assert.Single(alarms, a => a.Text("metricName") == "TunnelState" && a.Properties["dimensions"] is MapValue d
                    && d["VpnId"] == connection.Id && d["TunnelIpAddress"] == connection.Out($"tunnel{tunnel}Address")
                    && a.Options.Provider == connection.Options.Provider);
            }
        }

        foreach (var appliance in appliances)
        {
            Assert.Single(alarms, a => a.Text("metricName") == "StatusCheckFailed" && a.Properties["dimensions"] is MapValue d
                && d["InstanceId"] == appliance.Id && a.Options.Provider == appliance.Options.Provider);
        }

        var crossesBorder = config.Topology == Topology.Geo && config.Regions.Select(r => r.Side).Distinct().Count() == 2;
        Assert.Equal(crossesBorder, connections.Count > 0);
        Assert.Equal(crossesBorder, appliances.Length > 0);
    }

    [Fact]
    public void Thresholds_from_config_reach_the_alarms_and_the_descriptions()
    {
        var yaml = ConfigMatrixTestsYaml() + """
              harbor-ha:alerts:
                emails: [ops@example.com, oncall@example.com]
                topicArns: [arn:aws:sns:ap-southeast-1:111122223333:pager]
                thresholds: { dbCpuPercent: 65, albUnhealthyMinutes: 3 }
            """;
        var program = TestConfigs.Synth(yaml);
        var cpu = program.Get("ap-southeast-1-alarm-db-cpu");
        Assert.Equal(new Number(65), cpu.Properties["threshold"]);
        Assert.Contains("65%", cpu.Text("alarmDescription"), StringComparison.Ordinal);
        Assert.Equal(new Number(3), program.Get("ap-southeast-1-alarm-lb-public-unhealthy").Properties["evaluationPeriods"]);
        Assert.Contains((Value)"arn:aws:sns:ap-southeast-1:111122223333:pager", ((ListValue)cpu.Properties["alarmActions"]).Items);
        Assert.Equal(["ap-southeast-1-alerts-email-oncall-example-com", "ap-southeast-1-alerts-email-ops-example-com"],
            program.OfType(ResourceTypes.SnsTopicSubscription).Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Docs_list_every_threshold_with_its_default()
    {
        var rows = File.ReadAllLines(Path.Combine(TestConfigs.RepoRoot(), "docs", "operations.md")).Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToArray();
        var defaults = new AlarmThresholds();
        foreach (var name in AlarmThresholds.Names)
        {
            var row = Assert.Single(rows, r => r.StartsWith($"| `{name}` |", StringComparison.Ordinal));
            Assert.StartsWith($"| `{name}` | {defaults[name]} |", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_config_and_the_alarms_know_the_same_threshold_names() =>
        Assert.Equal(AlarmThresholds.Names, AlertsConfig.ThresholdNames);

    [Theory]
    [InlineData("thresholds: { dbCpu: 50 }", "harbor-ha:alerts.thresholds.dbCpu", "is not a known alarm threshold")]
    [InlineData("thresholds: { dbCpuPercent: -1 }", "harbor-ha:alerts.thresholds.dbCpuPercent", "")]
    [InlineData("emails: [not-an-address]", "harbor-ha:alerts.emails[0]", "must be an email address")]
    [InlineData("topicArns: [arn:aws:sns:eu-west-1:111122223333:pager]", "harbor-ha:alerts.topicArns[0]", "not a region of this stack")]
    [InlineData("topicArns: [pager]", "harbor-ha:alerts.topicArns[0]", "must be an SNS topic ARN")]
    [InlineData("pagers: []", "harbor-ha:alerts.pagers", "")]
    public void Bad_alert_settings_are_errors_naming_the_key(string setting, string key, string message)
    {
        var e = Assert.Throws<ConfigException>(() => TestConfigs.Parse(ConfigMatrixTestsYaml() + $"  harbor-ha:alerts: {{ {setting} }}\n"));
        Assert.Contains(e.Errors, x => x.Key == key && x.Message.Contains(message, StringComparison.Ordinal));
    }

    private static string ConfigMatrixTestsYaml() =>
        Checks.ConfigMatrixTests.StackYaml(new Checks.ConfigMatrixTests.Case("ha", "public", "acm-dns", "overseas", "prod"));

    /// <summary>The heading anchors of docs/operations.md (GitHub's: lowercase, spaces to dashes, punctuation dropped).</summary>
    public static IReadOnlySet<string> DocAnchors() =>
        File.ReadAllLines(Path.Combine(TestConfigs.RepoRoot(), "docs", "operations.md"))
            .Where(l => l.StartsWith('#'))
            .Select(l => Regex.Replace(l.TrimStart('#').Trim().ToLowerInvariant(), @"[^a-z0-9 -]", "").Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"Runbook: docs/operations\.md#([a-z0-9-]+)$")]
    private static partial Regex RunbookPattern();
}
