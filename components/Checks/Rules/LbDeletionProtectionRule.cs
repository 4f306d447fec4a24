using HarborHa.Configuration;
using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>awsguard elb-deletion-protection-enabled, outside dev: the registry's entry point is not deleted by accident.</summary>
public sealed class LbDeletionProtectionRule : ICheckRule
{
    public string Id => "lb-deletion-protection";

    public string Reason => "outside dev, load balancers have enableDeletionProtection";

    public IEnumerable<Finding> Evaluate(PulumiProgram program, StackConfig config)
    {
        if (!config.IsProtected)
        {
            return [];
        }

        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.LoadBalancers),
            lb => RuleHelpers.When(!Props.IsTrue(lb.Property("enableDeletionProtection")), "enableDeletionProtection is not true"));
    }
}
