using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HarborHa.Model;

/// <summary>
/// Reads a Pulumi YAML program that <see cref="YamlWriter"/> printed back into the program model, so
/// two programs on disk (one built by the old code, one by the new) can be compared. It reads what
/// the writer writes: plain integers and booleans are literals, quoted scalars are strings, <c>${…}</c>
/// is a reference and <c>$$</c> one dollar sign, one-key <c>fn::</c> maps are functions. Accepted
/// trade-offs (<see cref="Resource.AcceptedRisks"/>) are not part of the YAML and are not restored.
/// </summary>
public static class YamlReader
{
    /// <summary>Parses the program; malformed input throws <see cref="ProgramException"/> naming the line.</summary>
    public static PulumiProgram Read(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ProgramException($"not valid YAML (line {e.Start.Line}: {(e.InnerException?.Message ?? e.Message).Split('\n')[0]})");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ProgramException("not a Pulumi YAML program: expected one document that is a mapping");
        }

        var name = Scalar(Child(root, "name") ?? throw new ProgramException("not a Pulumi YAML program: no 'name'"), "name");
        if (Child(root, "resources") is not YamlMappingNode resources)
        {
            throw new ProgramException("not a Pulumi YAML program: no 'resources' mapping");
        }

        var program = new PulumiProgram(name, Child(root, "description") is { } d ? Scalar(d, "description") : null);
        if (Child(root, "config") is YamlMappingNode config)
        {
            foreach (var (key, node) in config.Children)
            {
                var entry = node as YamlMappingNode ?? throw Error(node, $"config '{key}' must be a mapping");
                program.DeclareConfig(new ConfigDeclaration(
                    Scalar(key, "config"),
                    Scalar(Child(entry, "type") ?? throw Error(node, $"config '{key}' has no type"), "type"),
                    Child(entry, "secret") is { } s && Scalar(s, "secret") == "true",
                    Child(entry, "default") is { } def ? Scalar(def, "default") : null));
            }
        }

        foreach (var (key, node) in Entries(Child(root, "variables")))
        {
            program.AddVariable(key, Value(node));
        }

        foreach (var (key, node) in resources.Children)
        {
            program.Add(ReadResource(Scalar(key, "resource name"), node));
        }

        foreach (var (key, node) in Entries(Child(root, "outputs")))
        {
            program.AddOutput(key, Value(node));
        }

