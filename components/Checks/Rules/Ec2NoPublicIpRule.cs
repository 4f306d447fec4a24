using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// awsguard ec2-instance-no-public-ip: no instance gets an automatic public address. The VPN
/// appliances' public endpoint is an Elastic IP, a deliberate, separately declared resource.
/// </summary>
public sealed class Ec2NoPublicIpRule : ICheckRule
{
    public string Id => "ec2-no-public-ip";

    public string Reason => "instances and launch templates never ask for an automatic public IP (an Elastic IP is declared on purpose)";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.Ec2Instance),
                r => RuleHelpers.When(Props.IsTrue(r.Property("associatePublicIpAddress")), "associatePublicIpAddress is true"))
            .Concat(RuleHelpers.Each(index.OfType(ResourceTypes.LaunchTemplate),
                r => Props.Items(r.Property("networkInterfaces"))
                    .Select((nic, i) => (nic, i))
                    .Where(x => Props.IsTrue(Props.At(x.nic, "associatePublicIpAddress")))
                    .Select(x => $"networkInterfaces[{x.i}].associatePublicIpAddress is true")));
    }
}
