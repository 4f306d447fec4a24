namespace HarborHa.Model;

/// <summary>Finds the references inside values and options, for validation and analysis.</summary>
public static class ValueWalker
{
    /// <summary>Every reference in a value, depth first.</summary>
    public static IEnumerable<Ref> Refs(Value value)
    {
        switch (value)
        {
            case Ref r:
                yield return r;
                break;
            case ListValue list:
                foreach (var r in list.Items.SelectMany(Refs))
                {
                    yield return r;
                }

                break;
            case MapValue map:
                foreach (var r in map.SelectMany(e => Refs(e.Value)))
                {
                    yield return r;
                }

                break;
            case Interpolation i:
                foreach (var r in i.Parts.SelectMany(Refs))
                {
                    yield return r;
                }

                break;
            case Invoke inv:
                yield return inv.Provider;
                foreach (var r in Refs(inv.Arguments))
                {
                    yield return r;
                }

                break;
            case Secret s:
                foreach (var r in Refs(s.Inner))
                {
                    yield return r;
                }

                break;
            case ToJson j:
                foreach (var r in Refs(j.Inner))
                {
                    yield return r;
                }

                break;
            case ToBase64 b:
                foreach (var r in Refs(b.Inner))
                {
                    yield return r;
                }

                break;
            case Join j:
                foreach (var r in Refs(j.Items))
                {
                    yield return r;
                }

                break;
            case Select s:
                foreach (var r in Refs(s.Items))
                {
                    yield return r;
                }

                break;
            case Split sp:
                foreach (var r in Refs(sp.Source))
                {
                    yield return r;
                }

                break;
            default:
                break;
        }
    }

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
            Invoke inv => [inv.Arguments],
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
