using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// EC2 instances boot a pinned image: an <c>ami</c> looked up at deploy time
/// (<c>aws:ec2/getAmi</c> with <c>mostRecent</c>) gives a replacement instance whatever image is newest
/// that day, unreviewed. The lookup is reported as accepted where the instance records that the
/// config asked for it (<c>harbor-ha:vpn.applianceAmis.&lt;region&gt;: latest</c>), and fails otherwise.
/// </summary>
public sealed class ApplianceAmiPinnedRule : ICheckRule
{
    public string Id => "appliance-ami-pinned";

    public string Reason => "instances boot an AMI pinned by id in config, not the newest image of the day";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        foreach (var instance in program.Resources.Where(r => r.Type == ResourceTypes.Ec2Instance).OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            if (instance.Property("ami") is not Invoke lookup)
            {
                continue;
            }

            var accepted = instance.Accepts(Id);
            yield return accepted is null
                ? new Finding(instance.Name, $"ami is looked up at deploy time ({lookup.Function}): pin it in harbor-ha:vpn.applianceAmis")
                : new Finding(instance.Name, $"ami is looked up at deploy time (accepted: {accepted.Reason})", Accepted: true);
        }
    }
}
