using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// awsguard elb-logging-enabled, for application load balancers (network load balancers log only
/// TLS listeners, which harbor-ha does not use).
/// </summary>
public sealed class AlbAccessLogsRule : ICheckRule
{
    public string Id => "alb-access-logs";

    public string Reason => "every application load balancer writes access logs to a bucket";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(
            index.OfType(ResourceTypes.LoadBalancers).Where(lb => (Props.Text(lb.Property("loadBalancerType")) ?? "application") == "application"),
            lb => RuleHelpers.When(!Props.IsTrue(lb.Property("accessLogs.enabled")) || !Props.IsSet(lb.Property("accessLogs.bucket")),
                "accessLogs is not enabled with a bucket"));
    }
}
