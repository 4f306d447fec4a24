using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HarborHa.Model;

/// <summary>
/// Prints a program as one Pulumi YAML document. Output is deterministic: sections in a fixed
/// order, names and keys in ordinal order, no timestamps or paths. Strings that a YAML reader would
/// take for a number, boolean or null are quoted, so they stay strings.
/// </summary>
public static partial class YamlWriter
{
    /// <summary>Writes the program after validating its graph; an invalid graph throws.</summary>
    public static string Write(PulumiProgram program)
    {
        ProgramValidator.EnsureValid(program);
        var root = new YamlMappingNode
        {
            { "name", Scalar(program.Name) },
            { "runtime", Scalar("yaml") },
        };
        if (program.Description is not null)
        {
            root.Add("description", Scalar(program.Description));
        }

        if (program.Config.Count > 0)
        {
            var config = new YamlMappingNode();
            foreach (var c in program.Config)
            {
                var entry = new YamlMappingNode { { "type", Scalar(c.Type) } };
                if (c.IsSecret)
                {
                    entry.Add("secret", Plain("true"));
                }

                if (c.Default is not null)
                {
                    entry.Add("default", Scalar(c.Default));
                }

                config.Add(c.Name, entry);
            }

            root.Add("config", config);
        }

        if (program.Variables.Count > 0)
        {
            root.Add("variables", Map(program.Variables));
        }

        var resources = new YamlMappingNode();
        foreach (var r in program.Resources)
        {
            resources.Add(r.Name, ResourceNode(r));
        }

        root.Add("resources", resources);
        if (program.Outputs.Count > 0)
        {
            root.Add("outputs", Map(program.Outputs));
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024, false, true));
        new YamlStream(new YamlDocument(root)).Save(emitter, assignAnchors: false);
        var text = writer.ToString();
        // The stream ends with an explicit document-end marker; Pulumi reads a single document either way.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlMappingNode ResourceNode(Resource r)
    {
        var node = new YamlMappingNode { { "type", Scalar(r.Type) } };
        if (r.Properties.Count > 0)
        {
            node.Add("properties", Node(r.Properties));
        }

        var options = OptionsNode(r.Options);
        if (options.Children.Count > 0)
        {
            node.Add("options", options);
        }

        return node;
    }

    private static YamlMappingNode OptionsNode(ResourceOptions o)
    {
        var node = new YamlMappingNode();
        if (o.AdditionalSecretOutputs.Count > 0)
        {
            node.Add("additionalSecretOutputs", Strings(o.AdditionalSecretOutputs));
        }

        if (o.CustomTimeouts is { } t)
        {
            var timeouts = new YamlMappingNode();
            AddIf(timeouts, "create", t.Create);
            AddIf(timeouts, "delete", t.Delete);
            AddIf(timeouts, "update", t.Update);
            node.Add("customTimeouts", timeouts);
        }

        if (o.DeleteBeforeReplace)
        {
            node.Add("deleteBeforeReplace", Plain("true"));
        }

        if (o.DependsOn.Count > 0)
        {
            node.Add("dependsOn", new YamlSequenceNode(o.DependsOn.Select(d => Scalar(d.Expression))));
        }

        if (o.IgnoreChanges.Count > 0)
        {
            node.Add("ignoreChanges", Strings(o.IgnoreChanges));
        }

        if (o.Parent is not null)
        {
            node.Add("parent", Scalar(o.Parent.Expression));
        }

        AddIf(node, "pluginDownloadURL", o.PluginDownloadUrl);
        if (o.Protect)
        {
            node.Add("protect", Plain("true"));
        }

        if (o.Provider is not null)
        {
            node.Add("provider", Scalar(o.Provider.Expression));
        }

        if (o.ReplaceOnChanges.Count > 0)
        {
            node.Add("replaceOnChanges", Strings(o.ReplaceOnChanges));
        }

        if (o.RetainOnDelete)
        {
            node.Add("retainOnDelete", Plain("true"));
        }

        AddIf(node, "version", o.Version);
        return node;
    }

