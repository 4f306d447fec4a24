using System.Text.Json;
using HarborHa.Model;

namespace HarborHa.Checks;

/// <summary>
/// Canonical text of program values, for comparing two programs property by property. Maps and
/// lists are flattened into paths (<c>vpcConfig.subnetIds[0]</c>) so a diff names the exact
/// setting; anything else is one leaf. <see cref="Display(string, string, string)"/> hides literals that may be secrets.
/// </summary>
public static class ValueText
{
    /// <summary>Leaf paths of a value and their canonical text, in ordinal path order.</summary>
    public static SortedDictionary<string, string> Flatten(Value value, string prefix)
    {
        var leaves = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Flatten(value, prefix, leaves);
        return leaves;
    }

    private static void Flatten(Value value, string path, SortedDictionary<string, string> leaves)
    {
        switch (value)
        {
            case MapValue map when map.Count > 0:
                foreach (var (key, v) in map)
                {
                    Flatten(v, path.Length == 0 ? key : $"{path}.{key}", leaves);
                }

                break;
            case ListValue list when list.Items.Count > 0:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    Flatten(list.Items[i], $"{path}[{i}]", leaves);
                }

                break;
            default:
                leaves[path] = Canonical(value);
                break;
        }
    }

    /// <summary>One line of text that is equal for equal values and differs otherwise.</summary>
    public static string Canonical(Value value) => value switch
    {
        Text t => JsonSerializer.Serialize(t.Value),
        Number n => n.ToString(),
        Flag f => f.Value ? "true" : "false",
        Ref r => r.Expression,
        ListValue l => "[" + string.Join(", ", l.Items.Select(Canonical)) + "]",
        MapValue m => "{" + string.Join(", ", m.Select(e => $"{e.Key}: {Canonical(e.Value)}")) + "}",
        Interpolation i => JsonSerializer.Serialize(string.Concat(i.Parts.Select(p => p is Text t ? t.Value : p is Ref r ? r.Expression : Canonical(p)))),
        Invoke inv => $"fn::invoke({inv.Function}, {Canonical(inv.Arguments)}, {inv.Provider.Expression}{(inv.Return is null ? "" : ", " + inv.Return)})",
        Secret s => $"fn::secret({Canonical(s.Inner)})",
        ToJson j => $"fn::toJSON({Canonical(j.Inner)})",
        ToBase64 b => $"fn::toBase64({Canonical(b.Inner)})",
        Join j => $"fn::join({JsonSerializer.Serialize(j.Delimiter)}, {Canonical(j.Items)})",
        Select s => $"fn::select({s.Index}, {Canonical(s.Items)})",
        _ => value.GetType().Name,
    };

    /// <summary>
    /// Text for people: a secret-looking property (by name) or a <c>fn::secret</c> shows no literal,
    /// and long values are shortened.
    /// </summary>
    public static string Display(string path, string canonical) => Display("", path, canonical);

    /// <summary>As <see cref="Display(string, string)"/>; every entry of a Kubernetes Secret's data is hidden, whatever its key.</summary>
    public static string Display(string type, string path, string canonical)
    {
        if (type == ResourceTypes.KubernetesSecret && (path.StartsWith("data", StringComparison.Ordinal) || path.StartsWith("stringData", StringComparison.Ordinal))
            && !canonical.StartsWith("${", StringComparison.Ordinal))
        {
            return "(hidden)";
        }

        var key = path.Split('.', '[').LastOrDefault(p => p.Length > 0 && !char.IsDigit(p[0])) ?? path;
        if (Rules.NoLiteralSecretsRule.LooksSecret(key) && !canonical.StartsWith("${", StringComparison.Ordinal))
        {
            return "(hidden)";
        }

        if (canonical.StartsWith("fn::secret(", StringComparison.Ordinal) && !canonical.StartsWith("fn::secret(${", StringComparison.Ordinal))
        {
            return "fn::secret(hidden)";
        }

        return canonical.Length > 80 ? canonical[..77] + "..." : canonical;
    }
}
