using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// Outside dev, Pulumi refuses to delete anything that holds state (DESIGN.md, security and data
/// defaults). A resource is in dev when its AWS provider's default tags say so (<see cref="StackEnvironment"/>).
/// </summary>
public sealed class StatefulProtectedRule : ICheckRule
{
    public string Id => "stateful-protected";

    public string Reason => "outside dev, every stateful resource (see the replacement table) has protect: true";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(
            program.Resources.Where(r => ReplacementTable.IsStateful(r.Type) && !StackEnvironment.IsDev(index, r)),
            r => RuleHelpers.When(!r.Options.Protect, "is stateful but not protected"));
    }
}
