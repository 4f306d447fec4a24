using HarborHa.Configuration;
using HarborHa.Estimates;

namespace HarborHa.Tests.Estimates;

/// <summary>The committed price table: complete for every known region, sourced, and right where we can check it.</summary>
public class PriceTableTests
{
    private static readonly PriceTable Prices = PriceTable.Default;

    [Fact]
    public void Every_region_of_the_region_table_is_priced_for_every_sku_with_a_source()
    {
        var missing = new List<string>();
        foreach (var region in Regions.All)
        {
            foreach (var sku in Prices.Skus)
            {
                var quote = Prices.Quote(sku, region);
                if (quote is null || quote.Price < 0 || string.IsNullOrWhiteSpace(quote.Source))
                {
                    missing.Add($"{sku} in {region}");
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void The_table_covers_exactly_the_regions_harbor_ha_knows()
    {
        Assert.Equal(Regions.All.Order(StringComparer.Ordinal), Prices.Regions.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("nat.hour", 0.045)]
    [InlineData("vpn.connection", 0.05)]
    [InlineData("tgw.attachment", 0.05)]
    public void Us_east_1_hourly_prices_match_the_aws_list_within_ten_percent(string sku, double list)
    {
        var quote = Prices.Quote(sku, "us-east-1")!;
        Assert.Equal("USD", quote.Currency);
        Assert.False(quote.Derived);
        Assert.InRange((double)quote.Price, list * 0.9, list * 1.1);
    }

    [Theory]
    [InlineData("cn-north-1")]
    [InlineData("cn-northwest-1")]
    public void China_regions_are_priced_in_cny(string region)
    {
        foreach (var sku in Prices.Skus)
        {
            var quote = Prices.Quote(sku, region)!;
            Assert.Equal("CNY", quote.Currency);
            Assert.True(quote.Price > 0, $"{sku} in {region}");
        }

        // A listed China price is used as it is, not derived.
        var tgw = Prices.Quote("tgw.attachment", region)!;
        Assert.False(tgw.Derived);
        Assert.Equal(0.5m, tgw.Price);
    }

    [Fact]
    public void A_derived_price_says_how_it_was_derived()
    {
        var listed = Prices.Quote("nat.hour", "ap-southeast-1")!;
        Assert.False(listed.Derived);
        Assert.Equal(0.059m, listed.Price);

        var derived = Prices.Quote("nat.hour", "eu-central-1")!;
        Assert.True(derived.Derived);
        Assert.StartsWith("derived:", derived.Source, StringComparison.Ordinal);
        Assert.Contains("eu-central-1", derived.Source, StringComparison.Ordinal);
        Assert.True(derived.Price > Prices.Quote("nat.hour", "us-east-1")!.Price);

        var neighbour = Prices.Quote("nat.hour", "ap-southeast-5")!;
        Assert.Contains("neighbour ap-southeast-1", neighbour.Source, StringComparison.Ordinal);
        Assert.Contains("cn-north-1 list price (no cn-northwest-1 row)", Prices.Quote("ec2.m6i.xlarge", "cn-northwest-1")!.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Uniform_prices_are_the_same_in_every_commercial_region()
    {
        foreach (var region in Regions.All.Where(r => Regions.SideOf(r) == Side.Overseas))
        {
            Assert.Equal(0.10m, Prices.Quote("eks.cluster.standard", region)!.Price);
            Assert.Equal(0.60m, Prices.Quote("eks.cluster.extended", region)!.Price);
            Assert.Equal(0.005m, Prices.Quote("ipv4.public", region)!.Price);
        }
    }

    [Fact]
    public void Every_supported_kubernetes_version_has_a_support_window()
    {
        foreach (var version in HarborHa.Planning.KubernetesReleases.Supported)
        {
            var support = Prices.SupportOf(version);
            Assert.NotNull(support);
            Assert.True(support.ExtendedEnds > support.StandardEnds);
        }
    }

    [Fact]
    public void The_default_conversion_rate_is_dated_and_sourced()
    {
        Assert.InRange(Prices.DefaultCnyPerUsd, 6m, 8m);
        Assert.Contains("2025-11-27", Prices.CnyPerUsdNote, StringComparison.Ordinal);
    }

    [Fact]
    public void A_price_row_naming_an_unknown_source_is_refused()
    {
        const string Yaml = """
            date: 2026-12-01
            hoursPerMonth: 730
            baseRegion: us-east-1
            cnyPerUsd: { rate: 7, date: 2026-01-01, source: s }
            sources: { s: "a source" }
            regions: [ { region: us-east-1, fargateVcpuHour: 1, source: s } ]
            china: { regions: [], beijing: cn-north-1, ratio: { sku: x, cny: 1, usd: 1, source: s } }
            kubernetesVersions: []
            skus: [ { sku: x, unit: hour, kind: X } ]
            prices: [ { sku: x, region: us-east-1, price: 1, source: nowhere } ]
            free: []
            """;
        var e = Assert.Throws<InvalidOperationException>(() => PriceTable.Parse(Yaml));
        Assert.Contains("nowhere", e.Message, StringComparison.Ordinal);
    }
}
