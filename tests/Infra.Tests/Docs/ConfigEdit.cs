using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace HarborHa.Tests.Docs;

/// <summary>
/// Applies the stack-file edits that the docs show as shell lines, the way the real tools would, to a
/// scratch project folder: <c>cp A B</c>, <c>mv A B</c> (stack files) and
/// <c>pulumi config set|rm [--config-file F] [--stack S] [--path] KEY [VALUE]</c>.
/// </summary>
public static partial class ConfigEdit
{
    public static bool IsEdit(string line) => Edit().IsMatch(line);

    /// <summary>Applies one edit; returns what is wrong with it, or null.</summary>
    public static string? Apply(string project, string line)
    {
        var words = Word().Matches(line.Split(" #")[0]).Select(m => m.Value.Trim('\'', '"')).ToArray();
        if (words[0] is "cp" or "mv")
        {
            var (from, to) = (Path.Combine(project, words[1]), Path.Combine(project, words[2]));
            if (!File.Exists(from))
            {
                return $"{words[1]} does not exist at this step";
            }

            if (words[0] == "cp")
            {
                File.Copy(from, to, overwrite: true);
            }
            else
            {
                File.Move(from, to, overwrite: true);
            }

            return null;
        }

        // pulumi config set|rm ...
        var remove = words[2] == "rm";
        string? file = null, stack = null;
        var path = false;
        var positional = new List<string>();
        for (var i = 3; i < words.Length; i++)
        {
            switch (words[i])
            {
                case "--config-file": file = words[++i]; break;
                case "--stack" or "-s": stack = words[++i]; break;
                case "--path": path = true; break;
                case "--plaintext" or "--yes" or "-y": break;
                case "--secret": return null; // a secret is encrypted by Pulumi; the compiler never reads it from the file
                case var w when w.StartsWith('-'): return $"option {w} is not simulated";
                default: positional.Add(words[i]); break;
            }
        }

        file ??= stack is null ? null : $"Pulumi.{stack}.yaml";
        if (file is null)
        {
            return "name the stack file (--config-file) or the stack (--stack), so the edit is unambiguous";
        }

        var full = Path.Combine(project, file);
        if (!File.Exists(full))
        {
            return $"{file} does not exist at this step";
        }

        var yaml = new YamlStream();
        using (var reader = new StreamReader(full))
        {
            yaml.Load(reader);
        }

        var config = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("config")];
        var problem = remove ? Remove(config, positional[0], path) : Set(config, positional[0], positional[1], path);
        using (var writer = new StreamWriter(full))
        {
            yaml.Save(writer, assignAnchors: false);
        }

        return problem;
    }

    private static (string Key, string[] Segments) Split(string key, bool path)
    {
        if (!path)
        {
            return (key, []);
        }

        var first = key.IndexOfAny(['[', '.']);
        var top = first < 0 ? key : key[..first];
        var rest = first < 0 ? [] : Segment().Matches(key[first..]).Select(m => m.Groups["index"].Success ? m.Groups["index"].Value : m.Groups["name"].Value).ToArray();
        return (top, rest);
    }

    private static string? Set(YamlMappingNode config, string key, string value, bool path)
    {
        var (top, segments) = Split(key, path);
        if (segments.Length == 0)
        {
            config.Children[new YamlScalarNode(top)] = new YamlScalarNode(value);
            return null;
        }

        YamlNode node = config.Children.TryGetValue(new YamlScalarNode(top), out var existing) ? existing : config.Children[new YamlScalarNode(top)] = NewFor(segments[0]);
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            YamlNode Child() => last ? new YamlScalarNode(value) : NewFor(segments[i + 1]);
            switch (node)
            {
                case YamlSequenceNode seq when int.TryParse(segments[i], out var index):
                    if (index > seq.Children.Count)
                    {
                        return $"index {index} is past the end of a list of {seq.Children.Count}";
                    }

                    if (index == seq.Children.Count)
                    {
                        seq.Children.Add(Child());
                    }
                    else if (last)
                    {
                        seq.Children[index] = Child();
                    }

                    node = seq.Children[index];
                    break;
                case YamlMappingNode map:
                    var name = new YamlScalarNode(segments[i]);
                    if (last || !map.Children.ContainsKey(name))
                    {
                        map.Children[name] = Child();
                    }

                    node = map.Children[name];
                    break;
                default:
                    return $"'{segments[i]}' does not fit the value at that place";
            }
        }

        return null;
    }

    private static string? Remove(YamlMappingNode config, string key, bool path)
    {
        var (top, segments) = Split(key, path);
        if (!config.Children.TryGetValue(new YamlScalarNode(top), out var node))
        {
            return $"{top} is not set";
        }

        if (segments.Length == 0)
        {
            config.Children.Remove(new YamlScalarNode(top));
            return null;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            switch (node)
            {
                case YamlSequenceNode seq when int.TryParse(segments[i], out var index) && index < seq.Children.Count:
                    if (last)
                    {
                        seq.Children.RemoveAt(index);
                        return null;
                    }

                    node = seq.Children[index];
                    break;
                case YamlMappingNode map when map.Children.ContainsKey(new YamlScalarNode(segments[i])):
                    if (last)
                    {
                        map.Children.Remove(new YamlScalarNode(segments[i]));
                        return null;
                    }

                    node = map.Children[new YamlScalarNode(segments[i])];
                    break;
                default:
                    return $"'{segments[i]}' is not in the value";
            }
        }

        return null;
    }

    private static YamlNode NewFor(string segment) => int.TryParse(segment, out _) ? new YamlSequenceNode() : new YamlMappingNode();

    [GeneratedRegex(@"^\s*(?:cp|mv)\s+Pulumi\.[A-Za-z0-9._-]+\.yaml\s+Pulumi\.[A-Za-z0-9._-]+\.yaml\s*(#.*)?$|^\s*pulumi config (?:set|rm)\s")]
    private static partial Regex Edit();

    [GeneratedRegex(@"'[^']*'|""[^""]*""|\S+")]
    private static partial Regex Word();

    [GeneratedRegex(@"\[(?<index>\d+)\]|\.?(?<name>[A-Za-z0-9_-]+)")]
    private static partial Regex Segment();
}