    private static YamlNode Node(Value value) => value switch
    {
        Text t => Scalar(EscapeLiteral(t.Value)),
        Number n => Plain(n.ToString()),
        Flag f => Plain(f.Value ? "true" : "false"),
        ListValue l => new YamlSequenceNode(l.Items.Select(Node)),
        MapValue m => Map(m),
        Ref r => Scalar(r.Expression),
        Interpolation i => Scalar(string.Concat(i.Parts.Select(InterpolationPart))),
        Invoke inv => InvokeNode(inv),
        Secret s => Function("fn::secret", Node(s.Inner)),
        ToJson j => Function("fn::toJSON", Node(j.Inner)),
        ToBase64 b => Function("fn::toBase64", Node(b.Inner)),
        Join j => Function("fn::join", new YamlSequenceNode(Scalar(EscapeLiteral(j.Delimiter)), Node(j.Items))),
        Split sp => Function("fn::split", new YamlSequenceNode(Scalar(EscapeLiteral(sp.Delimiter)), Node(sp.Source))),
        Select s => Function("fn::select", new YamlSequenceNode(Plain(s.Index.ToString(CultureInfo.InvariantCulture)), Node(s.Items))),
        _ => throw new ProgramException($"cannot write a value of type {value.GetType().Name}"),
    };

    private static string InterpolationPart(Value part) => part switch
    {
        Text t => EscapeLiteral(t.Value),
        Ref r => r.Expression,
        Number n => n.ToString(),
        _ => throw new ProgramException($"an interpolation can hold text and references only, not {part.GetType().Name}"),
    };

    private static YamlMappingNode InvokeNode(Invoke inv)
    {
        var body = new YamlMappingNode { { "function", Scalar(inv.Function) } };
        if (inv.Arguments.Count > 0)
        {
            body.Add("arguments", Map(inv.Arguments));
        }

        body.Add("options", new YamlMappingNode { { "provider", Scalar(inv.Provider.Expression) } });
        if (inv.Return is not null)
        {
            body.Add("return", Scalar(inv.Return));
        }

        return Function("fn::invoke", body);
    }

    private static YamlMappingNode Function(string name, YamlNode body) => new() { { name, body } };

    private static YamlMappingNode Map(IEnumerable<KeyValuePair<string, Value>> entries)
    {
        var node = new YamlMappingNode();
        foreach (var (key, value) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            node.Add(Scalar(EscapeLiteral(key)), Node(value));
        }

        return node;
    }

    private static YamlSequenceNode Strings(IEnumerable<string> items) => new(items.Select(Scalar));

    private static void AddIf(YamlMappingNode node, string key, string? value)
    {
        if (value is not null)
        {
            node.Add(key, Scalar(value));
        }
    }

    /// <summary>
    /// Pulumi YAML reads every string, map keys included, as an interpolation in which <c>$$</c> stands
    /// for one <c>$</c> and <c>${</c> starts a reference; doubling every <c>$</c> of a literal keeps
    /// <c>${</c>, <c>$$</c> and shell variables in scripts exactly as written.
    /// </summary>
    private static string EscapeLiteral(string text) => text.Replace("$", "$$", StringComparison.Ordinal);

    private static YamlScalarNode Plain(string text) => new(text) { Style = ScalarStyle.Plain };

    private static YamlScalarNode Scalar(string text)
    {
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            // Literal blocks keep scripts and policies readable; trailing spaces would not survive them.
            return new YamlScalarNode(text) { Style = HasTrailingSpaceOnALine(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Literal };
        }

        return new YamlScalarNode(text) { Style = LooksLikeAnotherType(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any };
    }

    private static bool HasTrailingSpaceOnALine(string text) =>
        text.Split('\n').Any(line => line.EndsWith(' ') || line.EndsWith('\t')) || text.StartsWith(' ');

    /// <summary>YAML 1.1 and 1.2 resolve these plain scalars to non-strings; quote them.</summary>
    private static bool LooksLikeAnotherType(string text) => text.Length == 0 || NonStringScalar().IsMatch(text);

    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7]+|0b[01_]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]+(:[0-5]?[0-9])+(\.[0-9_]*)?|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)$")]
    private static partial Regex NonStringScalar();
}
