using System.Text.Json;
using HarborHa.Model;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

/// <summary>
/// No SDK of the pulumiverse Harbor provider is served to us, so the synthesized programs'
/// <c>harbor:</c> resources are checked here against the provider's published schema 3.10.21:
/// tokens, input names, nested object fields and required inputs. (The conformance gate does the
/// same for whole programs; this keeps the check next to the component.)
/// </summary>
public class HarborSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(SharedFixtures.PathOf("pulumi-harbor/schema-3.10.21.json"))).RootElement;

    public static TheoryData<string> Matrix() => GeoPrograms.Matrix();

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Every_Harbor_resource_matches_the_provider_schema(string name)
    {
        var program = GeoPrograms.Named(name).Program;
        var problems = new List<string>();
        foreach (var resource in program.Resources.Where(r => r.Package == "harbor"))
        {
            var spec = resource.IsProvider ? Schema.GetProperty("provider") : Resources(resource.Type, problems);
            if (spec is { } s)
            {
                CheckObject(resource.Name, resource.Properties, s.GetProperty("inputProperties"), Required(s, "requiredInputs"), problems);
            }
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Every_Harbor_resource_with_a_name_input_sets_it(string name)
    {
        // Without an explicit name the provider's Pulumi bridge adds a random suffix to the logical name.
        var program = GeoPrograms.Named(name).Program;
        foreach (var resource in program.HarborResources())
        {
            var inputs = Schema.GetProperty("resources").GetProperty(resource.Type).GetProperty("inputProperties");
            if (inputs.TryGetProperty("name", out _))
            {
                Assert.True(resource.Properties.TryGet("name", out var set) && set is Text, $"{resource.Name} does not set its name");
            }
        }
    }

    [Fact]
    public void The_check_catches_an_unknown_input_and_a_missing_required_one()
    {
        var problems = new List<string>();
        var spec = Resources("harbor:index/replication:Replication", problems)!.Value;
        CheckObject("bad", new MapValue { ["nam"] = "x", ["action"] = "push" }, spec.GetProperty("inputProperties"), Required(spec, "requiredInputs"), problems);

        Assert.Contains(problems, p => p.Contains("nam", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("registryId", StringComparison.Ordinal));
    }

    private static JsonElement? Resources(string token, List<string> problems)
    {
        if (Schema.GetProperty("resources").TryGetProperty(token, out var spec))
        {
            return spec;
        }

        problems.Add($"{token} is not a resource of the Harbor provider");
        return null;
    }

    private static string[] Required(JsonElement spec, string property) =>
        spec.TryGetProperty(property, out var required) ? required.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];

    private static void CheckObject(string path, MapValue value, JsonElement properties, string[] required, List<string> problems)
    {
        foreach (var (key, item) in value)
        {
            if (!properties.TryGetProperty(key, out var spec))
            {
                problems.Add($"{path}: {key} is not an input");
                continue;
            }

            CheckValue($"{path}.{key}", item, spec, problems);
        }

        problems.AddRange(required.Where(r => !value.ContainsKey(r)).Select(r => $"{path}: required input {r} is missing"));
    }

    private static void CheckValue(string path, Value value, JsonElement spec, List<string> problems)
    {
        if (value is Secret secret)
        {
            value = secret.Inner;
        }

        if (value is Ref or Interpolation)
        {
            return; // an output's type is the engine's business; the gate type-checks references
        }

        if (spec.TryGetProperty("$ref", out var reference))
        {
            var token = Uri.UnescapeDataString(reference.GetString()!["#/types/".Length..]);
            var type = Schema.GetProperty("types").GetProperty(token);
            if (value is MapValue map)
            {
                CheckObject(path, map, type.GetProperty("properties"), Required(type, "required"), problems);
            }
            else
            {
                problems.Add($"{path}: expected an object of {token}");
            }

            return;
        }

        var kind = spec.GetProperty("type").GetString();
        var ok = (kind, value) switch
        {
            ("string", Text) => true,
            ("integer" or "number", Number) => true,
            ("boolean", Flag) => true,
            ("array", ListValue) => true,
            ("object", MapValue) => true,
            _ => false,
        };
        if (!ok)
        {
            problems.Add($"{path}: expected {kind}, got {value.GetType().Name}");
        }
        else if (value is ListValue list)
        {
            var items = spec.GetProperty("items");
            for (var i = 0; i < list.Items.Count; i++)
            {
                CheckValue($"{path}[{i}]", list.Items[i], items, problems);
            }
        }
    }
}
