using HarborHa.Configuration;
using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>Outside dev, Pulumi refuses to delete anything that holds state (DESIGN.md, security and data defaults).</summary>
public sealed class StatefulProtectedRule : ICheckRule
{
    public string Id => "stateful-protected";

    public string Reason => "outside dev, every stateful resource (see the replacement table) has protect: true";

    public IEnumerable<Finding> Evaluate(PulumiProgram program, StackConfig config)
    {
        if (!config.IsProtected)
        {
            return [];
        }

        return RuleHelpers.Each(
            program.Resources.Where(r => ReplacementTable.IsStateful(r.Type)),
            r => RuleHelpers.When(!r.Options.Protect, "is stateful but not protected"));
    }
}
