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
        Headings(File.ReadAllLines(file)).Select(h => Anchor(h.Text)).ToHashSet(StringComparer.Ordinal);

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

    /// <summary>
    /// The rows of the markdown tables in <paramref name="text"/> (header and separator rows left out),
    /// each split into trimmed cells; an escaped <c>\|</c> stays inside its cell.
    /// </summary>
    public static IEnumerable<string[]> TableRows(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith('|') || line.StartsWith("| ---", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = CellSeparator().Split(line.Trim().Trim('|')).Select(c => c.Trim().Replace("\\|", "|", StringComparison.Ordinal)).ToArray();
            yield return cells;
        }
    }

    /// <summary>The text of the section under the first heading that starts with <paramref name="heading"/>, up to the next heading of any level.</summary>
    public static string Section(string text, string heading)
    {
        var lines = text.Split('\n');
        var headings = Headings(lines).ToArray();
        var start = Array.FindIndex(headings, h => h.Text.StartsWith(heading, StringComparison.Ordinal));
        if (start < 0)
        {
            throw new Xunit.Sdk.XunitException($"no heading '{heading}'");
        }

        var end = start + 1 < headings.Length ? headings[start + 1].Index : lines.Length;
        return string.Join('\n', lines[(headings[start].Index + 1)..end]);
    }

    /// <summary>The headings of a markdown text (outside code blocks, where <c>#</c> starts a shell comment): line index, level and text.</summary>
    public static IEnumerable<(int Index, int Level, string Text)> Headings(IReadOnlyList<string> lines)
    {
        var inBlock = false;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
            }
            else if (!inBlock && lines[i].StartsWith('#'))
            {
                yield return (i, lines[i].TakeWhile(c => c == '#').Count(), lines[i].TrimStart('#').Trim());
            }
        }
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparator();

    [GeneratedRegex("[^a-z0-9_-]")]
    private static partial Regex NotAnchorChar();
}
