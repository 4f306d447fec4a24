namespace HarborHa.Monitoring;

/// <summary>
/// Where each alarm fires. Every default is documented in docs/operations.md (alarm table) and each
/// can be overridden by name (<see cref="Names"/>); all are whole numbers in the unit the name says.
/// </summary>
public sealed record AlarmThresholds
{
    /// <summary>RDS CPU, percent (5-minute average, three periods). Default 80.</summary>
    public int DbCpuPercent { get; init; } = 80;

    /// <summary>RDS free storage, GiB. Default 10: storage autoscaling should have acted well before.</summary>
    public int DbFreeStorageGb { get; init; } = 10;

    /// <summary>RDS freeable memory, MiB. Default 256.</summary>
    public int DbFreeableMemoryMb { get; init; } = 256;

    /// <summary>Database connections as a percentage of Harbor's connection pools. Default 80.</summary>
    public int DbConnectionsPercent { get; init; } = 80;

    /// <summary>ElastiCache engine CPU per node, percent. Default 80 (Redis runs on one core).</summary>
    public int CacheCpuPercent { get; init; } = 80;

    /// <summary>ElastiCache memory used, percent of the node's max memory. Default 80.</summary>
    public int CacheMemoryPercent { get; init; } = 80;

    /// <summary>Evicted keys per 5 minutes above which the alarm fires. Default 0: Harbor's job queue lives in Redis.</summary>
    public int CacheEvictions { get; init; }

    /// <summary>Replica lag behind the primary, seconds. Default 30.</summary>
    public int CacheReplicationLagSeconds { get; init; } = 30;

    /// <summary>5xx answers from Harbor's pods per 5 minutes. Default 50.</summary>
    public int AlbTarget5xx { get; init; } = 50;

    /// <summary>5xx answers from the load balancer itself per 5 minutes. Default 50.</summary>
    public int AlbElb5xx { get; init; } = 50;

    /// <summary>Average target response time, seconds (large layer uploads are slow by nature). Default 10.</summary>
    public int AlbResponseTimeSeconds { get; init; } = 10;

    /// <summary>Minutes with an unhealthy target before the alarm fires. Default 5.</summary>
    public int AlbUnhealthyMinutes { get; init; } = 5;

    /// <summary>Failed S3 replication operations per 5 minutes above which the alarm fires. Default 0.</summary>
    public int S3FailedReplications { get; init; }

    /// <summary>S3 replication latency to the DR bucket, seconds. Default 3600.</summary>
    public int S3ReplicationLatencySeconds { get; init; } = 3600;

    /// <summary>Minutes a VPN tunnel may be down. Default 5.</summary>
    public int VpnTunnelDownMinutes { get; init; } = 5;

    /// <summary>Minutes with fewer Ready nodes than the node group's desired size. Default 10.</summary>
    public int NodesNotReadyMinutes { get; init; } = 10;

    /// <summary>Minutes Harbor core, registry or jobservice may report unhealthy. Default 5.</summary>
    public int HarborUnavailableMinutes { get; init; } = 5;

    /// <summary>
    /// Minutes a replica region may stay behind the primary (work started there since the last
    /// successful replication) before the alarm fires. Default 30.
    /// </summary>
    public int ReplicationWindowMinutes { get; init; } = 30;

    /// <summary>The override names (<c>alerts.thresholds.&lt;name&gt;</c>), camelCase of the properties.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(AlarmThresholds).GetProperties()
        .Where(p => p.PropertyType == typeof(int) && p.GetIndexParameters().Length == 0)
        .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>These thresholds with <paramref name="overrides"/> (name → value) applied; an unknown name is a bug in the caller.</summary>
    public AlarmThresholds With(IReadOnlyDictionary<string, int> overrides)
    {
        var copy = this with { };
        foreach (var (name, value) in overrides)
        {
            var property = typeof(AlarmThresholds).GetProperty(char.ToUpperInvariant(name[0]) + name[1..])
                ?? throw new ArgumentException($"unknown alarm threshold '{name}'", nameof(overrides));
            property.SetValue(copy, value);
        }

        return copy;
    }

    /// <summary>The value of a threshold by its override name.</summary>
    public int this[string name] => (int)(typeof(AlarmThresholds).GetProperty(char.ToUpperInvariant(name[0]) + name[1..])?.GetValue(this)
        ?? throw new ArgumentException($"unknown alarm threshold '{name}'", nameof(name)));
}
