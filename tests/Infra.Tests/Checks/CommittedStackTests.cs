using HarborHa.Checks;
using HarborHa.Cli;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Checks;

/// <summary>
/// Evidence on the committed stacks: <c>infra check</c> passes through the command line, and every
/// trade-off a resource accepts is a real one (a registered rule that flags that resource).
/// Rule-by-rule passes are in <see cref="RuleTests"/>.
/// </summary>
public sealed class CommittedStackTests
{
    public static TheoryData<string> Stacks() => new(TestConfigs.CommittedStacks());

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_listed_stack_has_its_committed_stack_file(string stack)
    {
        Assert.True(File.Exists(Path.Combine(TestConfigs.RepoRoot(), $"Pulumi.{stack}.yaml")), $"Pulumi.{stack}.yaml is missing");
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Infra_check_exits_0_and_reports_on_stdout(string stack)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = HarborHa.Cli.Cli.Run(["check", "--stack", stack], stdout, stderr, new Dictionary<string, string?>(), TestConfigs.RepoRoot());

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", stderr.ToString());
        Assert.Contains("ok: all", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("AZ-loss analysis", stdout.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_accepted_risk_names_a_registered_rule_that_flags_its_resource(string stack)
    {
        var program = ShippedPrograms.Of(stack);
        var report = CheckRunner.Run(program);

        foreach (var resource in program.Resources)
        {
            foreach (var risk in resource.AcceptedRisks)
            {
                var result = report.Results.SingleOrDefault(r => r.Rule.Id == risk.RuleId);
                Assert.True(result is not null, $"{resource.Name} accepts '{risk.RuleId}', which is not a rule");
                Assert.True(result!.Findings.Any(f => f.Resource == resource.Name && f.Accepted),
                    $"{resource.Name} accepts '{risk.RuleId}' but the rule flags nothing on it: a stale acceptance hides nothing and should go");
                Assert.False(string.IsNullOrWhiteSpace(risk.Reason));
            }
        }
    }

    [Fact]
    public void Infra_check_reads_pulumi_config_like_synth()
    {
        var environment = new Dictionary<string, string?>
        {
            ["PULUMI_CONFIG"] = """{"harbor-ha:topology":"ha","harbor-ha:clusterAdminArns":"[\"arn:aws:iam::111122223333:role/harbor-ha-deployer\"]","harbor-ha:domain":"registry.example.com","harbor-ha:regions":"[{\"name\":\"eu-west-1\",\"slot\":3}]"}""",
        };
        var stderr = new StringWriter();

        var stdout = new StringWriter();
        var code = HarborHa.Cli.Cli.Run(["check"], stdout, stderr, environment, Path.GetTempPath());

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("eu-west-1c", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ha_has_no_single_point_of_failure_in_any_of_its_three_zones()
    {
        var report = AzLossAnalysis.Analyze(TestConfigs.Synth(TestConfigs.Ha));

        Assert.Equal(["eu-central-1a", "eu-central-1b", "eu-central-1c"], report.Zones["eu-central-1"]);
        Assert.Empty(report.Losses);
    }
}
