using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// awsguard elb-deletion-protection-enabled, outside dev: the registry's entry point is not deleted by
/// accident. A load balancer is in dev when its AWS provider's default tags say so (<see cref="StackEnvironment"/>).
/// </summary>
public sealed class LbDeletionProtectionRule : ICheckRule
{
    public string Id => "lb-deletion-protection";

    public string Reason => "outside dev, load balancers have enableDeletionProtection";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.LoadBalancers).Where(lb => !StackEnvironment.IsDev(index, lb)),
            lb => RuleHelpers.When(!Props.IsTrue(lb.Property("enableDeletionProtection")), "enableDeletionProtection is not true"));
    }
}
