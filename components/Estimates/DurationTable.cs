using HarborHa.Model;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HarborHa.Estimates;

/// <summary>
/// Typical create durations per resource type (<c>durations.yaml</c>, embedded), refined by a
/// variant the resource declares (RDS Multi-AZ, a Helm release's chart, an EKS add-on's name).
/// Providers take no time; an unlisted type takes the <c>default</c> row.
/// </summary>
public sealed class DurationTable
{
    private readonly Dictionary<(string Type, string? Variant), DurationRow> _rows;
    private readonly Dictionary<string, string> _sources;

    private DurationTable(DurationFile file)
    {
        _sources = file.Sources;
        _rows = file.Rows.ToDictionary(r => (r.Type, r.Variant));
        foreach (var row in file.Rows.Where(r => !_sources.ContainsKey(r.Source) || r.Min > r.Max || r.Min < 0))
        {
            throw new InvalidOperationException($"durations.yaml: row {row.Type}/{row.Variant} has an unknown source or a bad range");
        }

        if (!_rows.ContainsKey(("default", null)))
        {
            throw new InvalidOperationException("durations.yaml: no default row");
        }
    }

    public static DurationTable Default { get; } = Load();

    /// <summary>The create duration of a resource: the midpoint of its row's range, with the range and source.</summary>
    public CreateDuration Of(Resource resource)
    {
        if (resource.IsProvider)
        {
            return new CreateDuration(0, 0, 0, "provider: configured locally, nothing is created");
        }

        var variant = VariantOf(resource);
        var row = (variant is not null && _rows.TryGetValue((resource.Type, variant), out var v) ? v : null)
            ?? (_rows.TryGetValue((resource.Type, null), out var t) ? t : null)
            ?? _rows[("default", null)];
        return new CreateDuration((row.Min + row.Max) / 2, row.Min, row.Max, _sources[row.Source]);
    }

    /// <summary>Every row as (type, variant, min, max, source), for documentation and tests.</summary>
    public IEnumerable<(string Type, string? Variant, double Min, double Max, string Source)> Rows =>
        _rows.Values.Select(r => (r.Type, r.Variant, r.Min, r.Max, _sources[r.Source]));

    private static string? VariantOf(Resource resource) => resource.Type switch
    {
        "aws:rds/instance:Instance" => Values.Bool(resource.At("multiAz")) == true ? "multi-az" : "single-az",
        "kubernetes:helm.sh/v3:Release" => Values.Text(resource.At("chart")),
        "aws:eks/addon:Addon" => Values.Text(resource.At("addonName")),
        _ => null,
    };

    private static DurationTable Load()
    {
        using var stream = typeof(DurationTable).Assembly.GetManifestResourceStream("HarborHa.Estimates.durations.yaml")
            ?? throw new InvalidOperationException("the embedded duration table HarborHa.Estimates.durations.yaml is missing");
        using var reader = new StreamReader(stream);
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        return new DurationTable(deserializer.Deserialize<DurationFile>(reader.ReadToEnd()));
    }

    private sealed class DurationFile
    {
        public string Date { get; set; } = "";
        public Dictionary<string, string> Sources { get; set; } = [];
        public List<DurationRow> Rows { get; set; } = [];
    }

    private sealed class DurationRow
    {
        public string Type { get; set; } = "";
        public string? Variant { get; set; }
        public double Min { get; set; }
        public double Max { get; set; }
        public string Source { get; set; } = "";
    }
}

/// <summary>A create duration in minutes: the midpoint used, the documented range and its source.</summary>
public sealed record CreateDuration(double Minutes, double Min, double Max, string Source);
