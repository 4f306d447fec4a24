using HarborHa.Model;

namespace HarborHa.Monitoring;

/// <summary>S3 replication of the registry bucket to its DR region (replication metrics are on for the rule).</summary>
public static class StorageReplicationAlarms
{
    public const string Runbook = "s3-replication-alarms";

    public static IReadOnlyList<Resource> Declare(RegionAlarms alarms, Value sourceBucket, Value destinationBucket, string ruleId, string drRegion)
    {
        var t = alarms.Thresholds;
        var dims = new MapValue { ["SourceBucket"] = sourceBucket, ["DestinationBucket"] = destinationBucket, ["RuleId"] = ruleId };
        var component = $"registry bucket replication to {drRegion}";
        return
        [
            alarms.Add(new AlarmSpec("s3-replication-failed", component, Runbook, $"more than {t.S3FailedReplications} objects failed to replicate in 5 minutes", "s3FailedReplications",
                "AWS/S3", "OperationsFailedReplication", dims, "Sum", 300, 1, t.S3FailedReplications, "GreaterThanThreshold", "notBreaching")),
            alarms.Add(new AlarmSpec("s3-replication-latency", component, Runbook, $"replication more than {t.S3ReplicationLatencySeconds} s behind", "s3ReplicationLatencySeconds",
                "AWS/S3", "ReplicationLatency", dims, "Maximum", 300, 3, t.S3ReplicationLatencySeconds, "GreaterThanThreshold", "notBreaching")),
        ];
    }
}
