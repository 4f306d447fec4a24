using HarborHa.Model;

namespace HarborHa.Monitoring;

/// <summary>PostgreSQL (RDS) alarms, and its failure, failover, storage and backup events.</summary>
public static class DatabaseAlarms
{
    public const string Runbook = "database-alarms";

    /// <param name="alarms">The region's alarms.</param>
    /// <param name="instanceIdentifier">The RDS instance identifier (the metrics' dimension).</param>
    /// <param name="connectionPool">Connections Harbor may open at most (every pod's pool together).</param>
    public static IReadOnlyList<Resource> Declare(RegionAlarms alarms, Value instanceIdentifier, int connectionPool)
    {
        var t = alarms.Thresholds;
        var dims = new MapValue { ["DBInstanceIdentifier"] = instanceIdentifier };
        AlarmSpec Spec(string role, string summary, string threshold, string metric, string statistic, int period, int periods, long value, string comparison) =>
            new(role, "PostgreSQL", Runbook, summary, threshold, "AWS/RDS", metric, dims, statistic, period, periods, value, comparison);
        var connections = Math.Max(1, connectionPool * t.DbConnectionsPercent / 100);
        var resources = new List<Resource>
        {
            alarms.Add(Spec("db-cpu", $"CPU above {t.DbCpuPercent}% for 15 minutes", "dbCpuPercent",
                "CPUUtilization", "Average", 300, 3, t.DbCpuPercent, "GreaterThanThreshold")),
            alarms.Add(Spec("db-free-storage", $"less than {t.DbFreeStorageGb} GiB of storage free", "dbFreeStorageGb",
                "FreeStorageSpace", "Minimum", 300, 1, t.DbFreeStorageGb * 1024L * 1024 * 1024, "LessThanThreshold")),
            alarms.Add(Spec("db-freeable-memory", $"less than {t.DbFreeableMemoryMb} MiB of memory free for 15 minutes", "dbFreeableMemoryMb",
                "FreeableMemory", "Average", 300, 3, t.DbFreeableMemoryMb * 1024L * 1024, "LessThanThreshold")),
            alarms.Add(Spec("db-connections", $"more than {connections} connections ({t.DbConnectionsPercent}% of Harbor's pools of {connectionPool})", "dbConnectionsPercent",
                "DatabaseConnections", "Maximum", 300, 2, connections, "GreaterThanThreshold")),
        };

        // Failover, failure, low storage and backup (automated-backup replication included) arrive as events, not metrics.
        resources.Add(alarms.AddEventRule("db", $"harbor-ha {alarms.Region} PostgreSQL events: failure, failover, low storage, backup. Runbook: {RegionAlarms.RunbookDocument}#{Runbook}",
            new ToJson(new MapValue
            {
                ["source"] = Value.List("aws.rds"),
                ["detail-type"] = Value.List("RDS DB Instance Event"),
                ["detail"] = new MapValue
                {
                    ["SourceIdentifier"] = Value.List(instanceIdentifier),
                    ["EventCategories"] = Value.List("failure", "failover", "low storage", "backup", "recovery"),
                },
            })));
        return resources;
    }
}
