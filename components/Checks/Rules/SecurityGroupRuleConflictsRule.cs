using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// awsguard security-group-no-rule-management-conflicts: a group with inline rules owns all its
/// rules, so separate rule resources on it would be removed and re-added on every update.
/// </summary>
public sealed class SecurityGroupRuleConflictsRule : ICheckRule
{
    private static readonly string[] RuleTypes = [ResourceTypes.IngressRule, ResourceTypes.EgressRule, ResourceTypes.SecurityGroupRule];

    public string Id => "sg-rule-conflicts";

    public string Reason => "a security group has either inline ingress/egress blocks or separate rule resources, never both";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(
            index.OfType(ResourceTypes.SecurityGroup).Where(g => g.Property("ingress") is not null || g.Property("egress") is not null),
            g =>
            {
                var separate = index.Referrers(g.Name, RuleTypes, "securityGroupId").Select(r => r.Name).ToArray();
                return RuleHelpers.When(separate.Length > 0, $"has inline rules and also separate rules: {string.Join(", ", separate)}");
            });
    }
}
