using HarborHa.Model;

namespace HarborHa.Monitoring;

/// <summary>Application load balancer alarms: errors from Harbor and from the load balancer, unhealthy targets, latency.</summary>
public static class LoadBalancerAlarms
{
    public const string Runbook = "load-balancer-alarms";

    /// <param name="alarms">The region's alarms.</param>
    /// <param name="role"><c>public</c> or <c>internal</c>.</param>
    /// <param name="arnSuffix">The load balancer's <c>arnSuffix</c> (its metrics' dimension).</param>
    /// <param name="targetGroupArnSuffix">The target group's <c>arnSuffix</c>.</param>
    public static IReadOnlyList<Resource> Declare(RegionAlarms alarms, string role, Value arnSuffix, Value targetGroupArnSuffix)
    {
        var t = alarms.Thresholds;
        var lb = new MapValue { ["LoadBalancer"] = arnSuffix };
        var tg = new MapValue { ["LoadBalancer"] = arnSuffix, ["TargetGroup"] = targetGroupArnSuffix };
        var component = $"{role} load balancer";
        AlarmSpec Spec(string name, string summary, string threshold, string metric, MapValue dims, string statistic, int period, int periods, long value, string missing = "notBreaching") =>
            new($"lb-{role}-{name}", component, Runbook, summary, threshold, "AWS/ApplicationELB", metric, dims, statistic, period, periods, value, "GreaterThanThreshold", missing);
        return
        [
            alarms.Add(Spec("target-5xx", $"more than {t.AlbTarget5xx} 5xx answers from Harbor in 5 minutes", "albTarget5xx", "HTTPCode_Target_5XX_Count", lb, "Sum", 300, 1, t.AlbTarget5xx)),
            alarms.Add(Spec("elb-5xx", $"more than {t.AlbElb5xx} 5xx answers from the load balancer in 5 minutes", "albElb5xx", "HTTPCode_ELB_5XX_Count", lb, "Sum", 300, 1, t.AlbElb5xx)),
            alarms.Add(Spec("unhealthy", $"an unhealthy Harbor target for {t.AlbUnhealthyMinutes} minutes", "albUnhealthyMinutes", "UnHealthyHostCount", tg, "Maximum", 60, t.AlbUnhealthyMinutes, 0)),
            alarms.Add(Spec("response-time", $"average response time above {t.AlbResponseTimeSeconds} s for 15 minutes", "albResponseTimeSeconds", "TargetResponseTime", lb, "Average", 300, 3, t.AlbResponseTimeSeconds)),
        ];
    }
}
