using HarborHa.Model;

namespace HarborHa.Monitoring;

/// <summary>
/// Harbor replication from the primary, watched per replica region. Harbor keeps execution status
/// only in its API and database, so a CronJob in the primary's cluster reads the replication
/// executions of each target's rules every five minutes and publishes, per target region,
/// <c>ReplicationFailed</c> (the latest execution of a rule failed) and
/// <c>ReplicationBehindSeconds</c> (how long work has waited since the last success; 0 when the
/// latest execution succeeded). The alarms live in the primary's region, beside the metrics: a
/// metric cannot be alarmed on from another region, and a China replica's account cannot see an
/// overseas primary's metrics.
/// </summary>
public static class ReplicationProbe
{
    public const string Runbook = "harbor-replication-alarms";

    /// <summary>
    /// The script, one job per target region: <c>POLICY_IDS</c> lists the target's rules (comma-separated); the admin
    /// password comes from Harbor's own Secret. JSON is read with grep (no jq in the image): the
    /// executions API returns compact JSON, one execution per request here (<c>page_size=1</c>).
    /// A probe that cannot reach Harbor publishes nothing, which the "behind" alarm treats as breaching.
    /// </summary>
    public const string Script = """
        set -u
        api="$HARBOR_URL/api/v2.0/replication/executions"
        now=$(date +%s)
        field() { printf '%s' "$1" | grep -o "\"$2\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }
        get() { curl -fsS --max-time 15 -u "admin:$HARBOR_ADMIN_PASSWORD" "$api?policy_id=$1&page=1&page_size=1&sort=-start_time$2"; }
        put() { aws cloudwatch put-metric-data --namespace "$METRIC_NAMESPACE" --metric-name "$1" --dimensions "Target=$TARGET" --value "$2" --unit "$3"; }
        failed=0; behind=0
        for id in $(printf '%s' "${POLICY_IDS#ids:}" | tr ',' ' '); do
          latest=$(get "$id" "") || exit 1
          success=$(get "$id" "&status=Succeed") || exit 1
          status=$(field "$latest" status)
          [ "$status" = "Failed" ] && failed=1
          started=$(field "$latest" start_time)
          if [ -n "$started" ] && [ "$status" != "Succeed" ]; then
            ended=$(field "$success" end_time)
            since=$(date -d "${ended:-$started}" +%s)
            [ $((now - since)) -gt "$behind" ] && behind=$((now - since))
          fi
        done
        put ReplicationFailed "$failed" Count
        put ReplicationBehindSeconds "$behind" Seconds
        """;

    /// <summary>Declares the probe in the primary's cluster and two alarms per target in the primary's region.</summary>
    /// <param name="program">The program to declare into.</param>
    /// <param name="alarms">The primary region's alarms.</param>
    /// <param name="args">The probe (script and environment are set here).</param>
    /// <param name="policyIds">Per target region, the <c>replicationPolicyId</c> of every rule that pushes to it.</param>
    /// <param name="harborUrl">Harbor core's in-cluster URL.</param>
    /// <param name="adminSecretName">The Secret holding the admin password.</param>
    /// <param name="adminSecretKey">Its key.</param>
    public static MetricProbe Declare(PulumiProgram program, RegionAlarms alarms, MetricProbeArgs args,
        IReadOnlyDictionary<string, IReadOnlyList<Value>> policyIds, string harborUrl, Value adminSecretName, string adminSecretKey)
    {
        if (policyIds.Count == 0 || policyIds.Values.Any(ids => ids.Count == 0))
        {
            throw new ProgramException("the replication probe needs at least one rule per target region");
        }

        // One job per target: adding a replica region adds a job and changes none of the others.
        var probe = new MetricProbe(program, args with { Script = "" });
        foreach (var (target, ids) in policyIds.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            probe.Job(LogicalName.Of(args.Region, args.Role, target, "cronjob"), $"harbor-ha-replication-{target}", Script, new Dictionary<string, Value>
            {
                ["HARBOR_URL"] = harborUrl,
                ["TARGET"] = target,
                // A text prefix keeps the value a string (an env value must be) even with one numeric id.
                ["POLICY_IDS"] = new Interpolation(["ids:", .. ids.SelectMany((id, i) => i == 0 ? new[] { id } : [(Value)",", id])]),
                ["HARBOR_ADMIN_PASSWORD"] = new MapValue { ["secretKeyRef"] = new MapValue { ["name"] = adminSecretName, ["key"] = adminSecretKey } },
            }, "*/5 * * * *");
        }

        var window = alarms.Thresholds.ReplicationWindowMinutes;
        foreach (var target in policyIds.Keys.Order(StringComparer.Ordinal))
        {
            var dims = new MapValue { ["Target"] = target };
            var component = $"Harbor replication to {target}";
            alarms.Add(new AlarmSpec($"replication-{target}-failed", component, Runbook, "the latest replication execution failed", null,
                MetricProbe.MetricNamespace, "ReplicationFailed", dims, "Maximum", 600, 1, 0, "GreaterThanThreshold", "notBreaching"));
            alarms.Add(new AlarmSpec($"replication-{target}-behind", component, Runbook,
                $"no successful replication for more than {window} minutes while work waits (or the probe cannot read Harbor)", "replicationWindowMinutes",
                MetricProbe.MetricNamespace, "ReplicationBehindSeconds", dims, "Maximum", 600, 1, window * 60L, "GreaterThanThreshold", "breaching"));
        }

        return probe;
    }
}
