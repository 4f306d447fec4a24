using System.Globalization;
using HarborHa.Model;

namespace HarborHa.Tests.Support;

/// <summary>
/// What changes between two programs, resource by logical name, the way Pulumi would see it: added,
/// removed, and changed (type, a property or an option), each change named by its path, e.g.
/// <c>properties.tags.Name</c> or <c>options.dependsOn</c>.
/// </summary>
public sealed record ProgramDiff(
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Changed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    public static ProgramDiff Between(PulumiProgram before, PulumiProgram after)
    {
        var old = before.Resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var now = after.Resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var changed = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var name in old.Keys.Intersect(now.Keys))
        {
            var a = Flatten(old[name]);
            var b = Flatten(now[name]);
            var paths = a.Keys.Union(b.Keys)
                .Where(p => !a.TryGetValue(p, out var x) || !b.TryGetValue(p, out var y) || x != y)
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (paths.Length > 0)
            {
                changed[name] = paths;
            }
        }

        return new ProgramDiff(
            [.. now.Keys.Except(old.Keys).Order(StringComparer.Ordinal)],
            [.. old.Keys.Except(now.Keys).Order(StringComparer.Ordinal)],
            changed);
    }

    /// <summary>A readable summary for assertion messages.</summary>
    public override string ToString() =>
        $"added: {string.Join(", ", Added)}\nremoved: {string.Join(", ", Removed)}\nchanged: "
        + string.Join("; ", Changed.Select(c => $"{c.Key} ({string.Join(", ", c.Value)})"));

    /// <summary>Every leaf of a resource (type, properties, options) as path → canonical text.</summary>
    public static IReadOnlyDictionary<string, string> Flatten(Resource resource)
    {
        var leaves = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["type"] = resource.Type };
        Flatten(resource.Properties, "properties", leaves);
        var o = resource.Options;
        AddIf(leaves, "options.provider", o.Provider?.Expression);
        AddIf(leaves, "options.parent", o.Parent?.Expression);
        AddIf(leaves, "options.dependsOn", o.DependsOn.Count > 0 ? string.Join(",", o.DependsOn.Select(d => d.Expression)) : null);
        AddIf(leaves, "options.protect", o.Protect ? "true" : null);
        AddIf(leaves, "options.ignoreChanges", o.IgnoreChanges.Count > 0 ? string.Join(",", o.IgnoreChanges) : null);
        AddIf(leaves, "options.deleteBeforeReplace", o.DeleteBeforeReplace ? "true" : null);
        AddIf(leaves, "options.retainOnDelete", o.RetainOnDelete ? "true" : null);
        AddIf(leaves, "options.additionalSecretOutputs", o.AdditionalSecretOutputs.Count > 0 ? string.Join(",", o.AdditionalSecretOutputs) : null);
        AddIf(leaves, "options.replaceOnChanges", o.ReplaceOnChanges.Count > 0 ? string.Join(",", o.ReplaceOnChanges) : null);
        AddIf(leaves, "options.customTimeouts", o.CustomTimeouts?.ToString());
        AddIf(leaves, "options.version", o.Version);
        AddIf(leaves, "options.pluginDownloadURL", o.PluginDownloadUrl);
        return leaves;
    }

    private static void Flatten(Value value, string path, SortedDictionary<string, string> leaves)
    {
        switch (value)
        {
            case MapValue map:
                foreach (var (key, item) in map)
                {
                    Flatten(item, $"{path}.{key}", leaves);
                }

                break;
            case ListValue list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    Flatten(list.Items[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), leaves);
                }

                if (list.Items.Count == 0)
                {
                    leaves[path] = "[]";
                }

                break;
            default:
                leaves[path] = Canonical(value);
                break;
        }
    }

    /// <summary>Text that differs whenever the value would be written differently.</summary>
    private static string Canonical(Value value) => value switch
    {
        Text t => "text:" + t.Value,
        Number n => "number:" + n,
        Flag f => f.Value ? "true" : "false",
        Ref r => r.Expression,
        MapValue m => "{" + string.Join(",", m.Select(e => $"{e.Key}={Canonical(e.Value)}")) + "}",
        ListValue l => "[" + string.Join(",", l.Items.Select(Canonical)) + "]",
        Interpolation i => "interp:" + string.Concat(i.Parts.Select(Canonical)),
        Invoke inv => $"invoke:{inv.Function}({Canonical(inv.Arguments)})@{inv.Provider.Expression}->{inv.Return}",
        Secret s => $"secret({Canonical(s.Inner)})",
        ToJson j => $"toJSON({Canonical(j.Inner)})",
        ToBase64 b => $"toBase64({Canonical(b.Inner)})",
        Join j => $"join({j.Delimiter},{Canonical(j.Items)})",
        Select s => $"select({s.Index},{Canonical(s.Items)})",
        _ => throw new ArgumentException($"unknown value {value.GetType().Name}", nameof(value)),
    };

    private static void AddIf(SortedDictionary<string, string> leaves, string path, string? value)
    {
        if (value is not null)
        {
            leaves[path] = value;
        }
    }
}
