using HarborHa.Model;
using HarborHa.Stacks;

namespace HarborHa.Cli;

/// <summary>Which resources of the current program a recovery removes from state instead of deleting them.</summary>
public static class DrStateSteps
{
    /// <summary>
    /// Resources that live in the lost region (its name prefix or its provider), even when the plan
    /// declares one of the same name elsewhere (another region's DR copies that were held there are
    /// created again in their new DR region), and every removed resource that depends on one of them,
    /// dependents first: the order in which <c>pulumi state delete</c> accepts them.
    /// </summary>
    public static IReadOnlyList<Resource> ResourcesToForget(PulumiProgram before, PulumiProgram after, string lost)
    {
        var kept = after.Resources.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var removed = before.Resources.Where(r => !kept.Contains(r.Name) || IsIn(r, lost, before)).ToDictionary(r => r.Name, StringComparer.Ordinal);
        var forget = removed.Values.Where(r => IsIn(r, lost, before)).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        bool grew;
        do
        {
            grew = false;
            foreach (var r in removed.Values.Where(r => !forget.Contains(r.Name)))
            {
                if (DependenciesOf(r).Any(forget.Contains))
                {
                    forget.Add(r.Name);
                    grew = true;
                }
            }
        }
        while (grew);

        // Dependents first: a resource is listed after everything in the set that depends on it.
        var order = new List<Resource>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        void Visit(string name)
        {
            if (!done.Add(name))
            {
                return;
            }

            foreach (var dependent in forget.Where(n => DependenciesOf(removed[n]).Contains(name)).Order(StringComparer.Ordinal))
            {
                Visit(dependent);
            }

            order.Add(removed[name]);
        }

        foreach (var name in forget.Order(StringComparer.Ordinal))
        {
            Visit(name);
        }

        return order;
    }

    /// <summary>
    /// Resources the plan keeps whose state still depends on one to forget (e.g. the side's private zone
    /// listing the lost region's VPC): a targeted <c>pulumi up</c> updates them first, or Pulumi refuses
    /// to forget what they depend on.
    /// </summary>
    public static IReadOnlyList<Resource> KeptDependents(PulumiProgram before, PulumiProgram after, IReadOnlyList<Resource> forget)
    {
        var names = forget.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var old = before.Resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
        return [.. after.Resources.Where(r => !names.Contains(r.Name) && old.TryGetValue(r.Name, out var was) && DependenciesOf(was).Any(names.Contains))];
    }

    /// <summary>Whether a resource lives in the region: named after it, or managed through its AWS provider.</summary>
    public static bool IsIn(Resource r, string region, PulumiProgram program) =>
        r.Name.StartsWith(region + "-", StringComparison.Ordinal)
        || r.Options.Provider?.Target == $"{region}-aws";

    /// <summary><c>urn:pulumi:&lt;stack&gt;::&lt;project&gt;::&lt;type&gt;::&lt;name&gt;</c> (a YAML program has no parents).</summary>
    public static string Urn(string stack, Resource r) => $"urn:pulumi:{stack}::{Synthesizer.ProjectName}::{r.Type}::{r.Name}";

    private static IEnumerable<string> DependenciesOf(Resource r) =>
        ValueWalker.Refs(r.Properties).Select(x => x.Target)
            .Concat(r.Options.DependsOn.Select(d => d.Target))
            .Concat(r.Options.Provider is { } p ? [p.Target] : []);
}
