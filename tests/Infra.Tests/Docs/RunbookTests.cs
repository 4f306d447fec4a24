using System.Text.RegularExpressions;
using HarborHa.Tests.Cli;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Docs;

/// <summary>
/// Runbooks say which topologies they apply to. A runbook is a page or section that README lists
/// under "runbooks:", or any heading that starts with "Runbook". (Their config edits are run by
/// <see cref="DocsCommandTests"/>, with the infra command that checks them.)
/// </summary>
public partial class RunbookTests
{
    private static readonly string[] Topologies = ["single-site", "ha", "geo"];

    /// <summary>Each runbook as (file, heading).</summary>
    public static TheoryData<string, string> Runbooks()
    {
        var root = TestConfigs.RepoRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var list = readme[(readme.IndexOf("runbooks:", StringComparison.Ordinal) + 1)..].Split('\n')[0];
        var found = new SortedSet<(string File, string Heading)>();
        foreach (Match link in Link().Matches(list))
        {
            var file = Path.Combine(root, link.Groups["file"].Value);
            var headings = DocsFiles.Headings(File.ReadAllLines(file)).ToArray();
            var heading = link.Groups["anchor"].Success
                ? headings.Single(h => DocsFiles.Anchor(h.Text) == link.Groups["anchor"].Value).Text
                : headings[0].Text;
            found.Add((DocsFiles.Relative(file), heading));
        }

        foreach (var file in DocsFiles.All())
        {
            foreach (var h in DocsFiles.Headings(File.ReadAllLines(file)).Where(h => h.Text.StartsWith("Runbook", StringComparison.Ordinal)))
            {
                found.Add((DocsFiles.Relative(file), h.Text));
            }
        }

        var data = new TheoryData<string, string>();
        foreach (var (file, heading) in found)
        {
            data.Add(file, heading);
        }

        return data;
    }

    [Fact]
    public void Readme_lists_the_runbooks() => Assert.True(Runbooks().Count >= 6, "expected README's runbooks list and the Runbook headings to name at least six runbooks");

    [Theory]
    [MemberData(nameof(Runbooks))]
    public void Each_runbook_says_which_topologies_it_applies_to(string file, string heading)
    {
        var section = DocsFiles.Section(File.ReadAllText(Path.Combine(TestConfigs.RepoRoot(), file)), heading);
        var line = section.Split('\n').FirstOrDefault(l => l.StartsWith("Applies to:", StringComparison.Ordinal));
        Assert.True(line is not null, $"{file}, '{heading}': no 'Applies to:' line before the next heading");
        var named = Topologies.Where(t => Regex.IsMatch(line!, $@"(?<![\w-]){Regex.Escape(t)}(?![\w-])")).ToArray();
        Assert.True(named.Length > 0, $"{file}, '{heading}': '{line}' names none of {string.Join(", ", Topologies)}");
    }

    /// <summary>The add-region runbook's example adds a region that no committed stack has, and the result validates.</summary>
    [Fact]
    public void The_add_region_example_names_a_region_that_prod_does_not_have()
    {
        var root = TestConfigs.RepoRoot();
        var section = DocsFiles.Section(File.ReadAllText(Path.Combine(root, "docs", "network.md")), "Adding a region");
        var added = Regex.Match(section, @"--path 'harbor-ha:regions\[(?<i>\d+)\]\.name' (?<name>[a-z0-9-]+)");
        Assert.True(added.Success, "the add-region runbook shows no pulumi config set of a region's name");
        var prod = HarborHa.Configuration.ConfigParser.Parse(HarborHa.Configuration.RawConfig.FromStackFile(Path.Combine(root, "Pulumi.prod.yaml")));
        Assert.DoesNotContain(prod.Regions, r => r.Name == added.Groups["name"].Value);
        Assert.Equal(prod.Regions.Count, int.Parse(added.Groups["i"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>README's bench row: an invalid stack file in the folder is skipped with a warning naming it; the rest is measured.</summary>
    [Fact]
    public void Bench_skips_an_invalid_stack_file_as_the_readme_says()
    {
        var readme = File.ReadAllText(Path.Combine(TestConfigs.RepoRoot(), "README.md"));
        Assert.Contains("is skipped with a warning on stderr naming the file and its first config problem", readme, StringComparison.Ordinal);
        var project = CliRunner.ProjectWith("broken", "config:\n  harbor-ha:topology: nope\n");
        var result = CliRunner.Run(project, null, "bench", "--runs", "1");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("skipped Pulumi.broken.yaml", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("harbor-ha:topology", result.Stderr, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\]\((?<file>docs/[a-z-]+\.md)(?:#(?<anchor>[a-z0-9-]+))?\)")]
    private static partial Regex Link();
}
