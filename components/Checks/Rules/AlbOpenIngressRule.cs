using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// A load balancer admits the whole internet (<c>0.0.0.0/0</c>, <c>::/0</c>) only when the config
/// says so: the rule that admits it records the accepted <c>open-ingress</c> trade-off (written only
/// for an explicit <c>harbor-ha:clientCidrs</c> entry), and is reported as accepted; any other such
/// rule fails. <c>open-ingress</c> allows load balancers on 80 and 443 silently; this rule does not.
/// </summary>
public sealed class AlbOpenIngressRule : ICheckRule
{
    public string Id => "alb-open-ingress";

    public string Reason => "a load balancer is open to the whole internet only when the config says so explicitly";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        foreach (var ingress in Ingress.WithCidrs(index).Where(i => i.IsAnywhere && i.Group is not null))
        {
            if (!index.MembersOf(ingress.Group!.Name).Any(m => ResourceTypes.LoadBalancers.Contains(m.Type)))
            {
                continue;
            }

            var accepted = ingress.Declared.Accepts("open-ingress");
            yield return accepted is null
                ? new Finding(ingress.Declared.Name, $"admits {ingress.Describe()} into {ingress.Group.Name} without the config asking for it")
                : new Finding(ingress.Declared.Name, $"admits {ingress.Describe()} (accepted: {accepted.Reason})", Accepted: true);
        }
    }
}
