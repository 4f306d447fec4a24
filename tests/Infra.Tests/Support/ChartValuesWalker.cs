using HarborHa.Model;
using YamlDotNet.RepresentationModel;

namespace HarborHa.Tests.Support;

/// <summary>
/// Checks Helm values against a chart's values.yaml: Helm silently ignores a misspelt key, so
/// every key path the program sets must exist in the chart's own file. An empty mapping in the
/// chart (<c>nodeSelector: {}</c>) is free-form: anything below it is accepted; a scalar, list or
/// null in the chart takes any value.
/// </summary>
public static class ChartValuesWalker
{
    public static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>Every key path of <paramref name="values"/> that the chart does not know, dotted.</summary>
    public static IReadOnlyList<string> UnknownKeys(MapValue values, YamlMappingNode chart, IReadOnlySet<string>? allowed = null)
    {
        var unknown = new List<string>();
        Walk(values, chart, "", unknown, allowed ?? new HashSet<string>());
        return unknown;
    }

    /// <summary>Every key path a values map sets, dotted, leaves only.</summary>
    public static IEnumerable<string> Paths(MapValue values, string prefix = "")
    {
        foreach (var (key, value) in values)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (value is MapValue map && map.Count > 0)
            {
                foreach (var p in Paths(map, path))
                {
                    yield return p;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    private static void Walk(MapValue values, YamlMappingNode chart, string prefix, List<string> unknown, IReadOnlySet<string> allowed)
    {
        foreach (var (key, value) in values)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (allowed.Contains(path))
            {
                continue;
            }

            if (!chart.Children.TryGetValue(new YamlScalarNode(key), out var node))
            {
                unknown.Add(path);
                continue;
            }

            if (value is MapValue map && node is YamlMappingNode sub && sub.Children.Count > 0)
            {
                Walk(map, sub, path, unknown, allowed);
            }
            else if (value is MapValue && node is YamlScalarNode { Value.Length: > 0 })
            {
                unknown.Add(path + " (the chart has a scalar here)");
            }
        }
    }

    /// <summary>The shared fixtures folder (../shared/fixtures from the repository's parent).</summary>
    public static string Fixture(params string[] parts)
    {
        var root = TestConfigs.RepoRoot();
        foreach (var candidate in new[] { Path.Combine(root, "..", "..", "shared", "fixtures"), Path.Combine(root, "..", "shared", "fixtures") })
        {
            var path = Path.Combine([candidate, .. parts]);
            if (File.Exists(path))
            {
                return Path.GetFullPath(path);
            }
        }

        throw new FileNotFoundException($"fixture {string.Join('/', parts)} not found next to the repository");
    }
}
