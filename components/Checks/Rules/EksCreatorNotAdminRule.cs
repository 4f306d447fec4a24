using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// EKS clusters set <c>accessConfig.bootstrapClusterCreatorAdminPermissions: false</c>. Left on (the
/// API default), whoever runs the first <c>pulumi up</c> becomes a permanent cluster-admin that the
/// program does not show; it applies only at creation, so it must be off before the first deploy.
/// </summary>
public sealed class EksCreatorNotAdminRule : ICheckRule
{
    public string Id => "eks-creator-not-admin";

    public string Reason => "no hidden cluster-admin for whoever created the cluster; admins are access entries";

    public IEnumerable<Finding> Evaluate(PulumiProgram program) =>
        RuleHelpers.Each(program.Resources.Where(r => r.Type == ResourceTypes.EksCluster).OrderBy(r => r.Name, StringComparer.Ordinal),
            r => RuleHelpers.When(Props.Bool(r.Property("accessConfig.bootstrapClusterCreatorAdminPermissions")) != false,
                "accessConfig.bootstrapClusterCreatorAdminPermissions is not false: the creator becomes a hidden, permanent admin"));
}
