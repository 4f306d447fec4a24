using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>Encryption of every EBS volume: instances, launch templates, node groups, stand-alone volumes (awsguard encrypted-volumes).</summary>
public sealed class EbsEncryptedRule : ICheckRule
{
    public string Id => "ebs-encrypted";

    public string Reason => "every EBS volume (instance roots and data, launch templates, stand-alone volumes) is encrypted";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.Ec2Instance), Instance)
            .Concat(RuleHelpers.Each(index.OfType(ResourceTypes.LaunchTemplate), LaunchTemplate))
            .Concat(RuleHelpers.Each(index.OfType(ResourceTypes.EbsVolume),
                r => RuleHelpers.When(!Props.IsTrue(r.Property("encrypted")), "encrypted is not true")))
            .Concat(RuleHelpers.Each(index.OfType(ResourceTypes.EksNodeGroup),
                r => RuleHelpers.When(r.Property("launchTemplate") is null,
                    "has no launch template: its disks come from EKS's default template, which does not ask for encryption")));
    }

    private static IEnumerable<string> Instance(Resource r)
    {
        var root = r.Property("rootBlockDevice");
        if (root is null)
        {
            yield return "rootBlockDevice is not declared, so the root volume is not encrypted explicitly";
        }
        else if (!Props.IsTrue(Props.At(root, "encrypted")))
        {
            yield return "rootBlockDevice.encrypted is not true";
        }

        var devices = Props.Items(r.Property("ebsBlockDevices"));
        for (var i = 0; i < devices.Count; i++)
        {
            if (!Props.IsTrue(Props.At(devices[i], "encrypted")))
            {
                yield return $"ebsBlockDevices[{i}].encrypted is not true";
            }
        }
    }

    private static IEnumerable<string> LaunchTemplate(Resource r)
    {
        var mappings = Props.Items(r.Property("blockDeviceMappings"));
        if (mappings.Count == 0)
        {
            yield return "declares no blockDeviceMappings, so the AMI's unencrypted default applies";
        }

        for (var i = 0; i < mappings.Count; i++)
        {
            if (Props.At(mappings[i], "ebs") is { } ebs && !Props.IsTrue(Props.At(ebs, "encrypted")))
            {
                yield return $"blockDeviceMappings[{i}].ebs.encrypted is not true";
            }
        }
    }
}
