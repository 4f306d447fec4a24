using System.Text.Json;
using System.Text.Json.Nodes;
using HarborHa.Configuration;

namespace HarborHa.Cli;

/// <summary>
/// Pulumi runs the compiler with its own PULUMI_STACK and PULUMI_CONFIG followed by the process
/// environment, and the last duplicate wins (pulumi-yaml, <c>LoadFromCompiler</c>: <c>cmd.Env =
/// append(env, os.Environ()...)</c>). A PULUMI_STACK or PULUMI_CONFIG exported in the user's shell
/// therefore replaces what Pulumi passes, and the compiler cannot see the original. What it can
/// see is a disagreement between the two: the config must be the one in the stack's own file.
/// </summary>
public static class PulumiEnvironmentGuard
{
    private const string Prefix = StackConfig.Namespace + ":";

    /// <summary>Warnings for stderr; none outside Pulumi or when stack and config agree.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyDictionary<string, string?> environment, string projectDirectory)
    {
        if (!environment.Keys.Any(k => k.StartsWith("PULUMI_", StringComparison.Ordinal)))
        {
            return [];
        }

        var stack = environment.GetValueOrDefault("PULUMI_STACK");
        var json = environment.GetValueOrDefault(RawConfig.EnvironmentVariable);
        const string Why = "a PULUMI_STACK or PULUMI_CONFIG exported in this shell replaces what Pulumi passes to the compiler; run `unset PULUMI_STACK PULUMI_CONFIG` and retry";
        if (string.IsNullOrEmpty(stack))
        {
            return string.IsNullOrEmpty(json) ? [] : [$"warning: PULUMI_CONFIG is set but PULUMI_STACK is not, so this is not the stack Pulumi selected: {Why}"];
        }

        var name = stack[(stack.LastIndexOf('/') + 1)..];
        var file = Path.Combine(projectDirectory, $"Pulumi.{name}.yaml");
        if (string.IsNullOrEmpty(json) || !File.Exists(file))
        {
            return [];
        }

        IReadOnlyList<string> differing;
        try
        {
            differing = DifferingKeys(RawConfig.FromStackFile(file), RawConfig.FromEnvironmentJson(json));
        }
        catch (ConfigException)
        {
            return []; // loading the config reports the problem itself
        }

        return differing.Count == 0
            ? []
            : [$"warning: PULUMI_CONFIG does not match Pulumi.{name}.yaml of PULUMI_STACK={stack} ({string.Join(", ", differing.Take(5))}{(differing.Count > 5 ? ", …" : "")}); building the program of PULUMI_CONFIG. {char.ToUpperInvariant(Why[0])}{Why[1..]}"];
    }

    /// <summary>harbor-ha keys present on one side only, or with another plain value (secure values are not compared).</summary>
    public static IReadOnlyList<string> DifferingKeys(RawConfig stackFile, RawConfig pulumiConfig)
    {
        var keys = stackFile.Values.Keys.Concat(pulumiConfig.Values.Keys)
            .Where(k => k.StartsWith(Prefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var differing = new List<string>();
        foreach (var key in keys)
        {
            var inFile = stackFile.Values.GetValueOrDefault(key);
            var inEnv = pulumiConfig.Values.GetValueOrDefault(key);
            if (inFile is null || inEnv is null)
            {
                differing.Add(key);
            }
            else if (!inFile.IsSecure && !inEnv.IsSecure && Canonical(inFile.Node) != Canonical(FromPulumi(inEnv.Node)))
            {
                differing.Add(key);
            }
        }

        return differing;
    }

    /// <summary>Pulumi passes structured values as JSON text inside a string.</summary>
    private static JsonNode? FromPulumi(JsonNode? node)
    {
        if (node is JsonValue v && v.TryGetValue<string>(out var text) && text.TrimStart() is ['[' or '{', ..])
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                return node;
            }
        }

        return node;
    }

    /// <summary>Scalars compared as text (a stack file keeps YAML scalars as strings; Pulumi types them), keys sorted.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        null => "",
        JsonObject o => "{" + string.Join(",", o.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}:{Canonical(e.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
