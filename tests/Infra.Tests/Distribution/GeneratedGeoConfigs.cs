namespace HarborHa.Tests.Distribution;

/// <summary>
/// Geo configs generated along the axes that change distribution's shape: which regions (both sides,
/// one side only, a China side without its usual hub) and which of them is the primary (every one in
/// turn). Built through <see cref="GeoPrograms.Of"/>, like the hand-written ones.
/// </summary>
public static class GeneratedGeoConfigs
{
    private static readonly (string Label, (string Name, int Slot)[] Regions)[] Layouts =
    [
        ("both-sides", [("cn-north-1", 0), ("cn-northwest-1", 1), ("ap-southeast-1", 0), ("eu-central-1", 1)]),
        ("ningxia-only-china", [("cn-northwest-1", 1), ("ap-southeast-1", 0), ("us-east-1", 2)]),
        ("two-regions", [("cn-north-1", 0), ("eu-central-1", 1)]),
        ("overseas-only", [("ap-southeast-1", 0), ("us-west-2", 3)]),
        ("china-only", [("cn-north-1", 0), ("cn-northwest-1", 1)]),
    ];

    /// <summary>(label, stack YAML) of every layout with every region as the primary.</summary>
    public static IReadOnlyList<(string Label, string Yaml)> All { get; } =
        Layouts.SelectMany(l => l.Regions.Select(primary => ($"{l.Label}/primary-{primary.Name}", Yaml(l.Regions, primary.Name)))).ToArray();

    public static TheoryData<string> Labels() => new(All.Select(c => c.Label));

    public static GeoProgram Program(string label) => GeoPrograms.Of(All.Single(c => c.Label == label).Yaml);

    private static string Yaml((string Name, int Slot)[] regions, string primary) =>
        """
        config:
          harbor-ha:topology: geo
          harbor-ha:domain: registry.example.com
          harbor-ha:chinaImageMirror: 123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/mirror
          harbor-ha:regions:

        """ + string.Concat(regions.Select(r => $"    - {{ name: {r.Name}, slot: {r.Slot}{(r.Name == primary ? ", role: primary" : "")} }}\n"));
}
