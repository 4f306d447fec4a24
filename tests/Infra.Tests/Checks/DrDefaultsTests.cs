using System.Text;
using HarborHa.Checks;
using HarborHa.Checks.Rules;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Planning;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Checks;

/// <summary>
/// No silent single-region data: over generated ha and geo configs without <c>drRegion</c>, every
/// region replicates its registry bucket and its database backups to its default partner, a
/// different region of its own partition; <c>drRegion: none</c> removes them and region-loss
/// reports the region as an accepted trade-off; single-site keeps no copies unless asked.
/// </summary>
public sealed class DrDefaultsTests
{
    public sealed record Entry(string Name, int Slot, string? DrRegion = null, bool Primary = false);

    public static string Stack(string topology, IReadOnlyList<Entry> regions, string extra = "")
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("config:");
        yaml.AppendLine($"  harbor-ha:topology: {topology}");
        yaml.AppendLine($"  harbor-ha:environment: {(topology == "single-site" ? "dev" : "prod")}");
        yaml.AppendLine("  harbor-ha:domain: registry.example.com");
        yaml.AppendLine("  harbor-ha:chinaImageMirror: 123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/mirror");
        var china = regions.Where(r => Regions.SideOf(r.Name) == Side.China).ToArray();
        if (topology == "geo" && china.Length > 0 && china.Length < regions.Count)
        {
            yaml.AppendLine("  harbor-ha:vpn:");
            yaml.AppendLine("    applianceAmis:");
            foreach (var r in china)
            {
                yaml.AppendLine($"      {r.Name}: ami-0123456789abcdef0");
            }
        }

        yaml.Append(extra);
        yaml.AppendLine("  harbor-ha:regions:");
        foreach (var r in regions)
        {
            yaml.AppendLine($"    - name: {r.Name}");
            yaml.AppendLine($"      slot: {r.Slot}");
            if (r.Primary)
            {
                yaml.AppendLine("      role: primary");
            }

            if (r.DrRegion is not null)
            {
                yaml.AppendLine($"      drRegion: {r.DrRegion}");
            }
        }

