using System.Text.RegularExpressions;
using HarborHa.Configuration;
using HarborHa.Planning;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Planning;

/// <summary>The default DR partner table: complete, inside each partition, and documented as it is.</summary>
public partial class DrPartnersTests
{
    public static TheoryData<string> KnownRegions() => [.. Regions.All];

    [Fact]
    public void The_table_covers_exactly_the_regions_harbor_ha_knows()
    {
        Assert.Equal(Regions.All, DrPartners.Covered);
    }

    [Theory]
    [MemberData(nameof(KnownRegions))]
    public void Every_known_region_has_a_known_partner_in_its_own_partition_never_itself(string region)
    {
        var partner = DrPartners.Of(region);

        Assert.NotEqual(region, partner);
        Assert.True(Regions.IsKnown(partner), $"{region}'s partner {partner} is not a known region");
        Assert.Equal(Regions.SideOf(region), Regions.SideOf(partner));
        Assert.Equal(Regions.PartitionOf(region), Regions.PartitionOf(partner));
    }

    [Theory]
    [InlineData("cn-north-1", "cn-northwest-1")]
    [InlineData("cn-northwest-1", "cn-north-1")]
    [InlineData("ap-southeast-1", "ap-southeast-2")]
    [InlineData("eu-central-1", "eu-west-1")]
    [InlineData("us-east-1", "us-west-2")]
    public void The_partners_the_design_names(string region, string partner) =>
        Assert.Equal(partner, DrPartners.Of(region));

    [Theory]
    [MemberData(nameof(KnownRegions))]
    public void Single_site_has_no_default_and_ha_and_geo_have_the_partner(string region)
    {
        Assert.Null(DrPartners.DefaultFor(Topology.SingleSite, region));
        Assert.Equal(DrPartners.Of(region), DrPartners.DefaultFor(Topology.Ha, region));
        Assert.Equal(DrPartners.Of(region), DrPartners.DefaultFor(Topology.Geo, region));
    }

    [Fact]
    public void An_unknown_region_has_no_partner()
    {
        Assert.Throws<ArgumentException>(() => DrPartners.Of("xx-nowhere-1"));
    }

    [Fact]
    public void Docs_list_the_table_as_the_code_has_it()
    {
        var doc = File.ReadAllText(Path.Combine(TestConfigs.RepoRoot(), "docs", "disaster-recovery.md"));
        var section = doc[doc.IndexOf("## Default DR partners", StringComparison.Ordinal)..];
        section = section[..(section.IndexOf("\n## ", 3, StringComparison.Ordinal) is var end and > 0 ? end : section.Length)];
        var rows = Row().Matches(section).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);

        Assert.Equal(Regions.All, rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(Regions.All, r => Assert.True(rows[r] == DrPartners.Of(r), $"docs say {r} -> {rows[r]}, the code says {DrPartners.Of(r)}"));
    }

    [GeneratedRegex(@"^\| `([a-z0-9-]+)` \| `([a-z0-9-]+)` \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
