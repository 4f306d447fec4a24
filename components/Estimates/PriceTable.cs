using System.Globalization;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HarborHa.Estimates;

/// <summary>
/// The committed, dated price table (<c>prices.yaml</c>, embedded): list prices per SKU and region,
/// each with its source, and the documented rules that price a region without its own row
/// (multiplier vs us-east-1 overseas, Beijing or the CNY ratio in China). Every quote says how it
/// was obtained, so a derived price is never passed off as a listed one.
/// </summary>
public sealed class PriceTable
{
    private readonly Dictionary<(string Sku, string Region), PriceRow> _rows;
    private readonly Dictionary<string, SkuRow> _skus;
    private readonly Dictionary<string, RegionRow> _regions;
    private readonly PriceFile _file;

    private PriceTable(PriceFile file)
    {
        _file = file;
        _skus = file.Skus.ToDictionary(s => s.Sku, StringComparer.Ordinal);
        _rows = file.Prices.ToDictionary(p => (p.Sku, p.Region));
        _regions = file.Regions.ToDictionary(r => r.Region, StringComparer.Ordinal);
        foreach (var row in file.Prices.Where(p => !_skus.ContainsKey(p.Sku)))
        {
            throw new InvalidOperationException($"prices.yaml: price row for unknown sku '{row.Sku}'");
        }

        foreach (var row in file.Prices.Where(p => !file.Sources.ContainsKey(p.Source)))
        {
            throw new InvalidOperationException($"prices.yaml: row {row.Sku}/{row.Region} names unknown source '{row.Source}'");
        }
    }

    /// <summary>The table shipped with harbor-ha.</summary>
    public static PriceTable Default { get; } = Load();

    /// <summary>The date the prices were read (the table's <c>date</c>).</summary>
    public DateOnly Date => DateOnly.Parse(_file.Date, CultureInfo.InvariantCulture);

    public decimal HoursPerMonth => _file.HoursPerMonth;

    /// <summary>Default CNY per USD (dated, sourced) used to convert China prices.</summary>
    public decimal DefaultCnyPerUsd => _file.CnyPerUsd.Rate;

    public string CnyPerUsdNote => $"{_file.CnyPerUsd.Rate.ToString(CultureInfo.InvariantCulture)} CNY per USD on {_file.CnyPerUsd.Date} ({_file.Sources[_file.CnyPerUsd.Source]})";

    /// <summary>Every SKU the table knows.</summary>
    public IReadOnlyCollection<string> Skus => _skus.Keys;

    /// <summary>Resource types that cost nothing by themselves, with why.</summary>
    public IReadOnlyDictionary<string, string> FreeTypes => _file.Free.ToDictionary(f => f.Type, f => f.Why, StringComparer.Ordinal);

    /// <summary>The regions with a multiplier row (overseas) or in the China list.</summary>
    public IReadOnlyCollection<string> Regions => _regions.Keys.Concat(_file.China.Regions).ToArray();

    public bool Knows(string sku) => _skus.ContainsKey(sku);

    /// <summary>The kind (EKS, RDS, ...) a SKU is grouped under.</summary>
    public string KindOf(string sku) => _skus[sku].Kind;

    public string UnitOf(string sku) => _skus[sku].Unit;

    /// <summary>The EKS support window of a Kubernetes version, or null when the table does not list it.</summary>
    public KubernetesSupport? SupportOf(string version) =>
        _file.KubernetesVersions.FirstOrDefault(v => v.Version == version) is { } row
            ? new KubernetesSupport(row.Version, DateOnly.Parse(row.StandardEnds, CultureInfo.InvariantCulture), DateOnly.Parse(row.ExtendedEnds, CultureInfo.InvariantCulture), _file.Sources[row.Source])
            : null;

    /// <summary>
    /// The price of a SKU in a region, or null when the SKU is unknown or the region is in no rule.
    /// </summary>
    public PriceQuote? Quote(string sku, string region)
    {
        if (!_skus.TryGetValue(sku, out var info))
        {
            return null;
        }

        if (_rows.TryGetValue((sku, region), out var own))
        {
            return Quote(sku, region, own.Price, own.Currency, Source(own), derived: false);
        }

        var baseRegion = _file.BaseRegion;
        if (!_rows.TryGetValue((sku, baseRegion), out var baseRow))
        {
            return null;
        }

        if (_file.China.Regions.Contains(region))
        {
            var beijing = _file.China.Beijing;
            if (region != beijing && _rows.TryGetValue((sku, beijing), out var bj))
            {
                return Quote(sku, region, bj.Price, bj.Currency, $"derived: {beijing} list price (no {region} row); {Source(bj)}", derived: true);
            }

            var ratio = _file.China.Ratio;
            var cnyPerBaseUsd = ratio.Cny / ratio.Usd;
            return Quote(sku, region, Round(baseRow.Price * cnyPerBaseUsd), "CNY",
                $"derived: {baseRegion} USD {Format(baseRow.Price)} x {Format(Math.Round(cnyPerBaseUsd, 3))} CNY per {baseRegion} USD (ratio of {ratio.Sku}: CNY {Format(ratio.Cny)} in {beijing} / USD {Format(ratio.Usd)} in {baseRegion}; {_file.Sources[ratio.Source]}); base: {Source(baseRow)}",
                derived: true);
        }

        if (!_regions.ContainsKey(region))
        {
            return null;
        }

        if (info.Uniform)
        {
            return Quote(sku, region, baseRow.Price, baseRow.Currency, $"one price in every commercial region: {Source(baseRow)}", derived: false);
        }

        var (multiplier, why) = MultiplierOf(region);
        return Quote(sku, region, Round(baseRow.Price * multiplier), baseRow.Currency,
            $"derived: {baseRegion} {Format(baseRow.Price)} x {Format(Math.Round(multiplier, 3))} ({why}); base: {Source(baseRow)}",
            derived: true);
    }

