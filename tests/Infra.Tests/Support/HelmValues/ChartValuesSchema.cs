using System.Text.RegularExpressions;
using HarborHa.Model;
using YamlDotNet.RepresentationModel;

namespace HarborHa.Tests.Support.HelmValues;

/// <summary>
/// The key tree of a Helm chart's values.yaml, to check that every value a program sets is a key
/// the chart knows: Helm silently ignores a misspelt key, so this is the only place it is caught.
/// Two sources make a key known:
/// <list type="bullet">
/// <item>the file's YAML mappings (declared keys);</item>
/// <item>commented-out keys (<c>#existingSecret: ""</c>, <c># resources:</c> with its nested
/// lines), which is how charts document optional keys their templates read.</item>
/// </list>
/// Below a key the chart declares as an empty map (<c>{}</c>), a list, or null, anything goes: those
/// hold Kubernetes objects (annotations, affinity, spread constraints) passed through verbatim.
/// So do the contents of the <see cref="DefaultOpaqueKeys"/>, whatever the chart shows as an example.
/// </summary>
public sealed partial class ChartValuesSchema
{
    /// <summary>Keys whose contents are Kubernetes structures copied with toYaml, not chart settings.</summary>
    public static readonly IReadOnlySet<string> DefaultOpaqueKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "affinity", "annotations", "labels", "nodeSelector", "podAnnotations", "podLabels", "resources",
        "tolerations", "topologySpreadConstraints",
    };

    private readonly Node _root;
    private readonly IReadOnlySet<string> _opaque;

    private ChartValuesSchema(Node root, IReadOnlySet<string> opaque)
    {
        _root = root;
        _opaque = opaque;
    }

    /// <summary>Reads a chart's values.yaml.</summary>
    public static ChartValuesSchema Load(string path, IReadOnlySet<string>? opaqueKeys = null) =>
        Parse(File.ReadAllText(path), opaqueKeys);

    public static ChartValuesSchema Parse(string valuesYaml, IReadOnlySet<string>? opaqueKeys = null)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(valuesYaml));
        var root = stream.Documents.Count == 0 ? new Node(Shape.Map, false, open: true) : FromYaml(stream.Documents[0].RootNode);
        AddCommentedKeys(root, valuesYaml);
        return new ChartValuesSchema(root, opaqueKeys ?? DefaultOpaqueKeys);
    }

    /// <summary>Whether a dotted path (<c>core.existingSecret</c>) is known, declared or commented.</summary>
    public bool Knows(string dottedPath) => Find(dottedPath.Split('.')) is not null;

    /// <summary>Whether a dotted path is declared by the chart's YAML itself (not only in a comment).</summary>
    public bool Declares(string dottedPath) => Find(dottedPath.Split('.')) is { Commented: false };

    /// <summary>
    /// Every problem with a values tree: keys the chart does not know, and maps set where the
    /// chart has a plain value. Paths are dotted (<c>core.podDisruptionBudget.enabled</c>).
    /// </summary>
    public IReadOnlyList<string> Problems(MapValue values)
    {
        var problems = new List<string>();
        Walk(values, _root, "", problems);
        return problems;
    }

    /// <summary>Every dotted key path a values tree sets (maps are walked, lists and other values are leaves).</summary>
    public static IEnumerable<string> PathsOf(MapValue values, string prefix = "")
    {
        foreach (var (key, value) in values)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            yield return path;
            if (value is MapValue map)
            {
                foreach (var p in PathsOf(map, path))
                {
                    yield return p;
                }
            }
        }
    }

    private void Walk(MapValue values, Node chart, string prefix, List<string> problems)
    {
        foreach (var (key, value) in values)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (!chart.Children.TryGetValue(key, out var node))
            {
                problems.Add($"{path}: not a key of the chart's values" + Nearest(chart, key));
                continue;
            }

            if (value is not MapValue map)
            {
                if (value is Text or Number or Flag or ListValue && node is { Shape: Shape.Map, Open: false, Commented: false })
                {
                    problems.Add($"{path}: the chart has a map here, not a plain value or list");
                }

                continue;
            }

            if (_opaque.Contains(key) || node.Open)
            {
                continue;
            }

            if (node.Shape == Shape.Scalar && !node.Commented)
            {
                problems.Add($"{path}: the chart has a plain value here, not a map");
                continue;
            }

            Walk(map, node, path, problems);
        }
    }

    private Node? Find(IEnumerable<string> path)
    {
        var node = _root;
        foreach (var part in path)
        {
            if (!node.Children.TryGetValue(part, out var next))
            {
                return null;
            }

            node = next;
        }

        return node;
    }

    private static string Nearest(Node chart, string key)
    {
        var best = chart.Children.Keys
            .Select(k => (Key: k, Distance: Distance(k.ToLowerInvariant(), key.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(2, key.Length / 4))
            .OrderBy(c => c.Distance).ThenBy(c => c.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Key is null ? "" : $" (did you mean '{best.Key}'?)";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }

    private static Node FromYaml(YamlNode yaml)
    {
        switch (yaml)
        {
            case YamlMappingNode map:
                {
                    var node = new Node(Shape.Map, false, open: map.Children.Count == 0);
                    foreach (var (k, v) in map.Children)
                    {
                        node.Children[((YamlScalarNode)k).Value ?? ""] = FromYaml(v);
                    }

                    return node;
                }

            case YamlSequenceNode:
                return new Node(Shape.List, false, open: true);
            case YamlScalarNode scalar when IsNull(scalar):
                // A key with nothing after it (`priorityClassName:`) is null: open to any value.
                return new Node(Shape.Null, false, open: true);
            default:
                return new Node(Shape.Scalar, false);
        }
    }

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && (scalar.Value is null or "" or "~" or "null");

    /// <summary>
    /// Reads commented-out keys line by line. A run of comment lines attaches to the mapping its
    /// <c>#</c> is indented under (the last real key with a smaller indent); inside the run, deeper
    /// indented keys nest under shallower ones, as they would once uncommented.
    /// </summary>
    private static void AddCommentedKeys(Node root, string text)
    {
        var real = new List<(int Indent, Node Node)>();
        var run = new List<(int KeyColumn, Node Node)>();
        foreach (var raw in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.Trim().Length == 0)
            {
                continue;
            }

            var comment = CommentedKey().Match(raw);
            if (raw.TrimStart().StartsWith('#'))
            {
                if (!comment.Success)
                {
                    continue;
                }

                var hashColumn = comment.Groups["hash"].Length;
                var keyColumn = comment.Groups["key"].Index;
                var key = comment.Groups["key"].Value;
                while (run.Count > 0 && run[^1].KeyColumn >= keyColumn)
                {
                    run.RemoveAt(run.Count - 1);
                }

                Node parent;
                if (run.Count > 0)
                {
                    parent = run[^1].Node;
                }
                else
                {
                    while (real.Count > 0 && real[^1].Indent >= hashColumn)
                    {
                        real.RemoveAt(real.Count - 1);
                    }

                    parent = real.Count > 0 ? real[^1].Node : root;
                }

                if (parent.Shape is not (Shape.Map or Shape.Null) && !parent.Commented)
                {
                    continue;
                }

                if (!parent.Children.TryGetValue(key, out var child))
                {
                    child = new Node(comment.Groups["value"].Value.Trim().Length == 0 ? Shape.Null : Shape.Scalar, true);
                    parent.Children[key] = child;
                }

                run.Add((keyColumn, child));
                continue;
            }

            run.Clear();
            var line = RealKey().Match(raw);
            if (!line.Success)
            {
                continue;
            }

            var indent = line.Groups["indent"].Length;
            while (real.Count > 0 && real[^1].Indent >= indent)
            {
                real.RemoveAt(real.Count - 1);
            }

            var container = real.Count > 0 ? real[^1].Node : root;
            if (container.Children.TryGetValue(line.Groups["key"].Value, out var declared))
            {
                real.Add((indent, declared));
            }
            else
            {
                // Not a mapping key of the tree (inside a list item or a block scalar): keep the
                // indentation, attach nothing to it.
                real.Add((indent, new Node(Shape.Scalar, false)));
            }
        }
    }

    [GeneratedRegex(@"^(?<hash>\s*)#\s?\s*(?<key>[A-Za-z_][A-Za-z0-9_]*):(?<value>(\s.*)?)$")]
    private static partial Regex CommentedKey();

    [GeneratedRegex(@"^(?<indent>\s*)(?<key>[A-Za-z_][A-Za-z0-9_.-]*)\s*:(\s|$)")]
    private static partial Regex RealKey();

    private enum Shape
    {
        Map,
        List,
        Scalar,
        Null,
    }

    private sealed class Node(Shape shape, bool commented, bool open = false)
    {
        public Shape Shape { get; } = shape;

        /// <summary>Known from a commented-out line only.</summary>
        public bool Commented { get; } = commented;

        /// <summary>Declared as <c>{}</c>, a list, or null: the chart takes any structure here.</summary>
        public bool Open { get; } = open;

        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);
    }
}
