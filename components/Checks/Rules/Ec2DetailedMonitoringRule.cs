using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// awsguard ec2-instance-detailed-monitoring-enabled: stand-alone instances (the VPN appliances)
/// report one-minute metrics, so an alarm sees a failing tunnel host within minutes.
/// </summary>
public sealed class Ec2DetailedMonitoringRule : ICheckRule
{
    public string Id => "ec2-detailed-monitoring";

    public string Reason => "stand-alone EC2 instances have detailed (one-minute) monitoring";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.Ec2Instance),
            r => RuleHelpers.When(!Props.IsTrue(r.Property("monitoring")), "monitoring is not true"));
    }
}
