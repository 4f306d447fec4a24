using System.Text.RegularExpressions;
using HarborHa.Configuration;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Docs;

/// <summary>README's config reference and the parser agree: every accepted key is documented, every documented key is accepted.</summary>
public partial class ConfigReferenceTests
{
    private static string Readme => File.ReadAllText(Path.Combine(TestConfigs.RepoRoot(), "README.md"));

    /// <summary>The keys in the first column of README's tables, e.g. <c>| `harbor-ha:domain` |</c>.</summary>
    private static IReadOnlySet<string> DocumentedKeys() =>
        KeyRow().Matches(Readme).Select(m => m.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Every_key_the_parser_accepts_is_in_the_readme_reference()
    {
        var missing = ConfigParser.KnownKeys.Where(k => !DocumentedKeys().Contains(k)).ToArray();
        Assert.True(missing.Length == 0, "not in README's config reference: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_key_in_the_readme_reference_is_accepted_by_the_parser()
    {
        var unknown = DocumentedKeys().Where(k => !ConfigParser.KnownKeys.Contains(k)).ToArray();
        Assert.True(unknown.Length == 0, "documented but refused by the parser: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Every_region_field_is_documented_in_the_region_entries_table()
    {
        var section = Readme[Readme.IndexOf("Region entries", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n### ", StringComparison.Ordinal)];
        var documented = FieldRow().Matches(section).Select(m => m.Groups["field"].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(ConfigParser.RegionFields.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_documented_key_set_to_a_wrong_value_is_refused_naming_it()
    {
        // Each documented key is really read: a value of the wrong type is reported under its name.
        foreach (var key in ConfigParser.KnownKeys.Where(k => k is not ("topology" or "domain" or "regions")))
        {
            var yaml = $"config:\n  harbor-ha:topology: ha\n  harbor-ha:domain: registry.example.com\n  harbor-ha:regions:\n    - name: eu-west-1\n      slot: 0\n  harbor-ha:{key}: [[[not, a, valid, value]]]\n";
            var errors = Record.Exception(() => TestConfigs.Parse(yaml)) is ConfigException e0 ? e0.Errors : throw new Xunit.Sdk.XunitException($"harbor-ha:{key} accepted a nested list");
            Assert.True(errors.Any(e => e.Key.StartsWith($"harbor-ha:{key}", StringComparison.Ordinal)), $"harbor-ha:{key}: " + string.Join("; ", errors));
        }
    }

    [GeneratedRegex(@"^\| `harbor-ha:(?<key>[A-Za-z]+)` \|", RegexOptions.Multiline)]
    private static partial Regex KeyRow();

    [GeneratedRegex(@"^\| `(?<field>[A-Za-z]+)` \|", RegexOptions.Multiline)]
    private static partial Regex FieldRow();
}
