using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// The Kubernetes API is private, or public only to named CIDRs. EKS turns the public endpoint on
/// by default and opens it to 0.0.0.0/0 when no CIDRs are given (EKS API, VpcConfigRequest).
/// </summary>
public sealed class EksApiRestrictedRule : ICheckRule
{
    public string Id => "eks-api-restricted";

    public string Reason => "the EKS API endpoint is private, or public only to listed CIDRs (never 0.0.0.0/0)";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.EksCluster), cluster =>
        {
            if (Props.Bool(cluster.Property("vpcConfig.endpointPublicAccess")) == false)
            {
                return [];
            }

            var cidrs = cluster.Property("vpcConfig.publicAccessCidrs");
            if (Props.Items(cidrs).Count == 0)
            {
                return ["the public endpoint is on (the EKS default) with no publicAccessCidrs, so it is open to 0.0.0.0/0"];
            }

            return RuleHelpers.When(Props.Texts(cidrs).Any(c => c is "0.0.0.0/0" or "::/0"), "vpcConfig.publicAccessCidrs opens the API to the whole internet");
        });
    }
}
