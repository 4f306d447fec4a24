using System.Text.RegularExpressions;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Checks;

/// <summary>
/// The checks read a program and nothing else (DESIGN.md, layers: checks ← model), so they can be
/// lifted into a project that references only the model. Until that project reference enforces it,
/// this keeps components/Checks from naming any other namespace of ours: no config, planning, common
/// helpers or component types, qualified or imported.
/// </summary>
public sealed partial class ChecksLayerTests
{
    private static readonly string[] Allowed = ["Checks", "Model"];

    [Fact]
    public void Checks_name_no_harbor_ha_namespace_but_the_model()
    {
        var root = TestConfigs.RepoRoot();
        var ours = Directory.GetFiles(Path.Combine(root, "components"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(root, "stacks"), "*.cs", SearchOption.AllDirectories))
            .Select(f => NamespacePattern().Match(File.ReadAllText(f)))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value.Split('.')[0])
            .Where(n => !Allowed.Contains(n))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Configuration", ours);

        var offences = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(root, "components", "Checks"), "*.cs", SearchOption.AllDirectories))
        {
            var code = string.Join("\n", File.ReadAllLines(file).Select(l => l.Split("//")[0]));
            foreach (var name in ours)
            {
                // Inside namespace HarborHa.Checks, "Configuration.RawConfig" resolves to HarborHa.Configuration.
                if (Regex.IsMatch(code, $@"HarborHa\.{name}\b|(?<![\w.]){name}\.[A-Z]"))
                {
                    offences.Add($"{Path.GetRelativePath(root, file)} uses HarborHa.{name}");
                }
            }
        }

        Assert.Empty(offences);
    }

    [GeneratedRegex(@"^namespace HarborHa\.([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespacePattern();
}
