using System.Text.RegularExpressions;

namespace HarborHa.Tests.Docs;

/// <summary>Links in the docs point at files and sections that exist, inside the repository.</summary>
public partial class DocsLinkTests
{
    public static TheoryData<string> Files() => [.. DocsFiles.All().Select(DocsFiles.Relative)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_relative_link_points_at_an_existing_file_and_section(string relative)
    {
        var file = Path.Combine(Support.TestConfigs.RepoRoot(), relative);
        var broken = new List<string>();
        foreach (Match link in Link().Matches(File.ReadAllText(file)))
        {
            var target = link.Groups["target"].Value;
            if (target.StartsWith("http://", StringComparison.Ordinal) || target.StartsWith("https://", StringComparison.Ordinal)
                || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var (path, anchor) = target.Split('#', 2) is [var p, var a] ? (p, a) : (target, null);
            var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
            if (!resolved.StartsWith(Support.TestConfigs.RepoRoot(), StringComparison.Ordinal))
            {
                broken.Add($"{target}: points outside the repository");
            }
            else if (!File.Exists(resolved) && !Directory.Exists(resolved))
            {
                broken.Add($"{target}: no such file");
            }
            else if (anchor is not null && resolved.EndsWith(".md", StringComparison.Ordinal) && !DocsFiles.Anchors(resolved).Contains(anchor))
            {
                broken.Add($"{target}: no such section");
            }
        }

        Assert.True(broken.Count == 0, $"{relative}:\n" + string.Join("\n", broken));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void No_doc_refers_to_material_outside_the_repository(string relative)
    {
        var text = File.ReadAllText(Path.Combine(Support.TestConfigs.RepoRoot(), relative));
        Assert.DoesNotContain("DESIGN.md", text, StringComparison.Ordinal);
        Assert.DoesNotContain("../shared", text, StringComparison.Ordinal);
        Assert.DoesNotContain("STYLE.md", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();
}
