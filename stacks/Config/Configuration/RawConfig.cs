using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HarborHa.Configuration;

/// <summary>A config value as the source gave it; secure values are kept opaque and never decrypted.</summary>
public sealed record RawValue(JsonNode? Node, bool IsSecure);

/// <summary>
/// A stack's config before validation: <c>namespace:key</c> → value. Read either from
/// <c>PULUMI_CONFIG</c> (when Pulumi runs the compiler) or from <c>Pulumi.&lt;stack&gt;.yaml</c> (offline).
/// </summary>
public sealed record RawConfig(IReadOnlyDictionary<string, RawValue> Values, string Origin)
{
    public const string EnvironmentVariable = "PULUMI_CONFIG";

    /// <summary>
    /// JSON reading that rejects duplicate keys when parsing: a JSON object with a key twice would
    /// otherwise fail later, when first enumerated, far from any error handling.
    /// </summary>
    public static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    /// <summary>
    /// Parses <c>PULUMI_CONFIG</c>: a JSON object whose values are strings, structured values being
    /// JSON text inside the string. Secret keys (listed in <c>PULUMI_CONFIG_SECRET_KEYS</c> when Pulumi
    /// sets it) are marked so their values are never used.
    /// </summary>
    public static RawConfig FromEnvironmentJson(string json, string? secretKeysJson = null)
    {
        JsonObject obj;
        try
        {
            obj = JsonNode.Parse(json, null, StrictJson) as JsonObject
                ?? throw new ConfigException([new ConfigError(EnvironmentVariable, "must be a JSON object")]);
        }
        catch (JsonException e)
        {
            throw new ConfigException([new ConfigError(EnvironmentVariable, $"is not valid JSON ({FirstLine(e.Message)})")]);
        }

        var secretKeys = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(secretKeysJson))
        {
            try
            {
                foreach (var k in JsonNode.Parse(secretKeysJson, null, StrictJson)?.AsArray() ?? [])
                {
                    secretKeys.Add(k!.GetValue<string>());
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                throw new ConfigException([new ConfigError("PULUMI_CONFIG_SECRET_KEYS", "is not a JSON list of strings")]);
            }
        }

        var values = new SortedDictionary<string, RawValue>(StringComparer.Ordinal);
        foreach (var (key, node) in obj)
        {
            values[key] = new RawValue(node?.DeepClone(), secretKeys.Contains(key));
        }

        return new RawConfig(values, EnvironmentVariable);
    }

    /// <summary>Reads the <c>config:</c> section of a <c>Pulumi.&lt;stack&gt;.yaml</c> file.</summary>
    public static RawConfig FromStackFile(string path)
    {
        var origin = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new ConfigException([new ConfigError(origin, "stack file not found (create it, or run under Pulumi, which sets PULUMI_CONFIG)")]);
        }

        return FromStackYaml(File.ReadAllText(path), origin);
    }

    /// <summary>Parses stack-file YAML text; <paramref name="origin"/> names it in errors.</summary>
    public static RawConfig FromStackYaml(string yaml, string origin)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ConfigException([new ConfigError(origin, $"is not valid YAML (line {e.Start.Line}: {FirstLine(e.InnerException?.Message ?? e.Message)})")]);
        }

        var values = new SortedDictionary<string, RawValue>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return new RawConfig(values, origin);
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode))
        {
            return new RawConfig(values, origin);
        }

        if (configNode is not YamlMappingNode config)
        {
            throw new ConfigException([new ConfigError(origin, "'config' must be a mapping of keys to values")]);
        }

        var errors = new List<ConfigError>();
        foreach (var (k, v) in config.Children)
        {
            if (k is not YamlScalarNode { Value: { } key })
            {
                errors.Add(new ConfigError(origin, $"line {k.Start.Line}: a config key must be a plain name such as harbor-ha:topology"));
                continue;
            }

            var isSecure = v is YamlMappingNode m && m.Children.Count == 1 && m.Children.ContainsKey(new YamlScalarNode("secure"));
            values[key] = new RawValue(isSecure ? null : ToJson(v, key, errors), isSecure);
        }

        if (errors.Count > 0)
        {
            throw new ConfigException(errors);
        }

        return new RawConfig(values, origin);
    }

    /// <summary>
    /// YAML scalars stay strings here; the parser decides what type each key needs. A mapping key
    /// that is not a plain scalar (<c>? [a, b]</c>) is reported against <paramref name="path"/>.
    /// </summary>
    private static JsonNode? ToJson(YamlNode node, string path, List<ConfigError> errors)
    {
        switch (node)
        {
            case YamlScalarNode s when s.Style == ScalarStyle.Plain && s.Value is "~" or "null" or "":
                return null;
            case YamlScalarNode s:
                return JsonValue.Create(s.Value ?? "");
            case YamlSequenceNode seq:
                return new JsonArray(seq.Children.Select((item, i) => ToJson(item, $"{path}[{i}]", errors)).ToArray());
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (k, v) in map.Children)
                {
                    if (k is not YamlScalarNode { Value: { } key })
                    {
                        errors.Add(new ConfigError(path, $"line {k.Start.Line}: a key must be a plain name, not a list or mapping"));
                        continue;
                    }

                    obj[key] = ToJson(v, $"{path}.{key}", errors);
                }

                return obj;
            default:
                return null;
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
