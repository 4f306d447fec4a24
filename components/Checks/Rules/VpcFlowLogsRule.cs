using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>Every VPC records its traffic: the evidence an incident review starts from.</summary>
public sealed class VpcFlowLogsRule : ICheckRule
{
    public string Id => "vpc-flow-logs";

    public string Reason => "every VPC has a flow log (aws:ec2/flowLog with its vpcId)";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.Vpc),
            vpc => RuleHelpers.When(!index.Referrers(vpc.Name, [ResourceTypes.FlowLog], "vpcId").Any(), "has no flow log"));
    }
}
