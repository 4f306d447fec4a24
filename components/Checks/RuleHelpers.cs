using HarborHa.Model;

namespace HarborHa.Checks;

/// <summary>Shapes most rules share: one finding per problem of each resource of some types.</summary>
public static class RuleHelpers
{
    /// <summary>Runs <paramref name="problems"/> on each resource and turns every problem into a finding.</summary>
    public static IEnumerable<Finding> Each(IEnumerable<Resource> resources, Func<Resource, IEnumerable<string>> problems) =>
        resources.SelectMany(r => problems(r).Select(p => new Finding(r.Name, p)));

    /// <summary>One problem when <paramref name="failed"/> holds.</summary>
    public static IEnumerable<string> When(bool failed, string problem) => failed ? [problem] : [];
}
