using System.Globalization;
using HarborHa.Model;

namespace HarborHa.Checks;

/// <summary>
/// Reads literal settings out of program values. Rules only trust what the program states: a
/// property set from another resource's output (a <see cref="Ref"/>) is unknown here, so
/// <see cref="Bool"/> and friends return null for it and each rule decides what unknown means.
/// </summary>
public static class Props
{
    /// <summary>The value at a dotted path of nested maps (<c>vpcConfig.subnetIds</c>), or null.</summary>
    public static Value? Property(this Resource resource, string path) => At(resource.Properties, path);

    public static Value? At(Value? value, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (value is not MapValue map || !map.TryGet(part, out var next))
            {
                return null;
            }

            value = next;
        }

        return value;
    }

    /// <summary>A string literal, or null.</summary>
    public static string? Text(Value? value) => value is Text t ? t.Value : null;

    /// <summary>A boolean literal; YAML-ish <c>"true"</c>/<c>"false"</c> strings count too.</summary>
    public static bool? Bool(Value? value) => value switch
    {
        Flag f => f.Value,
        Text { Value: "true" } => true,
        Text { Value: "false" } => false,
        _ => null,
    };

    public static long? Number(Value? value) => value switch
    {
        Number n => n.Value,
        Text t when long.TryParse(t.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        _ => null,
    };

    public static bool IsTrue(Value? value) => Bool(value) == true;

    /// <summary>The items of a list; a single non-list value counts as a list of one, a missing one as empty.</summary>
    public static IReadOnlyList<Value> Items(Value? value) => value switch
    {
        null => [],
        ListValue list => list.Items,
        _ => [value],
    };

    /// <summary>The string literals of a list.</summary>
    public static IReadOnlyList<string> Texts(Value? value) => Items(value).OfType<Text>().Select(t => t.Value).ToArray();

    /// <summary>Whether the value is set to something other than an empty literal.</summary>
    public static bool IsSet(Value? value) => value switch
    {
        null => false,
        Text t => t.Value.Length > 0,
        ListValue l => l.Items.Count > 0,
        MapValue m => m.Count > 0,
        _ => true,
    };
}
