using HarborHa.Model;

namespace HarborHa.Monitoring;

/// <summary>
/// The region's cluster probe and its alarms: Harbor core, registry and jobservice healthy (Harbor's
/// own <c>/api/v2.0/health</c>, which checks each component), and as many Ready nodes as the node
/// group should have. A probe that stops publishing alarms too (missing data is breaching).
/// </summary>
public static class ClusterProbe
{
    public const string Runbook = "cluster-alarms";

    /// <summary>The Harbor components whose health is alarmed on.</summary>
    public static readonly IReadOnlyList<string> WatchedComponents = ["core", "jobservice", "registry"];

    /// <summary>
    /// The script: no jq in the image, so JSON is split at <c>{</c> and matched per object; Kubernetes
    /// and Harbor write compact JSON with fields in a fixed order (Go struct order).
    /// </summary>
    public const string Script = """
        set -u
        put() { aws cloudwatch put-metric-data --namespace "$METRIC_NAMESPACE" --metric-name "$1" --dimensions "$2" --value "$3" --unit Count; }
        health=$(curl -fsS --max-time 15 "$HARBOR_URL/api/v2.0/health" || true)
        for c in core registry jobservice; do
          v=0
          if printf '%s' "$health" | tr '{' '\n' | grep "\"name\":\"$c\"" | grep -q '"status":"healthy"'; then v=1; fi
          put HarborComponentHealthy "Cluster=$CLUSTER,Component=$c" "$v"
        done
        sa=/var/run/secrets/kubernetes.io/serviceaccount
        nodes=$(curl -fsS --max-time 15 --cacert "$sa/ca.crt" -H "Authorization: Bearer $(cat "$sa/token")" https://kubernetes.default.svc/api/v1/nodes || true)
        ready=$(printf '%s' "$nodes" | tr '{' '\n' | grep -c '"type":"Ready","status":"True"' || true)
        put ReadyNodes "Cluster=$CLUSTER" "${ready:-0}"
        """;

    /// <param name="program">The program to declare into.</param>
    /// <param name="alarms">The region's alarms.</param>
    /// <param name="args">The probe (its script and environment are set here).</param>
    /// <param name="clusterName">The EKS cluster's name (a dimension of every metric).</param>
    /// <param name="harborUrl">Harbor core's in-cluster URL, e.g. <c>http://harbor-core</c>.</param>
    /// <param name="expectedNodes">Ready nodes expected: the node group's desired size.</param>
    public static MetricProbe Declare(PulumiProgram program, RegionAlarms alarms, MetricProbeArgs args, Value clusterName, string harborUrl, int expectedNodes)
    {
        var probe = new MetricProbe(program, args with
        {
            Script = Script,
            ReadsNodes = true,
            Environment = new Dictionary<string, Value> { ["CLUSTER"] = clusterName, ["HARBOR_URL"] = harborUrl },
        });
        var t = alarms.Thresholds;
        foreach (var component in WatchedComponents)
        {
            alarms.Add(new AlarmSpec($"harbor-{component}-unavailable", $"Harbor {component}", Runbook,
                $"unhealthy (or not measured) for {t.HarborUnavailableMinutes} minutes", "harborUnavailableMinutes",
                MetricProbe.MetricNamespace, "HarborComponentHealthy", new MapValue { ["Cluster"] = clusterName, ["Component"] = component },
                "Minimum", 60, t.HarborUnavailableMinutes, 1, "LessThanThreshold", "breaching"));
        }

        alarms.Add(new AlarmSpec("nodes-not-ready", "EKS nodes", Runbook,
            $"fewer than {expectedNodes} Ready nodes (the node group's desired size) for {t.NodesNotReadyMinutes} minutes", "nodesNotReadyMinutes",
            MetricProbe.MetricNamespace, "ReadyNodes", new MapValue { ["Cluster"] = clusterName },
            "Maximum", 60, t.NodesNotReadyMinutes, expectedNodes, "LessThanThreshold", "breaching"));
        return probe;
    }
}
