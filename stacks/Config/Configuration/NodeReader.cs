using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HarborHa.Configuration;

/// <summary>
/// Typed reads of config values that record a <see cref="ConfigError"/> instead of throwing, so
/// that every problem is reported at once. Accepts both sources' spellings: YAML scalars arrive as
/// strings, <c>PULUMI_CONFIG</c> structured values as JSON text.
/// </summary>
public sealed class NodeReader
{
    private readonly List<ConfigError> _errors;

    public NodeReader(List<ConfigError> errors) => _errors = errors;

    public void Error(string key, string message) => _errors.Add(new ConfigError(key, message));

    /// <summary>How many problems have been recorded so far.</summary>
    public int Count => _errors.Count;

    public string? String(string key, JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.TryGetValue<string>(out var s))
        {
            return s;
        }

        if (node is JsonValue n && n.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
        {
            return n.ToJsonString();
        }

        Error(key, $"must be a string, not {Describe(node)}");
        return null;
    }

    public long? Integer(string key, JsonNode? node, long min, long max)
    {
        if (node is null)
        {
            return null;
        }

        long value;
        if (node is JsonValue v && v.TryGetValue<long>(out var l))
        {
            value = l;
        }
        else if (node is JsonValue s && s.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
        }
        else
        {
            Error(key, $"must be a whole number, not {Describe(node)}");
            return null;
        }

        if (value < min || value > max)
        {
            Error(key, $"must be between {min} and {max} (got {value})");
            return null;
        }

        return value;
    }

    public bool? Boolean(string key, JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetValue<bool>();
        }

        if (node is JsonValue s && s.TryGetValue<string>(out var text) && text is "true" or "false")
        {
            return text == "true";
        }

        Error(key, $"must be true or false, not {Describe(node)}");
        return null;
    }

    /// <summary>Reads one of the spellings in <paramref name="choices"/> (e.g. <c>single-site</c>).</summary>
    public T? Choice<T>(string key, JsonNode? node, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var text = String(key, node);
        if (text is null)
        {
            return null;
        }

        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }

        Error(key, $"must be one of {string.Join(", ", choices.Keys)} (got '{text}')");
        return null;
    }

    /// <summary>A list; a string holding JSON text (as in <c>PULUMI_CONFIG</c>) is parsed first.</summary>
    public JsonArray? Array(string key, JsonNode? node)
    {
        node = Structured(key, node);
        if (node is null)
        {
            return null;
        }

        if (node is JsonArray a)
        {
            return a;
        }

        Error(key, $"must be a list, not {Describe(node)}");
        return null;
    }

    /// <summary>An object; a string holding JSON text is parsed first.</summary>
    public JsonObject? Object(string key, JsonNode? node)
    {
        node = Structured(key, node);
        if (node is null)
        {
            return null;
        }

        if (node is JsonObject o)
        {
            return o;
        }

        Error(key, $"must be an object, not {Describe(node)}");
        return null;
    }

    public IReadOnlyList<string>? Strings(string key, JsonNode? node)
    {
        var array = Array(key, node);
        return array?.Select((item, i) => String($"{key}[{i}]", item) ?? "").ToArray();
    }

    public IReadOnlyDictionary<string, string>? StringMap(string key, JsonNode? node)
    {
        var obj = Object(key, node);
        if (obj is null)
        {
            return null;
        }

        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in obj)
        {
            map[k] = String($"{key}.{k}", v) ?? "";
        }

        return map;
    }

    /// <summary>Reports fields of an object that the reader does not know, with a suggestion.</summary>
    public void RejectUnknownFields(string key, JsonObject obj, IReadOnlyCollection<string> known)
    {
        foreach (var (field, _) in obj)
        {
            if (!known.Contains(field))
            {
                Error($"{key}.{field}", "is not a known setting" + Suggestion.For(field, known));
            }
        }
    }

    private JsonNode? Structured(string key, JsonNode? node)
    {
        if (node is JsonValue v && v.TryGetValue<string>(out var text))
        {
            var trimmed = text.TrimStart();
            if (trimmed.StartsWith('[') || trimmed.StartsWith('{'))
            {
                try
                {
                    return JsonNode.Parse(text, null, RawConfig.StrictJson);
                }
                catch (JsonException e)
                {
                    Error(key, $"is not valid JSON ({e.Message.Split('\n')[0]})");
                    return null;
                }
            }
        }

        return node;
    }

    private static string Describe(JsonNode node) => node switch
    {
        JsonArray => "a list",
        JsonObject => "an object",
        JsonValue v when v.TryGetValue<string>(out var s) => $"'{s}'",
        _ => node.ToJsonString(),
    };
}
