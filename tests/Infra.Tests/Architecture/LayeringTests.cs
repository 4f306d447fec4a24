using System.Xml.Linq;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Architecture;

/// <summary>
/// The layering is a compile-time rule: each project may reference only the projects below it
/// (model ← components ← stacks → config; checks ← model). These tests read the project files and
/// the component sources, so a shortcut through the layers fails here before review.
/// </summary>
public partial class LayeringTests
{
    private static string Root => TestConfigs.RepoRoot();

    private static IReadOnlyList<string> ReferencesOf(string project) =>
        XDocument.Load(Path.Combine(Root, project)).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value))
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Theory]
    [InlineData("components/Model/Model.csproj", new string[0])]
    [InlineData("components/Components.csproj", new[] { "Model" })]
    [InlineData("components/Checks/Checks.csproj", new[] { "Model" })]
    [InlineData("components/Estimates/Estimates.csproj", new[] { "Config", "Model" })]
    [InlineData("stacks/Config/Config.csproj", new string[0])]
    [InlineData("stacks/Stacks.csproj", new[] { "Components", "Config" })]
    public void Each_project_references_only_the_layers_below_it(string project, string[] allowed) =>
        Assert.Equal(allowed, ReferencesOf(project));

    [Fact]
    public void No_component_reads_the_stack_config()
    {
        var components = Path.Combine(Root, "components");
        var offenders = Directory.GetFiles(components, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsUnder(f, "Model", "Checks", "Estimates", "bin", "obj"))
            .Where(f => File.ReadAllText(f) is var text
                && (text.Contains("StackConfig", StringComparison.Ordinal)
                    || text.Contains("RegionConfig", StringComparison.Ordinal)
                    || text.Contains("HarborHa.Configuration", StringComparison.Ordinal)
                    || ConfigKey().IsMatch(text)))
            .Select(f => Path.GetRelativePath(Root, f))
            .ToArray();
        Assert.Empty(offenders);
    }

    [Fact]
    public void The_component_library_is_packable_with_its_metadata()
    {
        var project = XDocument.Load(Path.Combine(Root, "components/Components.csproj"));
        string? Property(string name) => project.Descendants(name).FirstOrDefault()?.Value;
        Assert.Equal("true", Property("IsPackable"));
        Assert.Equal("HarborHa.Components", Property("PackageId"));
        Assert.False(string.IsNullOrWhiteSpace(Property("Description")));
        Assert.False(string.IsNullOrWhiteSpace(Property("PackageLicenseExpression")));
        Assert.Equal("README.md", Property("PackageReadmeFile"));
        Assert.True(File.Exists(Path.Combine(Root, "components", "README.md")));
    }

    /// <summary>A <c>harbor-ha:</c> config key in a string literal (descriptions like "harbor-ha: …" are fine).</summary>
    [System.Text.RegularExpressions.GeneratedRegex("\"harbor-ha:[A-Za-z]")]
    private static partial System.Text.RegularExpressions.Regex ConfigKey();

    private static bool IsUnder(string file, params string[] folders)
    {
        var relative = Path.GetRelativePath(Path.Combine(Root, "components"), file).Split(Path.DirectorySeparatorChar);
        return relative.Length > 1 && folders.Contains(relative[0]);
    }
}