        return yaml.ToString();
    }

    /// <summary>ha in every region that has the three zones ha needs.</summary>
    public static TheoryData<string> HaRegions() => [.. Regions.All.Where(r => Regions.ZoneCount(r) >= 3)];

    /// <summary>geo shapes: China only (the two regions are each other's partner), overseas only, both sides, a partner that is itself a Harbor region.</summary>
    public static TheoryData<string> GeoShapes() => ["china", "overseas", "both", "partner-is-a-harbor-region"];

    public static IReadOnlyList<Entry> Geo(string shape) => shape switch
    {
        "china" => [new("cn-north-1", 0, Primary: true), new("cn-northwest-1", 1)],
        "overseas" => [new("ap-southeast-1", 0, Primary: true), new("eu-central-1", 1), new("us-east-1", 2), new("sa-east-1", 3)],
        "both" => [new("cn-north-1", 0, Primary: true), new("cn-northwest-1", 1), new("ap-southeast-1", 0), new("ap-northeast-1", 1)],
        _ => [new("eu-central-1", 0, Primary: true), new("eu-west-1", 1), new("us-east-1", 2), new("us-west-2", 3)],
    };

    [Theory]
    [MemberData(nameof(HaRegions))]
    public void Ha_without_drRegion_copies_to_the_partner(string region)
    {
        var program = TestConfigs.Synth(Stack("ha", [new(region, 0)]));

        AssertCopies(program, region, DrPartners.Of(region));
        Assert.Empty(RegionLoss(program));
    }

    [Theory]
    [MemberData(nameof(GeoShapes))]
    public void Geo_without_drRegion_copies_every_region_to_a_different_region_of_its_partition(string shape)
    {
        var regions = Geo(shape);
        var config = TestConfigs.Parse(Stack("geo", regions));
        var program = HarborHa.Stacks.Synthesizer.Build(config);

        Assert.All(config.Regions, r =>
        {
            Assert.Equal(DrRegionSource.Default, r.DrRegionSource);
            AssertCopies(program, r.Name, DrPartners.Of(r.Name));
        });
        Assert.Empty(RegionLoss(program));
        Assert.False(CheckRunner.Run(program).Failed);
    }

    [Theory]
    [MemberData(nameof(GeoShapes))]
    public void Drregion_none_removes_the_copies_of_that_region_only_and_region_loss_accepts_it(string shape)
    {
        var regions = Geo(shape);
        var optedOut = regions[^1].Name;
        var program = TestConfigs.Synth(Stack("geo", [.. regions.SkipLast(1), regions[^1] with { DrRegion = "none" }]));

        Assert.DoesNotContain(BackupCopies(program), c => c.From == optedOut);
        Assert.DoesNotContain(BucketCopies(program), c => c.From == optedOut);
        Assert.All(regions.SkipLast(1), r => AssertCopies(program, r.Name, DrPartners.Of(r.Name)));

        var findings = RegionLoss(program);
        var finding = Assert.Single(findings);
        Assert.Equal($"{optedOut}-aws", finding.Resource);
        Assert.True(finding.Accepted);
        Assert.Contains($"harbor-ha:regions[{optedOut}].drRegion is none", finding.Message, StringComparison.Ordinal);
        Assert.False(CheckRunner.Run(program).Failed);
    }

    [Fact]
    public void Ha_with_drRegion_none_keeps_no_copies_and_reports_an_accepted_region_loss()
    {
        var program = TestConfigs.Synth(Stack("ha", [new("eu-central-1", 0, "none")]));

        Assert.Empty(BackupCopies(program));
        Assert.Empty(BucketCopies(program));
        Assert.DoesNotContain(program.Resources, r => r.Name.StartsWith("eu-west-1-", StringComparison.Ordinal));
        var finding = Assert.Single(RegionLoss(program));
        Assert.True(finding.Accepted);
    }

    [Fact]
    public void Single_site_is_unchanged_no_copies_unless_drRegion_is_set()
    {
        var none = Stack("single-site", [new("ap-southeast-1", 0, "none")]);
        var absent = Stack("single-site", [new("ap-southeast-1", 0)]);
        var program = TestConfigs.Synth(absent);

        // No drRegion is the same program as drRegion: none, and keeps no copies.
        Assert.Equal(YamlWriter.Write(TestConfigs.Synth(none)), YamlWriter.Write(program));
        Assert.Empty(BackupCopies(program));
        Assert.Empty(BucketCopies(program));
        var finding = Assert.Single(RegionLoss(program));
        Assert.True(finding.Accepted);
        Assert.Contains("single-site keeps no copies", finding.Message, StringComparison.Ordinal);

        var withDr = TestConfigs.Synth(Stack("single-site", [new("ap-southeast-1", 0, "ap-southeast-3")]));
        AssertCopies(withDr, "ap-southeast-1", "ap-southeast-3");
        Assert.Empty(RegionLoss(withDr));
    }

    [Fact]
    public void The_parser_records_where_each_drRegion_comes_from()
    {
        var config = TestConfigs.Parse(Stack("geo", [new("ap-southeast-1", 0, Primary: true), new("eu-central-1", 1, "none"), new("us-east-1", 2, "us-east-2")]));

        Assert.Equal(("ap-southeast-2", DrRegionSource.Default), Dr(config, "ap-southeast-1"));
        Assert.Equal((null, DrRegionSource.None), Dr(config, "eu-central-1"));
        Assert.Equal(("us-east-2", DrRegionSource.Given), Dr(config, "us-east-1"));
    }

    [Fact]
    public void Restoring_storage_needs_a_dr_region_so_none_with_a_storage_restore_is_an_error()
    {
        var errors = Assert.Throws<ConfigException>(() => TestConfigs.Parse(Stack("ha", [new("eu-central-1", 0, "none")])
            .Replace("      drRegion: none", "      drRegion: none\n      restore:\n        storage: use-dr", StringComparison.Ordinal))).Errors;

        Assert.Contains(errors, e => e.Key == "harbor-ha:regions[eu-central-1].restore.storage");
    }

    private static (string?, DrRegionSource) Dr(StackConfig config, string region)
    {
        var r = config.Regions.Single(x => x.Name == region);
        return (r.DrRegion, r.DrRegionSource);
    }

    private static IReadOnlyList<Finding> RegionLoss(PulumiProgram program) =>
        CheckRunner.Run(program, [new RegionLossRule()]).Results.Single().Findings;

    /// <summary>(source region, DR region) of each replicated-backups resource, from the program's providers.</summary>
    public static IReadOnlyList<(string? From, string? To)> BackupCopies(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return index.OfType(ResourceTypes.RdsInstanceAutomatedBackupsReplication)
            .Select(r => (index.Target(r.Property("sourceDbInstanceArn")) is { } db ? index.RegionOf(db) : null, index.RegionOf(r)))
            .ToArray();
    }

    /// <summary>(source region, destination region) of each enabled bucket replication rule.</summary>
    public static IReadOnlyList<(string? From, string? To)> BucketCopies(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return index.OfType(ResourceTypes.S3BucketReplicationConfig)
            .SelectMany(r => Props.Items(r.Property("rules"))
                .Where(rule => Props.Text(Props.At(rule, "status")) == "Enabled")
                .Select(rule => (
                    index.Target(r.Property("bucket")) is { } b ? index.RegionOf(b) : null,
                    index.Target(Props.At(rule, "destination.bucket")) is { } d ? index.RegionOf(d) : null)))
            .ToArray();
    }

    private static void AssertCopies(PulumiProgram program, string region, string partner)
    {
        Assert.NotEqual(region, partner);
        Assert.Equal(AwsPartition.Of(region), AwsPartition.Of(partner));
        Assert.Contains((region, partner), BackupCopies(program));
        Assert.Contains((region, partner), BucketCopies(program));
    }
}