        return program;
    }

    private static Resource ReadResource(string name, YamlNode node)
    {
        var map = node as YamlMappingNode ?? throw Error(node, $"resource '{name}' must be a mapping");
        var type = Scalar(Child(map, "type") ?? throw Error(node, $"resource '{name}' has no type"), "type");
        var properties = Child(map, "properties") is { } p
            ? Value(p) as MapValue ?? throw Error(p, $"resource '{name}': properties must be a mapping")
            : new MapValue();
        return new Resource(name, type, properties, Child(map, "options") is YamlMappingNode o ? Options(o) : new ResourceOptions());
    }

    private static ResourceOptions Options(YamlMappingNode o)
    {
        IReadOnlyList<string> Strings(string key) => Child(o, key) is YamlSequenceNode seq ? seq.Children.Select(c => Scalar(c, key)).ToArray() : [];
        bool Flag(string key) => Child(o, key) is { } n && Scalar(n, key) == "true";
        string? Text(string key) => Child(o, key) is { } n ? Scalar(n, key) : null;
        Ref? Reference(string key) => Text(key) is { } t ? AsRef(t, o) : null;
        CustomTimeouts? timeouts = null;
        if (Child(o, "customTimeouts") is YamlMappingNode t)
        {
            string? T(string key) => Child(t, key) is { } n ? Scalar(n, key) : null;
            timeouts = new CustomTimeouts(T("create"), T("update"), T("delete"));
        }

        return new ResourceOptions
        {
            AdditionalSecretOutputs = Strings("additionalSecretOutputs"),
            CustomTimeouts = timeouts,
            DeleteBeforeReplace = Flag("deleteBeforeReplace"),
            DependsOn = Strings("dependsOn").Select(d => AsRef(d, o)).ToArray(),
            IgnoreChanges = Strings("ignoreChanges"),
            Parent = Reference("parent"),
            PluginDownloadUrl = Text("pluginDownloadURL"),
            Protect = Flag("protect"),
            Provider = Reference("provider"),
            ReplaceOnChanges = Strings("replaceOnChanges"),
            RetainOnDelete = Flag("retainOnDelete"),
            Version = Text("version"),
        };
    }

    private static Value Value(YamlNode node) => node switch
    {
        YamlScalarNode s when s.Style == ScalarStyle.Plain && s.Value is "true" or "false" => new Flag(s.Value == "true"),
        YamlScalarNode s when s.Style == ScalarStyle.Plain && long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => new Number(n),
        YamlScalarNode s => Interpolated(s.Value ?? "", s),
        YamlSequenceNode seq => new ListValue(seq.Children.Select(Value).ToArray()),
        YamlMappingNode m when m.Children.Count == 1 && m.Children.Keys.Single() is YamlScalarNode { Value: { } k } && k.StartsWith("fn::", StringComparison.Ordinal) =>
            Function(k, m.Children.Values.Single()),
        YamlMappingNode m => new MapValue(m.Children.Select(e => KeyValuePair.Create(Literal(Scalar(e.Key, "key"), e.Key), Value(e.Value)))),
        _ => throw Error(node, "unsupported YAML node"),
    };

    private static Value Function(string name, YamlNode body)
    {
        YamlNode Arg(int i) => body is YamlSequenceNode seq && seq.Children.Count == 2 ? seq.Children[i] : throw Error(body, $"{name} takes a list of two items");
        switch (name)
        {
            case "fn::secret":
                return new Secret(Value(body));
            case "fn::toJSON":
                return new ToJson(Value(body));
            case "fn::toBase64":
                return new ToBase64(Value(body));
            case "fn::join":
                return new Join(Literal(Scalar(Arg(0), name), body), Value(Arg(1)));
            case "fn::split":
                return new Split(Literal(Scalar(Arg(0), name), body), Value(Arg(1)));
            case "fn::select":
                return new Select(int.Parse(Scalar(Arg(0), name), CultureInfo.InvariantCulture), Value(Arg(1)));
            case "fn::invoke":
                var map = body as YamlMappingNode ?? throw Error(body, "fn::invoke takes a mapping");
                var options = Child(map, "options") as YamlMappingNode ?? throw Error(body, "fn::invoke without options.provider");
                return new Invoke(
                    Scalar(Child(map, "function") ?? throw Error(body, "fn::invoke without function"), "function"),
                    Child(map, "arguments") is { } a ? Value(a) as MapValue ?? throw Error(a, "fn::invoke arguments must be a mapping") : new MapValue(),
                    AsRef(Scalar(Child(options, "provider") ?? throw Error(body, "fn::invoke without options.provider"), "provider"), body),
                    Child(map, "return") is { } r ? Scalar(r, "return") : null);
            default:
                throw Error(body, $"unsupported function {name}");
        }
    }

    /// <summary>A string in which <c>${…}</c> references and <c>$$</c> escapes are resolved, as Pulumi YAML reads it.</summary>
    private static Value Interpolated(string text, YamlNode at)
    {
        var parts = new List<Value>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '$')
            {
                literal.Append('$');
                i++;
            }
            else if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = text.IndexOf('}', i + 2);
                if (end < 0)
                {
                    throw Error(at, "unterminated ${ reference");
                }

                if (literal.Length > 0)
                {
                    parts.Add(new Text(literal.ToString()));
                    literal.Clear();
                }

                parts.Add(RefOf(text[(i + 2)..end]));
                i = end;
            }
            else
            {
                literal.Append(text[i]);
            }
        }

        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add(new Text(literal.ToString()));
        }

        return parts.Count == 1 ? parts[0] : new Interpolation(parts);
    }

    private static Ref RefOf(string expression)
    {
        var dot = expression.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? new Ref(expression) : new Ref(expression[..dot], expression[(dot + 1)..]);
    }

    private static Ref AsRef(string text, YamlNode at) =>
        Interpolated(text, at) as Ref ?? throw Error(at, $"expected a reference such as ${{name}}, got '{text}'");

    private static string Literal(string text, YamlNode at) =>
        Interpolated(text, at) is Text t ? t.Value : throw Error(at, $"expected literal text, got '{text}'");

    private static IEnumerable<(string Key, YamlNode Node)> Entries(YamlNode? node) =>
        node is YamlMappingNode m ? m.Children.Select(e => (Scalar(e.Key, "key"), e.Value)) : [];

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string Scalar(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } v } ? v : throw Error(node, $"{what} must be a scalar");

    private static ProgramException Error(YamlNode node, string message) => new($"line {node.Start.Line}: {message}");
}
