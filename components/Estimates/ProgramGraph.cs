using HarborHa.Model;

namespace HarborHa.Estimates;

/// <summary>
/// The dependency graph Pulumi derives from a program: a resource waits for every resource it
/// references (<c>${name...}</c> anywhere in its properties, through variables too), for its
/// <c>options.dependsOn</c>, its <c>options.provider</c> and its <c>options.parent</c>. Also the region
/// of each AWS resource, read from its explicit provider's <c>region</c>.
/// </summary>
public sealed class ProgramGraph
{
    private readonly SortedDictionary<string, Resource> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _dependencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _dependents = new(StringComparer.Ordinal);

    private ProgramGraph(PulumiProgram program)
    {
        foreach (var resource in program.Resources)
        {
            _resources[resource.Name] = resource;
            _dependents[resource.Name] = [];
        }

        var variableDeps = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var resource in program.Resources)
        {
            var deps = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var r in ValueWalker.Refs(resource))
            {
                AddTarget(program, r.Target, deps, variableDeps, []);
            }

            deps.Remove(resource.Name);
            _dependencies[resource.Name] = deps.ToArray();
            foreach (var d in deps)
            {
                _dependents[d].Add(resource.Name);
            }
        }
    }

    public static ProgramGraph Of(PulumiProgram program) => new(program);

    /// <summary>Every resource, by name (ordinal order).</summary>
    public IReadOnlyDictionary<string, Resource> Resources => _resources;

    /// <summary>The resources <paramref name="name"/> waits for, sorted.</summary>
    public IReadOnlyList<string> DependenciesOf(string name) => _dependencies[name];

    /// <summary>The resources that wait for <paramref name="name"/>, sorted.</summary>
    public IReadOnlyList<string> DependentsOf(string name) => _dependents[name].Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The AWS region a resource is created in: its provider's <c>region</c> (a provider resource
    /// is in its own region). Null for resources without an AWS provider (Kubernetes, Harbor, random).
    /// </summary>
    public string? RegionOf(Resource resource)
    {
        var provider = resource.IsProvider ? resource : resource.Options.Provider is { } p && _resources.TryGetValue(p.Target, out var pr) ? pr : null;
        return provider is { Type: Resource.ProviderPrefix + "aws" } && provider.Properties.TryGet("region", out var region) && region is Text t
            ? t.Value
            : null;
    }

    /// <summary>The resources whose properties reference <paramref name="target"/> directly.</summary>
    public IEnumerable<Resource> ReferencingInProperties(string target) =>
        _dependents[target].Select(n => _resources[n])
            .Where(r => ValueWalker.Refs(r.Properties).Any(x => x.Target == target))
            .OrderBy(r => r.Name, StringComparer.Ordinal);

    private static void AddTarget(PulumiProgram program, string target, ISet<string> deps, Dictionary<string, IReadOnlySet<string>> variableDeps, HashSet<string> visiting)
    {
        if (program.Contains(target))
        {
            deps.Add(target);
            return;
        }

        if (!program.Variables.TryGetValue(target, out var value))
        {
            return; // a config entry: no resource to wait for
        }

        if (!variableDeps.TryGetValue(target, out var resolved))
        {
            if (!visiting.Add(target))
            {
                return;
            }

            var set = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var r in ValueWalker.Refs(value))
            {
                AddTarget(program, r.Target, set, variableDeps, visiting);
            }

            visiting.Remove(target);
            variableDeps[target] = resolved = set;
        }

        foreach (var d in resolved)
        {
            deps.Add(d);
        }
    }
}
