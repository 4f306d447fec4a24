using System.Globalization;
using HarborHa.Model;

namespace HarborHa.Estimates;

/// <summary>Reads literal settings out of program values; a reference to another output is unknown (null).</summary>
internal static class Values
{
    /// <summary>The value at a dotted path of nested maps (<c>scalingConfig.desiredSize</c>), or null.</summary>
    public static Value? At(this Resource resource, string path) => At(resource.Properties, path);

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

    public static string? Text(Value? value) => value is Text t ? t.Value : null;

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

    public static IReadOnlyList<Value> Items(Value? value) => value switch
    {
        null => [],
        ListValue list => list.Items,
        _ => [value],
    };

    /// <summary>The resource a value refers to (<c>${name}</c> or <c>${name.out}</c>), or null.</summary>
    public static string? RefTarget(Value? value) => value is Ref r ? r.Target : null;
}
