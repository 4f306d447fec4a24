using HarborHa.Dragonfly;
using HarborHa.Model;
using HarborHa.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace HarborHa.Tests.Distribution;

/// <summary>
/// No image runs at a floating tag: the chart's own values.yaml merged with the values the program
/// gives each Helm release (what Helm renders from) names no image at <c>latest</c> or without a tag,
/// in every release of every geo config (generated and shipped) and of the single-region topologies.
/// </summary>
public class PinnedImageTests
{
    public static TheoryData<string> Generated() => GeneratedGeoConfigs.Labels();

    public static TheoryData<string> Matrix() => GeoPrograms.Matrix();

    [Theory]
    [MemberData(nameof(Generated))]
    public void Generated_geo_configs_run_no_floating_tag(string label) =>
        Assert.Empty(Problems(GeneratedGeoConfigs.Program(label).Program));

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Shipped_geo_configs_run_no_floating_tag(string name) =>
        Assert.Empty(Problems(GeoPrograms.Named(name).Program));

    [Theory]
    [InlineData(TestConfigs.SingleSite)]
    [InlineData(TestConfigs.Ha)]
    public void Single_region_topologies_run_no_floating_tag(string yaml) =>
        Assert.Empty(Problems(TestConfigs.Synth(yaml)));

    [Fact]
    public void The_charts_own_defaults_would_run_busybox_latest_without_our_values()
    {
        // Proves the check reads the chart's defaults: Dragonfly's init containers float on their own.
        var problems = Floating(Load(SharedFixtures.DragonflyValues), "dragonfly");

        Assert.Contains("dragonfly: manager.initContainer.image runs busybox at tag 'latest'", problems);
        Assert.Contains("dragonfly: client.initContainer.image runs busybox at tag 'latest'", problems);
    }

    [Fact]
    public void Init_containers_are_pinned_and_China_pulls_them_from_the_mirror()
    {
        var geo = GeoPrograms.Of(GeoConfigs.TwoSides);
        var values = Merged(geo.Program.Get("cn-north-1-dragonfly-release"), SharedFixtures.DragonflyValues);
        var image = (Dictionary<string, object?>)((Dictionary<string, object?>)((Dictionary<string, object?>)values["manager"]!)["initContainer"]!)["image"]!;

        Assert.Equal(DragonflyImages.BusyboxTag, image["tag"]);
        Assert.Equal(DragonflyImages.BusyboxRepository, image["repository"]);
        Assert.Equal(geo.Config.ChinaImageMirror, ((Dictionary<string, object?>)values["global"]!)["imageRegistry"]);
    }

    private static IReadOnlyList<string> Problems(PulumiProgram program)
    {
        var problems = new List<string>();
        foreach (var release in program.OfType(ResourceTypes.HelmRelease))
        {
            var chart = release.Text("chart");
            var fixture = chart switch
            {
                "dragonfly" => SharedFixtures.DragonflyValues,
                "harbor" => SharedFixtures.HarborValues,
                _ => null,
            };
            if (fixture is not null)
            {
                problems.AddRange(Floating(Merged(release, fixture), release.Name));
            }
        }

        return problems;
    }

    /// <summary>Images (maps with a repository and a tag key, or an image map without one) at a floating tag, skipping parts switched off.</summary>
    private static List<string> Floating(Dictionary<string, object?> values, string label)
    {
        var problems = new List<string>();

        void Walk(Dictionary<string, object?> map, string path)
        {
            if (map.TryGetValue("enable", out var on) && on is false or "false")
            {
                return;
            }

            if (map.TryGetValue("enabled", out var on2) && on2 is false or "false")
            {
                return;
            }

            var isImage = map.ContainsKey("repository") && (map.ContainsKey("tag") || path.EndsWith("image", StringComparison.Ordinal));
            if (isImage)
            {
                var tag = map.GetValueOrDefault("tag")?.ToString() ?? "";
                if (tag.Split('@')[0] is "" or "latest")
                {
                    var repository = map["repository"]?.ToString()?.Split('/')[^1];
                    problems.Add($"{label}: {path} runs {repository} at tag '{tag}'");
                }

                return;
            }

            foreach (var (key, child) in map)
            {
                if (child is Dictionary<string, object?> nested)
                {
                    Walk(nested, path.Length == 0 ? key : $"{path}.{key}");
                }
            }
        }

        Walk(values, "");
        return problems;
    }

    private static Dictionary<string, object?> Merged(Resource release, string fixture) =>
        Merge(Load(fixture), (Dictionary<string, object?>)Plain(release.Properties["values"])!);

    private static Dictionary<string, object?> Merge(Dictionary<string, object?> defaults, Dictionary<string, object?> ours)
    {
        var result = new Dictionary<string, object?>(defaults, StringComparer.Ordinal);
        foreach (var (key, value) in ours)
        {
            result[key] = value is Dictionary<string, object?> map && result.GetValueOrDefault(key) is Dictionary<string, object?> under
                ? Merge(under, map)
                : value;
        }

        return result;
    }

    private static object? Plain(Value value) => value switch
    {
        MapValue m => m.ToDictionary(kv => kv.Key, kv => Plain(kv.Value), StringComparer.Ordinal),
        ListValue l => l.Items.Select(Plain).ToList(),
        Text t => t.Value,
        Number n => n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Flag f => f.Value,
        Secret s => Plain(s.Inner),
        _ => "<computed>",
    };

    private static Dictionary<string, object?> Load(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return (Dictionary<string, object?>)FromYaml(stream.Documents[0].RootNode)!;
    }

    private static object? FromYaml(YamlNode node) => node switch
    {
        YamlMappingNode m => m.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => FromYaml(kv.Value), StringComparer.Ordinal),
        YamlSequenceNode s => s.Children.Select(FromYaml).ToList(),
        YamlScalarNode { Value: "false", Style: YamlDotNet.Core.ScalarStyle.Plain } => false,
        YamlScalarNode { Value: "true", Style: YamlDotNet.Core.ScalarStyle.Plain } => true,
        YamlScalarNode s => s.Value,
        _ => null,
    };
}
