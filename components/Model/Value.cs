using System.Collections;
using System.Globalization;

namespace HarborHa.Model;

/// <summary>
/// An expression in a Pulumi YAML program: a literal, a reference to another resource's output,
/// or one of the built-in functions. Components build values; the writer turns them into YAML.
/// </summary>
public abstract record Value
{
    public static implicit operator Value(string text) => new Text(text);
    public static implicit operator Value(int number) => new Number(number);
    public static implicit operator Value(long number) => new Number(number);
    public static implicit operator Value(bool flag) => new Flag(flag);

    /// <summary>A list literal.</summary>
    public static ListValue List(params Value[] items) => new(items);

    /// <summary>A list of string literals.</summary>
    public static ListValue List(IEnumerable<string> items) => new(items.Select(i => (Value)i).ToArray());
}

/// <summary>A string literal. The writer escapes any <c>${</c> so it is never read as a reference.</summary>
public sealed record Text(string Value) : Value;

/// <summary>An integer literal.</summary>
public sealed record Number(long Value) : Value
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A boolean literal.</summary>
public sealed record Flag(bool Value) : Value;

/// <summary>An ordered list of values; equal to another list with equal items in the same order.</summary>
public sealed record ListValue(IReadOnlyList<Value> Items) : Value
{
    public bool Equals(ListValue? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Structural.Hash(Items);
}

/// <summary>
/// A map of property names to values. Keys are written in ordinal order, so the order in which a
/// component adds them never changes the output.
/// </summary>
public sealed record MapValue : Value, IEnumerable<KeyValuePair<string, Value>>
{
    private readonly SortedDictionary<string, Value> _entries = new(StringComparer.Ordinal);

    public MapValue() { }

    public MapValue(IEnumerable<KeyValuePair<string, Value>> entries)
    {
        foreach (var (key, value) in entries)
        {
            Add(key, value);
        }
    }

    public int Count => _entries.Count;

    public Value this[string key]
    {
        get => _entries[key];
        init => _entries[key] = value;
    }

    public bool TryGet(string key, out Value value) => _entries.TryGetValue(key, out value!);

    public bool ContainsKey(string key) => _entries.ContainsKey(key);

    /// <summary>Adds an entry; a duplicate key is a bug in the caller.</summary>
    public void Add(string key, Value value)
    {
        if (!_entries.TryAdd(key, value))
        {
            throw new InvalidOperationException($"property '{key}' is set twice");
        }
    }

    /// <summary>Adds an entry only when the value is present, so optional settings read as one line.</summary>
    public void AddIfSet(string key, Value? value)
    {
        if (value is not null)
        {
            Add(key, value);
        }
    }

    /// <summary>
    /// A deep merge of two maps: nested maps merge, and a key that both set to anything else is a bug
    /// (two tiers disagreeing about one setting must not be settled silently by order).
    /// </summary>
    public static MapValue Merge(MapValue first, MapValue second)
    {
        var merged = new MapValue(first);
        foreach (var (key, value) in second)
        {
            if (!merged._entries.TryGetValue(key, out var existing))
            {
                merged._entries[key] = value;
            }
            else if (existing is MapValue a && value is MapValue b)
            {
                merged._entries[key] = Merge(a, b);
            }
            else
            {
                throw new ProgramException($"value '{key}' is set twice");
            }
        }

        return merged;
    }

    public IEnumerator<KeyValuePair<string, Value>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Equal to another map with the same keys bound to equal values (entries are kept sorted).</summary>
    public bool Equals(MapValue? other) => other is not null && _entries.SequenceEqual(other._entries);

    public override int GetHashCode() => Structural.Hash(_entries.Select(e => HashCode.Combine(e.Key, e.Value)));
}

/// <summary>
/// A reference to a resource, variable or config entry (<c>${name}</c>), or to an output property
/// of a resource (<c>${name.path}</c>).
/// </summary>
public sealed record Ref(string Target, string? Path = null) : Value
{
    public string Expression => Path is null ? $"${{{Target}}}" : $"${{{Target}.{Path}}}";
}

/// <summary>A string built from literal text and references, e.g. <c>https://${alb.dnsName}</c>.</summary>
public sealed record Interpolation(IReadOnlyList<Value> Parts) : Value
{
    public bool Equals(Interpolation? other) => other is not null && Parts.SequenceEqual(other.Parts);

    public override int GetHashCode() => Structural.Hash(Parts);

    public Interpolation(params object[] parts)
        : this((IReadOnlyList<Value>)parts.Select(p => p switch
        {
            Value v => v,
            string s => (Value)new Text(s),
            _ => throw new ArgumentException($"unsupported interpolation part {p.GetType().Name}"),
        }).ToArray())
    {
    }
}

/// <summary><c>fn::invoke</c> of a provider function, bound to an explicit provider.</summary>
public sealed record Invoke(string Function, MapValue Arguments, Ref Provider, string? Return = null) : Value;

/// <summary><c>fn::secret</c>: the engine keeps the value encrypted.</summary>
public sealed record Secret(Value Inner) : Value;

/// <summary><c>fn::toJSON</c>.</summary>
public sealed record ToJson(Value Inner) : Value;

/// <summary><c>fn::join</c>.</summary>
public sealed record Join(string Delimiter, Value Items) : Value;

/// <summary><c>fn::split</c>: splits a string at each <paramref name="Delimiter"/> into a list.</summary>
public sealed record Split(string Delimiter, Value Source) : Value;

/// <summary><c>fn::select</c>.</summary>
public sealed record Select(int Index, Value Items) : Value;

/// <summary><c>fn::toBase64</c>.</summary>
public sealed record ToBase64(Value Inner) : Value;

/// <summary>Hashing for the structural equality of collection values.</summary>
internal static class Structural
{
    public static int Hash<T>(IEnumerable<T> items)
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
