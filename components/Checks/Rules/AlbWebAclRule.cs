using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// Every internet-facing application load balancer is associated with an AWS WAF web ACL (an
/// <c>aws:wafv2/webAclAssociation</c> whose <c>resourceArn</c> references it), unless the load
/// balancer records why it has none (a partition without WAF).
/// </summary>
public sealed class AlbWebAclRule : ICheckRule
{
    public string Id => "alb-web-acl";

    public string Reason => "every internet-facing application load balancer sits behind an AWS WAF web ACL";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        foreach (var alb in index.OfType(ResourceTypes.LoadBalancers))
        {
            if (Props.IsTrue(alb.Property("internal")) || (Props.Text(alb.Property("loadBalancerType")) ?? "application") != "application")
            {
                continue;
            }

            if (index.Referrers(alb.Name, [ResourceTypes.WafWebAclAssociation], "resourceArn").Any())
            {
                continue;
            }

            var accepted = alb.Accepts(Id);
            yield return accepted is null
                ? new Finding(alb.Name, "faces the internet without a web ACL association")
                : new Finding(alb.Name, $"faces the internet without a web ACL (accepted: {accepted.Reason})", Accepted: true);
        }
    }
}