    /// <summary>The overseas multiplier vs the base region and how it was obtained.</summary>
    public (decimal Multiplier, string Why) MultiplierOf(string region)
    {
        var row = _regions[region];
        if (row.Peer is { } peer)
        {
            var (m, why) = MultiplierOf(peer);
            return (m, $"no published price for {region} found; multiplier of neighbour {peer}: {why}");
        }

        var baseRow = _regions[_file.BaseRegion];
        var multiplier = row.FargateVcpuHour!.Value / baseRow.FargateVcpuHour!.Value;
        return (multiplier, $"{region} Fargate vCPU-hour {Format(row.FargateVcpuHour.Value)} / {_file.BaseRegion} {Format(baseRow.FargateVcpuHour.Value)}, {_file.Sources[row.Source!]}");
    }

    private PriceQuote Quote(string sku, string region, decimal price, string currency, string source, bool derived) =>
        new(sku, region, price, currency, _skus[sku].Unit, _skus[sku].Kind, source, derived);

    private string Source(PriceRow row) => _file.Sources[row.Source];

    private static decimal Round(decimal value) => Math.Round(value, 5, MidpointRounding.AwayFromZero);

    private static string Format(decimal value) => value.ToString("0.#####", CultureInfo.InvariantCulture);

    private static PriceTable Load()
    {
        var assembly = typeof(PriceTable).Assembly;
        using var stream = assembly.GetManifestResourceStream("HarborHa.Estimates.prices.yaml")
            ?? throw new InvalidOperationException("the embedded price table HarborHa.Estimates.prices.yaml is missing");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Parses a price table in the <c>prices.yaml</c> format (tests use it for variants).</summary>
    public static PriceTable Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        return new PriceTable(deserializer.Deserialize<PriceFile>(yaml));
    }

    // The YAML shape; public setters for YamlDotNet.
    private sealed class PriceFile
    {
        public string Date { get; set; } = "";
        public decimal HoursPerMonth { get; set; }
        public string BaseRegion { get; set; } = "";
        public CnyRow CnyPerUsd { get; set; } = new();
        public Dictionary<string, string> Sources { get; set; } = [];
        public List<RegionRow> Regions { get; set; } = [];
        public ChinaRow China { get; set; } = new();
        public List<VersionRow> KubernetesVersions { get; set; } = [];
        public List<SkuRow> Skus { get; set; } = [];
        public List<PriceRow> Prices { get; set; } = [];
        public List<FreeRow> Free { get; set; } = [];
    }

    private sealed class CnyRow
    {
        public decimal Rate { get; set; }
        public string Date { get; set; } = "";
        public string Source { get; set; } = "";
    }

    private sealed class RegionRow
    {
        public string Region { get; set; } = "";
        public decimal? FargateVcpuHour { get; set; }
        public string? Peer { get; set; }
        public string? Source { get; set; }
    }

    private sealed class ChinaRow
    {
        public List<string> Regions { get; set; } = [];
        public string Beijing { get; set; } = "";
        public RatioRow Ratio { get; set; } = new();
    }

    private sealed class RatioRow
    {
        public string Sku { get; set; } = "";
        public decimal Cny { get; set; }
        public decimal Usd { get; set; }
        public string Source { get; set; } = "";
    }

    private sealed class VersionRow
    {
        public string Version { get; set; } = "";
        public string StandardEnds { get; set; } = "";
        public string ExtendedEnds { get; set; } = "";
        public string Source { get; set; } = "";
    }

    private sealed class SkuRow
    {
        public string Sku { get; set; } = "";
        public string Unit { get; set; } = "";
        public string Kind { get; set; } = "";
        public bool Uniform { get; set; }
    }

    private sealed class PriceRow
    {
        public string Sku { get; set; } = "";
        public string Region { get; set; } = "";
        public decimal Price { get; set; }
        public string Currency { get; set; } = "USD";
        public string Source { get; set; } = "";
    }

    private sealed class FreeRow
    {
        public string Type { get; set; } = "";
        public string Why { get; set; } = "";
    }
}

/// <summary>A price of one SKU in one region, with the currency it is listed in and how it was obtained.</summary>
/// <param name="Sku">The table's SKU, e.g. <c>nat.hour</c> or <c>ec2.m6i.xlarge</c>.</param>
/// <param name="Region">The region priced.</param>
/// <param name="Price">The price of one <paramref name="Unit"/>, in <paramref name="Currency"/>.</param>
/// <param name="Currency">USD, or CNY in China.</param>
/// <param name="Unit">The billed unit (hour, GB-month, ...).</param>
/// <param name="Kind">The service group the SKU is reported under.</param>
/// <param name="Source">The row's source, or the derivation with its sources.</param>
/// <param name="Derived">True when no row of the table lists this SKU in this region (see <see cref="Source"/>).</param>
public sealed record PriceQuote(string Sku, string Region, decimal Price, string Currency, string Unit, string Kind, string Source, bool Derived);

/// <summary>The EKS support window of one Kubernetes version.</summary>
public sealed record KubernetesSupport(string Version, DateOnly StandardEnds, DateOnly ExtendedEnds, string Source)
{
    public bool IsExtendedOn(DateOnly date) => date >= StandardEnds;
}
