using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>The control plane logs who did what to the cluster (EKS control plane logging).</summary>
public sealed class EksControlPlaneLogsRule : ICheckRule
{
    /// <summary>The log types an access review needs: API calls, the audit trail and IAM authentication.</summary>
    public static readonly IReadOnlyList<string> Required = ["api", "audit", "authenticator"];

    public string Id => "eks-control-plane-logs";

    public string Reason => "every EKS cluster exports its api, audit and authenticator logs";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.EksCluster), cluster =>
        {
            var enabled = Props.Texts(cluster.Property("enabledClusterLogTypes"));
            var missing = Required.Where(t => !enabled.Contains(t)).ToArray();
            return RuleHelpers.When(missing.Length > 0, $"enabledClusterLogTypes lacks {string.Join(", ", missing)}");
        });
    }
}
