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
        var text = File.ReadAllText(file);
        foreach (var target in Link().Matches(text).Concat(ReferenceLink().Matches(text)).Concat(HtmlLink().Matches(text)).Select(m => m.Groups["target"].Value))
        {
            if (Uri.TryCreate(target, UriKind.Absolute, out var uri) && target.Contains(':', StringComparison.Ordinal) && !target.StartsWith('/'))
            {
                if (uri.Scheme is not ("http" or "https"))
                {
                    broken.Add($"{target}: only http(s) links to public pages may leave the repository");
                }
                else if (uri.IsLoopback || uri.Host.EndsWith(".internal", StringComparison.Ordinal) || uri.Host.EndsWith(".local", StringComparison.Ordinal)
                    || System.Net.IPAddress.TryParse(uri.Host, out _))
                {
                    broken.Add($"{target}: not a public page");
                }

                continue;
            }

            if (target.StartsWith('/'))
            {
                broken.Add($"{target}: an absolute path is outside the repository on every other machine");
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

    /// <summary>Repository paths quoted as code (<c>`stacks/Config/Planning/Sizing.cs`</c>, <c>`Cache/HarborCache.cs`</c>) exist.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Every_quoted_repository_path_exists(string relative)
    {
        var root = Support.TestConfigs.RepoRoot();
        var sources = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .ToArray();
        var missing = new List<string>();
        foreach (Match m in QuotedPath().Matches(File.ReadAllText(Path.Combine(root, relative))))
        {
            var path = m.Groups["path"].Value;
            var exists = TopFolder().IsMatch(path)
                ? File.Exists(Path.Combine(root, path)) || Directory.Exists(Path.Combine(root, path))
                : sources.Any(s => s.EndsWith("/" + path, StringComparison.Ordinal));
            if (!exists)
            {
                missing.Add(path);
            }
        }

        Assert.True(missing.Count == 0, $"{relative} quotes paths that do not exist: " + string.Join(", ", missing.Distinct()));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void No_doc_refers_to_material_outside_the_repository(string relative)
    {
        var text = File.ReadAllText(Path.Combine(Support.TestConfigs.RepoRoot(), relative));
        Assert.DoesNotContain("DESIGN.md", text, StringComparison.Ordinal);
        Assert.DoesNotContain("../shared", text, StringComparison.Ordinal);
        Assert.DoesNotContain("STYLE.md", text, StringComparison.Ordinal);
        // A README section named in prose is a link, so the link test checks that the section exists.
        var unlinked = ProseReadmeSection().Matches(text).Select(m => m.Value).ToArray();
        Assert.True(unlinked.Length == 0, $"{relative} names README sections without linking them: " + string.Join(", ", unlinked));
    }

    [GeneratedRegex(@"\[[^\]]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<!\[)README, [a-z ]+\)")]
    private static partial Regex ProseReadmeSection();

    [GeneratedRegex(@"^\s*\[[^\]]+\]:\s*(?<target>\S+)", RegexOptions.Multiline)]
    private static partial Regex ReferenceLink();

    [GeneratedRegex(@"<a\s+href=""(?<target>[^""]+)""")]
    private static partial Regex HtmlLink();

    /// <summary>A code span that is a repository path: under a top-level folder, or a C# file under a capability folder.</summary>
    [GeneratedRegex(@"`(?<path>(?:components|stacks|infra|tests|docs|examples)/[A-Za-z0-9_./-]*|[A-Z][A-Za-z]+/[A-Za-z0-9_/]+\.cs)`")]
    private static partial Regex QuotedPath();

    [GeneratedRegex("^(components|stacks|infra|tests|docs|examples)/")]
    private static partial Regex TopFolder();
}
