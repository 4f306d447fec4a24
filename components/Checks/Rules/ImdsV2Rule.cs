using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// IMDSv2 only: a session token is needed to read instance credentials, which blocks the SSRF-style
/// theft IMDSv1 allows (EC2 user guide, "Use IMDSv2").
/// </summary>
public sealed class ImdsV2Rule : ICheckRule
{
    public string Id => "imdsv2-required";

    public string Reason => "every instance and launch template requires IMDSv2 (metadataOptions.httpTokens = required)";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.Ec2Instance, ResourceTypes.LaunchTemplate),
                r => RuleHelpers.When(!RequiresTokens(r), "metadataOptions.httpTokens is not required"))
            .Concat(RuleHelpers.Each(index.OfType(ResourceTypes.EksNodeGroup),
                r => RuleHelpers.When(r.Property("launchTemplate") is null,
                    "has no launch template, so its instances' metadata options are EKS's, not the program's")));
    }

    private static bool RequiresTokens(Resource r) =>
        Props.Text(r.Property("metadataOptions.httpTokens")) == "required" ||
        Props.Text(r.Property("metadataOptions.httpEndpoint")) == "disabled";
}
