using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// awsguard iam-role-no-policy-management-conflicts: a role that lists its policies inline
/// (inlinePolicies, managedPolicyArns) owns them exclusively; separate attachments would fight it.
/// </summary>
public sealed class IamPolicyConflictsRule : ICheckRule
{
    public string Id => "iam-policy-conflicts";

    public string Reason => "a role has either inlinePolicies/managedPolicyArns or separate rolePolicy/rolePolicyAttachment resources, never both";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(
            index.OfType(ResourceTypes.IamRole).Where(r => r.Property("inlinePolicies") is not null || r.Property("managedPolicyArns") is not null),
            role =>
            {
                var separate = index.Referrers(role.Name, [ResourceTypes.IamRolePolicy, ResourceTypes.IamRolePolicyAttachment], "role")
                    .Select(r => r.Name)
                    .ToArray();
                return RuleHelpers.When(separate.Length > 0, $"manages its policies inline and also through {string.Join(", ", separate)}");
            });
    }
}
