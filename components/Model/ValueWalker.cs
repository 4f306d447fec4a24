namespace HarborHa.Model;

/// <summary>Finds the references inside values and options, for validation and analysis.</summary>
public static class ValueWalker
{
    /// <summary>Every reference in a value, depth first (an invoke's provider included).</summary>
    public static IEnumerable<Ref> Refs(Value value) => Descendants(value).OfType<Ref>();

    /// <summary>Every reference a resource makes: in its properties and in its options.</summary>
    public static IEnumerable<Ref> Refs(Resource resource)
    {
        foreach (var r in Refs(resource.Properties))
        {
            yield return r;
        }

        var options = resource.Options;
        if (options.Provider is not null)
        {
            yield return options.Provider;
        }

        if (options.Parent is not null)
        {
            yield return options.Parent;
        }

        foreach (var r in options.DependsOn)
        {
            yield return r;
        }
    }

    /// <summary>Every invoke inside a value.</summary>
    public static IEnumerable<Invoke> Invokes(Value value) => Descendants(value).OfType<Invoke>();

    /// <summary>The value itself and everything nested in it.</summary>
    public static IEnumerable<Value> Descendants(Value value)
    {
        yield return value;
        IEnumerable<Value> children = value switch
        {
            ListValue list => list.Items,
            MapValue map => map.Select(e => e.Value),
            Interpolation i => i.Parts,
            Invoke inv => [inv.Arguments, inv.Provider],
            Secret s => [s.Inner],
            ToJson j => [j.Inner],
            ToBase64 b => [b.Inner],
            Join j => [j.Items],
            Select s => [s.Items],
            Split sp => [sp.Source],
            _ => [],
        };
        foreach (var d in children.SelectMany(Descendants))
        {
            yield return d;
        }
    }
}
