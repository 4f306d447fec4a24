using HarborHa.Checks;
using HarborHa.Cli;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Checks;

/// <summary>Evidence: every committed stack passes <c>infra check</c>, through the library and through the command line.</summary>
public sealed class CommittedStackTests
{
    public static TheoryData<string> Stacks() => new(TestConfigs.CommittedStacks());

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Committed_stack_passes_every_rule(string stack)
    {
        var config = TestConfigs.LoadCommitted(stack);

        var report = CheckRunner.Run(HarborHa.Stacks.Synthesizer.Build(config), config);

        Assert.Empty(report.Failures.Select(f => $"{f.Rule.Id}: {string.Join("; ", f.Findings.Select(x => $"{x.Resource}: {x.Message}"))}"));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Infra_check_exits_0_and_writes_nothing_to_stdout(string stack)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = HarborHa.Cli.Cli.Run(["check", "--stack", stack], stdout, stderr, new Dictionary<string, string?>(), TestConfigs.RepoRoot());

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", stdout.ToString());
        Assert.Contains("ok: all", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("AZ-loss analysis", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Infra_check_reads_pulumi_config_like_synth()
    {
        var environment = new Dictionary<string, string?>
        {
            ["PULUMI_CONFIG"] = """{"harbor-ha:topology":"ha","harbor-ha:clusterAdminArns":"[\"arn:aws:iam::111122223333:role/harbor-ha-deployer\"]","harbor-ha:domain":"registry.example.com","harbor-ha:regions":"[{\"name\":\"eu-west-1\",\"slot\":3}]"}""",
        };
        var stderr = new StringWriter();

        var code = HarborHa.Cli.Cli.Run(["check"], new StringWriter(), stderr, environment, Path.GetTempPath());

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("eu-west-1c", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Single_site_reports_its_single_nat_as_accepted()
    {
        var config = TestConfigs.Parse(TestConfigs.SingleSite);

        var report = CheckRunner.Run(HarborHa.Stacks.Synthesizer.Build(config), config);

        Assert.False(report.Failed);
        Assert.True(report.AzLossAccepted);
        Assert.Contains(report.AzLoss.Losses, l => l.Resource.EndsWith("network-nat-a", StringComparison.Ordinal));
    }

    [Fact]
    public void Ha_has_no_single_point_of_failure_in_any_zone()
    {
        var config = TestConfigs.Parse(TestConfigs.Ha);

        var report = AzLossAnalysis.Analyze(HarborHa.Stacks.Synthesizer.Build(config), config);

        Assert.Equal(3, report.Zones["eu-central-1"].Count);
        Assert.Empty(report.Losses);
    }
}
