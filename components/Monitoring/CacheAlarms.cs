using HarborHa.Model;

namespace HarborHa.Monitoring;

/// <summary>Redis (ElastiCache) alarms per node, and the service's events for the region.</summary>
public static class CacheAlarms
{
    public const string Runbook = "cache-alarms";

    /// <param name="alarms">The region's alarms.</param>
    /// <param name="replicationGroupId">The replication group's id.</param>
    /// <param name="nodeCount">Primary plus replicas; ElastiCache names a cluster-mode-disabled group's
    /// nodes <c>&lt;group&gt;-001</c>, <c>-002</c>, … and reports per node.</param>
    public static IReadOnlyList<Resource> Declare(RegionAlarms alarms, Value replicationGroupId, int nodeCount)
    {
        var t = alarms.Thresholds;
        var resources = new List<Resource>();
        for (var i = 1; i <= nodeCount; i++)
        {
            var node = $"{i:000}";
            var dims = new MapValue { ["CacheClusterId"] = new Interpolation(replicationGroupId, $"-{node}") };
            AlarmSpec Spec(string role, string summary, string threshold, string metric, string statistic, int periods, long value) =>
                new($"cache-{node}-{role}", $"Redis node {node}", Runbook, summary, threshold, "AWS/ElastiCache", metric, dims, statistic, 300, periods, value, "GreaterThanThreshold");
            resources.Add(alarms.Add(Spec("cpu", $"engine CPU above {t.CacheCpuPercent}% for 15 minutes", "cacheCpuPercent", "EngineCPUUtilization", "Average", 3, t.CacheCpuPercent)));
            resources.Add(alarms.Add(Spec("memory", $"memory above {t.CacheMemoryPercent}% of max memory", "cacheMemoryPercent", "DatabaseMemoryUsagePercentage", "Average", 2, t.CacheMemoryPercent)));
            resources.Add(alarms.Add(Spec("evictions", $"more than {t.CacheEvictions} keys evicted in 5 minutes", "cacheEvictions", "Evictions", "Sum", 1, t.CacheEvictions)));
            if (nodeCount > 1)
            {
                // Reported by replicas only; the primary has none, so missing data is normal there.
                resources.Add(alarms.Add(Spec("replication-lag", $"replica more than {t.CacheReplicationLagSeconds} s behind the primary", "cacheReplicationLagSeconds", "ReplicationLag", "Maximum", 2, t.CacheReplicationLagSeconds)));
            }
        }

        // Failovers and node replacements are events; ElastiCache sends them to EventBridge (EventBridge reference, ElastiCache events).
        resources.Add(alarms.AddEventRule("cache", $"harbor-ha {alarms.Region} Redis events: failed updates, updates (failover, node replacement), limits. Runbook: {RegionAlarms.RunbookDocument}#{Runbook}",
            new ToJson(new MapValue
            {
                ["source"] = Value.List("aws.elasticache"),
                ["detail-type"] = Value.List("Cache Update Failed", "Cache Updated", "Cache Limit Approaching", "Snapshot Creation Failed"),
            })));
        return resources;
    }
}
