using System.Text.RegularExpressions;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Docs;

/// <summary>The user-facing documents: README.md and every page under docs/.</summary>
public static partial class DocsFiles
{
    public static IReadOnlyList<string> All()
    {
        var root = TestConfigs.RepoRoot();
        return [Path.Combine(root, "README.md"), .. Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal)];
    }

    public static string Relative(string path) => Path.GetRelativePath(TestConfigs.RepoRoot(), path);

    /// <summary>GitHub's anchor of a heading: lower case, punctuation dropped, spaces to dashes.</summary>
    public static string Anchor(string heading) =>
        NotAnchorChar().Replace(heading.Trim().ToLowerInvariant().Replace(' ', '-'), "");

    /// <summary>Every heading's anchor in a markdown file.</summary>
    public static IReadOnlySet<string> Anchors(string file) =>
        File.ReadLines(file)
            .Where(l => l.StartsWith('#'))
            .Select(l => Anchor(l.TrimStart('#')))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Lines of fenced code blocks (```sh, ```bash, ``` ), with the file and line number.</summary>
    public static IEnumerable<(string File, int Line, string Text)> CodeLines(string file)
    {
        var inBlock = false;
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }

            if (inBlock)
            {
                yield return (file, number, line);
            }
        }
    }

    [GeneratedRegex("[^a-z0-9_-]")]
    private static partial Regex NotAnchorChar();
}
