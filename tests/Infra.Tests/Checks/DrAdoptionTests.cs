using HarborHa.Checks;
using HarborHa.Cli;
using HarborHa.Configuration;
using HarborHa.Estimates;
using HarborHa.Model;
using HarborHa.Stacks;
using HarborHa.Tests.Cli;
using HarborHa.Tests.Support;
using Xunit;
using static HarborHa.Tests.Checks.DrDefaultsTests;

namespace HarborHa.Tests.Checks;

/// <summary>
/// Adopting the DR default on a running stack (removing <c>drRegion: none</c>) only adds resources;
/// S3 Replication Time Control as an option with its price; <c>infra validate</c> names each
/// region's DR partner.
/// </summary>
public sealed class DrAdoptionTests
{
    private static string Without(string yaml) => yaml.Replace("      drRegion: none\n", "", StringComparison.Ordinal);

    [Theory]
    [InlineData("eu-central-1")]
    [InlineData("cn-north-1")]
    [InlineData("us-east-1")]
    public void Ha_adopting_the_default_only_adds_resources(string region)
    {
        var before = Stack("ha", [new(region, 0, "none")]);

        var diff = ProgramDiff.Compare(TestConfigs.Synth(before), TestConfigs.Synth(Without(before)));

        Assert.NotEmpty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.Empty(diff.Changed);
        Assert.Empty(diff.Dangerous);
        // The DR bucket, key, bucket replication and backup replication are among the additions.
        var added = diff.Added.Select(c => c.Type).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(ResourceTypes.S3BucketReplicationConfig, added);
        Assert.Contains(ResourceTypes.RdsInstanceAutomatedBackupsReplication, added);
        Assert.Contains(ResourceTypes.KmsKey, added);
    }

    [Theory]
    [MemberData(nameof(GeoShapes), MemberType = typeof(DrDefaultsTests))]
    public void Geo_adopting_the_default_adds_resources_and_changes_at_most_s3_endpoint_policies_in_place(string shape)
    {
        var before = Stack("geo", [.. Geo(shape).Select(r => r with { DrRegion = "none" })]);

        var diff = ProgramDiff.Compare(TestConfigs.Synth(before), TestConfigs.Synth(Without(before)));

        Assert.NotEmpty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.Empty(diff.Dangerous);
        // A partner that is itself a Harbor region admits the DR bucket it now holds through its S3
        // endpoint (for a rebuild into it): an in-place policy update, nothing else changes.
        Assert.All(diff.Changed, c =>
        {
            Assert.Equal(ResourceTypes.Ec2VpcEndpoint, c.Type);
            Assert.Equal(["policy"], c.Properties.Select(p => p.Path));
        });
    }

