using HarborHa.Model;

namespace HarborHa.Tests.Checks;

/// <summary>Small edits of a built program for negative tests: set or remove one property, change options, drop a resource.</summary>
public static class ProgramEdit
{
    /// <summary>Sets the property at a dotted path (creating maps on the way); null removes it.</summary>
    public static PulumiProgram Set(this PulumiProgram program, string name, string path, Value? value)
    {
        var r = program.Get(name);
        program.Replace(r with { Properties = With(r.Properties, path.Split('.'), value) });
        return program;
    }

    public static PulumiProgram Unset(this PulumiProgram program, string name, string path) => program.Set(name, path, null);

    public static PulumiProgram Options(this PulumiProgram program, string name, Func<ResourceOptions, ResourceOptions> change)
    {
        var r = program.Get(name);
        program.Replace(r with { Options = change(r.Options) });
        return program;
    }

    /// <summary>Drops a resource's acceptance of a rule, as if its component no longer declared the trade-off.</summary>
    public static PulumiProgram Unaccept(this PulumiProgram program, string name, string ruleId)
    {
        var r = program.Get(name);
        program.Replace(r with { AcceptedRisks = r.AcceptedRisks.Where(a => a.RuleId != ruleId).ToArray() });
        return program;
    }

    /// <summary>Sets the <c>harbor-ha:environment</c> default tag of every AWS provider, as a stack of that environment would.</summary>
    public static PulumiProgram Environment(this PulumiProgram program, string environment)
    {
        foreach (var provider in program.Resources.Where(r => r.Type == ResourceTypes.AwsProvider).ToArray())
        {
            program.Set(provider.Name, "defaultTags.tags.harbor-ha:environment", environment);
        }

        return program;
    }

    /// <summary>A copy of the program without the named resources.</summary>
    public static PulumiProgram Without(this PulumiProgram program, params string[] names)
    {
        var copy = new PulumiProgram(program.Name, program.Description);
        foreach (var r in program.Resources.Where(r => !names.Contains(r.Name)))
        {
            copy.Add(r);
        }

        foreach (var c in program.Config)
        {
            copy.DeclareConfig(c);
        }

        foreach (var (name, value) in program.Variables)
        {
            copy.AddVariable(name, value);
        }

        foreach (var (name, value) in program.Outputs)
        {
            copy.AddOutput(name, value);
        }

        return copy;
    }

    /// <summary>A copy of the program with one more resource.</summary>
    public static PulumiProgram With(this PulumiProgram program, Resource resource)
    {
        var copy = program.Without();
        copy.Add(resource);
        return copy;
    }

    private static MapValue With(MapValue map, string[] path, Value? value)
    {
        var entries = map.Where(e => e.Key != path[0]).ToList();
        if (path.Length == 1)
        {
            if (value is not null)
            {
                entries.Add(KeyValuePair.Create(path[0], value));
            }
        }
        else
        {
            var inner = map.TryGet(path[0], out var existing) && existing is MapValue m ? m : new MapValue();
            entries.Add(KeyValuePair.Create(path[0], (Value)With(inner, path[1..], value)));
        }

        return new MapValue(entries);
    }
}
