using System.Globalization;
using System.Text;
using System.Text.Json;
using HarborHa.Configuration;

namespace HarborHa.Estimates;

/// <summary>
/// The result of <see cref="CostEstimator"/>: priced lines, totals per region and per kind, and the
/// assumptions and price-table date they rest on. <see cref="ToJson"/> writes the documented shape
/// (README.md, <c>infra cost --format json</c>).
/// </summary>
public sealed record CostReport(IReadOnlyList<CostLine> Lines, CostAssumptions Assumptions, DateOnly PriceTableDate, string CnyPerUsdNote)
{
    /// <summary>The monthly total in USD.</summary>
    public decimal MonthlyUsd => Lines.Sum(l => l.MonthlyUsd);

    /// <summary>Lines the price table cannot price (monthly 0); the CLI warns about each.</summary>
    public IReadOnlyList<CostLine> UnpricedLines => Lines.Where(l => l.Unpriced).ToArray();

    /// <summary>Monthly USD per region, sorted by region.</summary>
    public IReadOnlyList<(string Region, decimal MonthlyUsd)> ByRegion =>
        Lines.GroupBy(l => l.Region).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(l => l.MonthlyUsd))).ToArray();

    /// <summary>Monthly USD per kind, most expensive first.</summary>
    public IReadOnlyList<(string Kind, decimal MonthlyUsd)> ByKind =>
        Lines.GroupBy(l => l.Kind).Select(g => (g.Key, g.Sum(l => l.MonthlyUsd)))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).ToArray();

    /// <summary>
    /// <c>{ "monthlyUsd", "lines": [ { "resource", "type", "region", "kind", "item", "monthly",
    /// "currency", "unitPrice", "unit", "quantity", "source", "assumption"? } ], "byRegion",
    /// "byKind", "assumptions", "priceTableDate", "cnyPerUsd" }</c>. <c>monthly</c> is USD;
    /// <c>unitPrice</c> is in <c>currency</c>.
    /// </summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("monthlyUsd", Math.Round(MonthlyUsd, 2));
            w.WriteStartArray("lines");
            foreach (var l in Lines)
            {
                w.WriteStartObject();
                w.WriteString("resource", l.Resource);
                w.WriteString("type", l.Type);
                w.WriteString("region", l.Region);
                w.WriteString("kind", l.Kind);
                w.WriteString("item", l.Item);
                w.WriteNumber("monthly", Math.Round(l.MonthlyUsd, 2));
                w.WriteString("currency", l.Currency);
                w.WriteNumber("unitPrice", l.UnitPrice);
                w.WriteString("unit", l.Unit);
                w.WriteNumber("quantity", l.Quantity);
                w.WriteString("source", l.Source);
                if (l.Assumption is not null)
                {
                    w.WriteString("assumption", l.Assumption);
                }

                if (l.Unpriced)
                {
                    w.WriteBoolean("unpriced", true);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("byRegion");
            foreach (var (region, usd) in ByRegion)
            {
                w.WriteNumber(region, Math.Round(usd, 2));
            }

            w.WriteEndObject();
            w.WriteStartObject("byKind");
            foreach (var (kind, usd) in ByKind)
            {
                w.WriteNumber(kind, Math.Round(usd, 2));
            }

            w.WriteEndObject();
            w.WriteStartObject("assumptions");
            foreach (var (name, value) in AssumptionValues())
            {
                if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    w.WriteNumber(name, number);
                }
                else
                {
                    w.WriteString(name, value);
                }
            }

            w.WriteEndObject();
            w.WriteString("priceTableDate", PriceTableDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteNumber("cnyPerUsd", Assumptions.CnyPerUsd ?? 0);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The effective assumptions by config field name, as text (for tables and JSON).</summary>
    public IReadOnlyList<(string Name, string Value)> AssumptionValues()
    {
        var a = Assumptions;
        string N(decimal v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        return
        [
            ("albLcus", N(a.AlbLcus)),
            ("cnyPerUsd", N(a.CnyPerUsd ?? 0)),
            ("dbBackupBeyondFreeGb", N(a.DbBackupBeyondFreeGb)),
            ("dbBackupReplicaFactor", N(a.DbBackupReplicaFactor)),
            ("dbBackupReplicationGbPerMonth", N(a.DbBackupReplicationGbPerMonth)),
            ("eksSupportDate", a.EksSupportDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""),
            ("flowLogIngestGbPerVpc", N(a.FlowLogIngestGbPerVpc)),
            ("logBucketGb", N(a.LogBucketGb)),
            ("logIngestGbPerGroup", N(a.LogIngestGbPerGroup)),
            ("natDataGbPerGateway", N(a.NatDataGbPerGateway)),
            ("peeringGbPerMonth", N(a.PeeringGbPerMonth)),
            ("registryStorageGb", N(a.RegistryStorageGb)),
            ("replicationGbPerMonth", N(a.ReplicationGbPerMonth)),
            ("transitGbPerAttachment", N(a.TransitGbPerAttachment)),
        ];
    }
}
