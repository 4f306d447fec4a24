namespace HarborHa.Configuration;

/// <summary>
/// <c>harbor-ha:alerts</c>: who hears the alarms and where they fire (docs/operations.md, alarms).
/// Every region alarms to a topic of its own whatever this says; this only adds subscribers.
/// </summary>
public sealed record AlertsConfig
{
    /// <summary>The override names of <c>alerts.thresholds</c>; a test keeps them equal to the alarms' own list.</summary>
    public static readonly IReadOnlyList<string> ThresholdNames =
    [
        "albElb5xx", "albResponseTimeSeconds", "albTarget5xx", "albUnhealthyMinutes", "cacheCpuPercent", "cacheEvictions",
        "cacheMemoryPercent", "cacheReplicationLagSeconds", "dbConnectionsPercent", "dbCpuPercent", "dbFreeStorageGb",
        "dbFreeableMemoryMb", "harborUnavailableMinutes", "nodesNotReadyMinutes", "replicationWindowMinutes",
        "s3FailedReplications", "s3ReplicationLatencySeconds", "vpnTunnelDownMinutes",
    ];

    /// <summary><c>emails</c>: addresses subscribed to every region's topic. Default none.</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>
    /// <c>topicArns</c>: SNS topics of the stack's regions that alarms of the topic's region also
    /// notify (alarm actions cannot cross regions). Default none.
    /// </summary>
    public IReadOnlyList<string> TopicArns { get; init; } = [];

    /// <summary><c>thresholds</c>: overrides by name (<see cref="ThresholdNames"/>). Default none.</summary>
    public IReadOnlyDictionary<string, int> Thresholds { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

    /// <summary>The region named in a topic ARN (<c>arn:aws:sns:&lt;region&gt;:&lt;account&gt;:&lt;name&gt;</c>).</summary>
    public static string RegionOf(string topicArn) => topicArn.Split(':')[3];
}