    [Fact]
    public void Infra_diff_from_none_to_the_default_exits_0_with_only_additions()
    {
        var before = Stack("ha", [new("eu-central-1", 0, "none")]);
        var dir = CliRunner.ProjectWith("prod", WithAdmins(before));
        File.WriteAllText(Path.Combine(dir, "adopted.yaml"), Without(WithAdmins(before)));
        try
        {
            var result = CliRunner.Run(dir, null, "diff", "--stack", "prod", "--with-config", "adopted.yaml");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            Assert.Contains(" added, 0 removed, 0 changed; 0 dangerous, 0 not allowed", result.Stdout + result.Stderr, StringComparison.Ordinal);
            Assert.Contains("eu-central-1-storage-dr-bucket", result.Stdout + result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Storage_rtc_sets_the_15_minute_objective_and_its_event_threshold_on_every_replication()
    {
        var plain = TestConfigs.Synth(Stack("geo", Geo("both")));
        var timed = TestConfigs.Synth(Stack("geo", Geo("both"), "  harbor-ha:replication:\n    storageRtc: true\n"));

        Assert.All(Rules(plain), rule =>
        {
            Assert.Null(Props.At(rule, "destination.replicationTime"));
            Assert.Equal("Enabled", Props.Text(Props.At(rule, "destination.metrics.status")));
            Assert.Null(Props.At(rule, "destination.metrics.eventThreshold"));
        });
        Assert.Equal(4, Rules(timed).Count);
        Assert.All(Rules(timed), rule =>
        {
            Assert.Equal("Enabled", Props.Text(Props.At(rule, "destination.replicationTime.status")));
            Assert.Equal(15, Props.Number(Props.At(rule, "destination.replicationTime.time.minutes")));
            Assert.Equal("Enabled", Props.Text(Props.At(rule, "destination.metrics.status")));
            Assert.Equal(15, Props.Number(Props.At(rule, "destination.metrics.eventThreshold.minutes")));
        });
        Assert.False(CheckRunner.Run(timed).Failed);
    }

    [Fact]
    public void Storage_rtc_is_priced_per_gb_replicated()
    {
        var config = TestConfigs.Parse(Stack("ha", [new("us-east-1", 0)], "  harbor-ha:replication:\n    storageRtc: true\n"));
        var report = CostEstimator.Estimate(Synthesizer.Build(config), config.CostAssumptions);
        var plain = TestConfigs.Parse(Stack("ha", [new("us-east-1", 0)]));
        var plainReport = CostEstimator.Estimate(Synthesizer.Build(plain), plain.CostAssumptions);

        var line = Assert.Single(report.Lines, l => l.Item.Contains("Replication Time Control", StringComparison.Ordinal));
        Assert.Equal("us-east-1-storage-replication", line.Resource);
        Assert.Equal(config.CostAssumptions.ReplicationGbPerMonth, line.Quantity);
        Assert.Equal(0.015m, line.UnitPrice);
        Assert.Equal(0.015m * config.CostAssumptions.ReplicationGbPerMonth, line.MonthlyUsd);
        Assert.Equal(line.MonthlyUsd, report.MonthlyUsd - plainReport.MonthlyUsd);
        Assert.DoesNotContain(plainReport.Lines, l => l.Item.Contains("Replication Time Control", StringComparison.Ordinal));
    }

    [Fact]
    public void Storage_rtc_without_any_dr_region_is_an_error_naming_the_key()
    {
        var errors = Assert.Throws<ConfigException>(() => TestConfigs.Parse(
            Stack("single-site", [new("ap-southeast-1", 0)], "  harbor-ha:replication:\n    storageRtc: true\n"))).Errors;

        Assert.Contains(errors, e => e.Key == "harbor-ha:replication.storageRtc");
    }

    [Fact]
    public void Validate_prints_each_regions_dr_partner_and_where_it_comes_from()
    {
        var yaml = WithAdmins(Stack("geo", [new("cn-north-1", 0, Primary: true), new("cn-northwest-1", 1, "none"), new("ap-southeast-1", 0, "ap-southeast-3")]));
        var dir = CliRunner.ProjectWith("geo", yaml);
        try
        {
            var result = CliRunner.Run(dir, null, "validate", "--stack", "geo");

            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            Assert.Contains("dr: cn-north-1 -> cn-northwest-1 (default partner for geo", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("dr: cn-northwest-1 -> none (drRegion: none; region-loss accepted)", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("dr: ap-southeast-1 -> ap-southeast-3 (drRegion)", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static IReadOnlyList<Value> Rules(PulumiProgram program) =>
        program.Resources.Where(r => r.Type == ResourceTypes.S3BucketReplicationConfig)
            .SelectMany(r => Props.Items(r.Property("rules")))
            .ToArray();

    /// <summary>The CLI parses stack files strictly: outside dev they name each partition's cluster admins.</summary>
    private static string WithAdmins(string yaml) => yaml.Replace(
        "  harbor-ha:regions:",
        "  harbor-ha:clusterAdminArns: [arn:aws:iam::111122223333:role/a, arn:aws-cn:iam::444455556666:role/a]\n  harbor-ha:regions:",
        StringComparison.Ordinal);
}
