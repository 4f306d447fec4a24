namespace HarborHa.Model;

/// <summary>
/// Checks the program graph before it is written: every reference resolves, nothing depends on
/// itself, and every cloud resource is bound to an explicit provider of its own package, so no
/// resource can land in an unintended region or account through a default provider.
/// </summary>
public static class ProgramValidator
{
    /// <summary>Packages whose resources and functions must name an explicit provider.</summary>
    public static readonly IReadOnlySet<string> ProviderBoundPackages =
        new HashSet<string>(StringComparer.Ordinal) { "aws", "kubernetes", "random", "tls", "harbor" };

    /// <summary>Returns every problem found; an empty list means the program may be written.</summary>
    public static IReadOnlyList<string> Validate(PulumiProgram program)
    {
        var problems = new List<string>();
        var resources = program.Resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var names = new HashSet<string>(resources.Keys, StringComparer.Ordinal);
        foreach (var c in program.Config)
        {
            if (!names.Add(c.Name))
            {
                problems.Add($"config '{c.Name}' has the same name as a resource");
            }
        }

        foreach (var v in program.Variables.Keys)
        {
            if (!names.Add(v))
            {
                problems.Add($"variable '{v}' has the same name as a resource or config entry");
            }
        }

        foreach (var resource in program.Resources)
        {
            CheckReferences(resource.Name, ValueWalker.Refs(resource), names, problems);
            CheckProvider(resource, resources, problems);
            foreach (var invoke in ValueWalker.Invokes(resource.Properties))
            {
                CheckInvokeProvider($"resource '{resource.Name}'", invoke, resources, problems);
            }
        }

        foreach (var (name, value) in program.Variables)
        {
            CheckReferences($"variable {name}", ValueWalker.Refs(value), names, problems);
            foreach (var invoke in ValueWalker.Invokes(value))
            {
                CheckInvokeProvider($"variable '{name}'", invoke, resources, problems);
            }
        }

        foreach (var (name, value) in program.Outputs)
        {
            CheckReferences($"output {name}", ValueWalker.Refs(value), names, problems);
        }

        problems.AddRange(FindCycles(program));
        return problems;
    }

    /// <summary>Throws a <see cref="ProgramException"/> listing every problem.</summary>
    public static void EnsureValid(PulumiProgram program)
    {
        var problems = Validate(program);
        if (problems.Count > 0)
        {
            throw new ProgramException("the program graph is invalid:\n  " + string.Join("\n  ", problems));
        }
    }

    private static void CheckReferences(string owner, IEnumerable<Ref> refs, HashSet<string> names, List<string> problems)
    {
        foreach (var r in refs.Where(r => !names.Contains(r.Target)).DistinctBy(r => r.Target))
        {
            problems.Add($"{owner} references '{r.Target}', which is not declared");
        }
    }

    private static void CheckProvider(Resource resource, Dictionary<string, Resource> resources, List<string> problems)
    {
        if (resource.IsProvider)
        {
            if (resource.Options.Version is null)
            {
                problems.Add($"provider '{resource.Name}' does not pin its plugin version");
            }

            return;
        }

        if (!ProviderBoundPackages.Contains(resource.Package))
        {
            return;
        }

        var provider = resource.Options.Provider;
        if (provider is null)
        {
            problems.Add($"resource '{resource.Name}' ({resource.Type}) has no explicit provider");
        }
        else if (!resources.TryGetValue(provider.Target, out var p) || !p.IsProvider || p.Package != resource.Package)
        {
            problems.Add($"resource '{resource.Name}' ({resource.Type}) names '{provider.Target}', which is not a {resource.Package} provider");
        }
    }

    private static void CheckInvokeProvider(string owner, Invoke invoke, Dictionary<string, Resource> resources, List<string> problems)
    {
        var package = invoke.Function.Split(':')[0];
        if (!resources.TryGetValue(invoke.Provider.Target, out var p) || !p.IsProvider || p.Package != package)
        {
            problems.Add($"{owner} invokes {invoke.Function} with '{invoke.Provider.Target}', which is not a {package} provider");
        }
    }

    /// <summary>Depth-first search over resource and variable dependencies; reports each cycle once.</summary>
    private static IEnumerable<string> FindCycles(PulumiProgram program)
    {
        var edges = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var r in program.Resources)
        {
            edges[r.Name] = ValueWalker.Refs(r).Select(x => x.Target).Distinct().Order(StringComparer.Ordinal).ToArray();
        }

        foreach (var (name, value) in program.Variables)
        {
            edges[name] = ValueWalker.Refs(value).Select(x => x.Target).Distinct().Order(StringComparer.Ordinal).ToArray();
        }

        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on the stack, 2 = done
        var stack = new List<string>();
        var cycles = new List<string>();

        void Visit(string node)
        {
            state[node] = 1;
            stack.Add(node);
            foreach (var next in edges.GetValueOrDefault(node, []))
            {
                if (!edges.ContainsKey(next))
                {
                    continue;
                }

                var s = state.GetValueOrDefault(next);
                if (s == 1)
                {
                    var start = stack.IndexOf(next);
                    cycles.Add("dependency cycle: " + string.Join(" -> ", stack.Skip(start).Append(next)));
                }
                else if (s == 0)
                {
                    Visit(next);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[node] = 2;
        }

        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0)
            {
                Visit(node);
            }
        }

        return cycles;
    }
}
