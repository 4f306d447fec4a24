using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// No security group admits the whole internet, except an application load balancer's group on
/// TCP 80 (redirected) and 443. Everything else reaches its targets from named groups or private CIDRs.
/// </summary>
public sealed class OpenIngressRule : ICheckRule
{
    public string Id => "open-ingress";

    public string Reason => "no 0.0.0.0/0 or ::/0 ingress, except an application load balancer on TCP 80/443";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return Ingress.WithCidrs(index)
            .Where(i => i.IsAnywhere && !(i.IsTcpPortIn(80, 443) && GuardsLoadBalancer(index, i.Group)))
            .Select(i => new Finding(i.Declared.Name,
                $"admits {i.Describe()} into {i.Group?.Name ?? "an undeclared group"}{(i.IsTcpPortIn(80, 443) ? ", which no application load balancer uses" : "")}"));
    }

    private static bool GuardsLoadBalancer(ProgramIndex index, Resource? group) =>
        group is not null && index.MembersOf(group.Name).Any(m =>
            ResourceTypes.LoadBalancers.Contains(m.Type) && (Props.Text(m.Property("loadBalancerType")) ?? "application") == "application");
}
