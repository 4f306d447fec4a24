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

    /// <summary>A row of README's config reference: a key (or a region entry's field) with its documented type and default.</summary>
    public sealed record Row(string Key, string Type, string Default, bool IsRegionField)
    {
        public override string ToString() => IsRegionField ? $"regions[].{Key}" : $"harbor-ha:{Key}";
    }

    /// <summary>The rows of the Required (keys and region fields) and Optional tables.</summary>
    public static IReadOnlyList<Row> Rows()
    {
        var rows = new List<Row>();
        foreach (var cells in DocsFiles.TableRows(DocsFiles.Section(Readme, "Required")))
        {
            if (KeyCell().Match(cells[0]) is { Success: true } k)
            {
                rows.Add(new Row(k.Groups["key"].Value, cells[1], "required", false));
            }
            else if (FieldCell().Match(cells[0]) is { Success: true } f && cells.Length == 4)
            {
                rows.Add(new Row(f.Groups["field"].Value, cells[1], cells[2], true));
            }
        }

        foreach (var cells in DocsFiles.TableRows(DocsFiles.Section(Readme, "Optional")))
        {
            if (KeyCell().Match(cells[0]) is { Success: true } k)
            {
                Assert.True(cells.Length == 4, $"harbor-ha:{k.Groups["key"].Value}: expected the columns key, type, default, meaning");
                rows.Add(new Row(k.Groups["key"].Value, cells[1], cells[2], false));
            }
        }

        return rows;
    }

    public static TheoryData<string> RowNames() => [.. Rows().Select(r => r.ToString())];

    [Fact]
    public void Every_documented_key_and_field_has_a_type_and_a_default()
    {
        var rows = Rows();
        Assert.Equal(ConfigParser.KnownKeys.Count + ConfigParser.RegionFields.Count, rows.Count);
        foreach (var row in rows)
        {
            Assert.True(TypeCell().IsMatch(row.Type), $"{row}: type '{row.Type}' is not one of string, integer, boolean, object, map of strings, list (of …), DNS name, or `a` | `b` choices");
            Assert.False(string.IsNullOrWhiteSpace(row.Default), $"{row}: no default documented");
        }
    }

    /// <summary>
    /// The documented type is what the parser enforces: a value of another type is refused naming the
    /// key, and for a choice the parser's list of allowed values is exactly the documented one.
    /// </summary>
    [Theory]
    [MemberData(nameof(RowNames))]
    public void The_documented_type_is_what_the_parser_enforces(string name)
    {
        var row = Rows().Single(r => r.ToString() == name);
        if (row.Key is "topology" or "domain" or "regions" or "name")
        {
            return; // required: every test config sets them; their types are covered by the parser's own tests
        }

        var choices = ChoiceValue().Matches(row.Type).Select(m => m.Groups["value"].Value).ToArray();
        var wrong = choices.Length > 0 ? "not-a-documented-choice"
            : row.Type switch
            {
                "integer" => "not-a-number",
                "boolean" => "maybe",
                var t when t.StartsWith("list", StringComparison.Ordinal) => "{ a: b }",
                "object" or "map of strings" => "[a, b]",
                _ => "[a, b]",
            };
        var key = row.IsRegionField ? $"harbor-ha:regions[eu-west-1].{row.Key}" : $"harbor-ha:{row.Key}";
        var errors = ErrorsWith(row, wrong);
        var mine = errors.Where(e => e.Key.StartsWith(key, StringComparison.Ordinal)).ToArray();
        Assert.True(mine.Length > 0, $"{row} = {wrong} (documented type {row.Type}) was not refused under {key}: " + string.Join("; ", errors));
        if (choices.Length > 0)
        {
            var allowed = AllowedList().Match(mine[0].Message) is { Success: true } m
                ? m.Groups["list"].Value.Split(", ").Order(StringComparer.Ordinal).ToArray()
                : throw new Xunit.Sdk.XunitException($"{row}: the parser's message names no list of choices: {mine[0].Message}");
            Assert.Equal(allowed, choices.Order(StringComparer.Ordinal).ToArray());
        }
    }

    /// <summary>
    /// Where a documented default is a plain value (<c>`5000`</c>, <c>`[]`</c>, <c>`{ mode: governance, days: 30 }`</c>),
    /// a config that leaves the key out gets that value from the parser.
    /// </summary>
    [Fact]
    public void Documented_defaults_are_the_parser_defaults()
    {
        var config = TestConfigs.Parse(MinimalStack(""));
        var checkedValues = 0;
        foreach (var row in Rows().Where(r => !r.IsRegionField))
        {
            if (DefaultCell().Match(row.Default) is not { Success: true } m || m.Groups["value"].Value is ['[', _, _, ..])
            {
                continue;
            }

            var property = Property(config, row.Key == "environment" ? "Stage" : row.Key)
                ?? throw new Xunit.Sdk.XunitException($"{row}: documented default {row.Default}, but the parsed config has no property for it");
            var value = property.GetValue(config);
            var text = m.Groups["value"].Value.Trim();
            if (text.StartsWith('{') && text.Length > 2)
            {
                foreach (var pair in text.Trim('{', '}').Split(',', StringSplitOptions.TrimEntries))
                {
                    var (field, expected) = pair.Split(':', 2, StringSplitOptions.TrimEntries) is [var f, var e] ? (f, e) : throw new Xunit.Sdk.XunitException($"{row}: cannot read '{pair}'");
                    if (expected is ['"', .., '"'])
                    {
                        expected = expected[1..^1]; // a YAML-quoted string, as written in a stack file
                    }

                    if (expected.StartsWith('<'))
                    {
                        continue; // depends on another key, e.g. <prod>
                    }

                    var actual = Renamed.TryGetValue($"{row.Key}.{field}", out var read) ? read(value!)
                        : Text((Property(value!, field) ?? throw new Xunit.Sdk.XunitException($"{row}: the default names field '{field}', which the parsed config does not have")).GetValue(value));
                    Assert.True(actual == expected, $"{row}.{field}: README says {expected}, the parser gives {actual}");
                    checkedValues++;
                }
            }
            else
            {
                Assert.True(Text(value) == text, $"{row}: README says {text}, the parser gives {Text(value)}");
                checkedValues++;
            }
        }

        Assert.True(checkedValues >= 10, $"only {checkedValues} documented defaults were machine-readable");
    }

    /// <summary>Documented fields that the parsed config holds under another shape.</summary>
    private static readonly Dictionary<string, Func<object, string>> Renamed = new(StringComparer.Ordinal)
    {
        ["drObjectLock.mode"] = v => ((DrObjectLockConfig)v).Compliance ? "compliance" : "governance",
    };

    private static IReadOnlyList<ConfigError> ErrorsWith(Row row, string value)
    {
        var yaml = row.IsRegionField
            ? MinimalStack("", $"      {row.Key}: {value}\n")
            : MinimalStack($"  harbor-ha:{row.Key}: {value}\n");
        return Record.Exception(() => TestConfigs.Parse(yaml)) is ConfigException e ? e.Errors : [];
    }

    private static string MinimalStack(string keys, string regionFields = "") =>
        "config:\n  harbor-ha:topology: ha\n  harbor-ha:domain: registry.example.com\n" + keys
        + "  harbor-ha:regions:\n    - name: eu-west-1\n" + (regionFields.Contains("slot:", StringComparison.Ordinal) ? "" : "      slot: 0\n") + regionFields;

    private static System.Reflection.PropertyInfo? Property(object owner, string name) =>
        owner.GetType().GetProperties().SingleOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A parsed value as README writes it: enums in kebab case, collections as [] or {} when empty.</summary>
    private static string Text(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        Enum e => KebabBoundary().Replace(e.ToString(), "$1-$2").ToLowerInvariant(),
        string s => s,
        System.Collections.IDictionary d => d.Count == 0 ? "{}" : "{…}",
        System.Collections.IEnumerable l => l.Cast<object>().Any() ? "[…]" : "[]",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex(@"^`harbor-ha:(?<key>[A-Za-z]+)`$")]
    private static partial Regex KeyCell();

    [GeneratedRegex(@"^`(?<field>[A-Za-z]+)`$")]
    private static partial Regex FieldCell();

    [GeneratedRegex(@"^(string( \(.+\))?|integer|boolean|object|map of strings|list( of [a-zA-Z ]+)?|DNS name|`[a-z-]+`( \| `[a-z-]+`)+)$")]
    private static partial Regex TypeCell();

    [GeneratedRegex(@"`(?<value>[a-z-]+)`")]
    private static partial Regex ChoiceValue();

    [GeneratedRegex(@"must be one of (?<list>[a-z0-9., -]+?) \(got")]
    private static partial Regex AllowedList();

    /// <summary>A default cell that is one plain value in backticks, optionally followed by a note in parentheses.</summary>
    [GeneratedRegex(@"^`(?<value>[^`<]+)`( \(.*\))?$")]
    private static partial Regex DefaultCell();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex KebabBoundary();

    [GeneratedRegex(@"^\| `harbor-ha:(?<key>[A-Za-z]+)` \|", RegexOptions.Multiline)]
    private static partial Regex KeyRow();

    [GeneratedRegex(@"^\| `(?<field>[A-Za-z]+)` \|", RegexOptions.Multiline)]
    private static partial Regex FieldRow();
}
