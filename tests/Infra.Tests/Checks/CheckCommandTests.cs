using HarborHa.Checks;
using HarborHa.Cli;
using HarborHa.Tests.Support;
using Xunit;
using static HarborHa.Tests.Checks.ShippedPrograms;

namespace HarborHa.Tests.Checks;

/// <summary>How <c>infra check</c> reports a failing program.</summary>
public sealed class CheckCommandTests
{
    [Fact]
    public void A_failed_rule_exits_1_and_names_the_rule_the_resource_and_the_reason()
    {
        var program = Staging().Set(N("db-instance"), "storageEncrypted", false);
        var config = StagingConfig();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, new Dictionary<string, string?>(), Path.GetTempPath());

        var code = CheckCommand.Report(context, CheckRunner.Run(program), config, program.Resources.Count);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.NotEmpty(stdout.ToString()); // the report is a result: stdout
        var text = stdout.ToString() + stderr.ToString();
        Assert.Contains("FAIL rds-encrypted: database storage", text, StringComparison.Ordinal);
        Assert.Contains($"{N("db-instance")}: storageEncrypted is not true", text, StringComparison.Ordinal);
        Assert.Contains("error: 1 of", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_az_loss_table_lists_every_zone_and_what_losing_it_removes()
    {
        var program = Staging().Set(N("cluster-nodes"), "subnetIds", HarborHa.Model.Value.List(new HarborHa.Model.Ref(N("network-private-c"), "id")));
        var config = StagingConfig();
        var stderr = new StringWriter();
        var stdout = new StringWriter();
        var context = new CliContext(stdout, stderr, new Dictionary<string, string?>(), Path.GetTempPath());

        CheckCommand.Report(context, CheckRunner.Run(program), config, program.Resources.Count);

        var text = stdout.ToString() + stderr.ToString();
        Assert.Contains($"{Overseas}a", text, StringComparison.Ordinal);
        Assert.Contains($"{N("cluster-nodes")}: node group in subnets of {Overseas}c only", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_site_explains_each_accepted_trade_off_in_its_own_words()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = HarborHa.Cli.Cli.Run(["check", "--stack", "dev"], stdout, stderr, new Dictionary<string, string?>(), TestConfigs.RepoRoot());

        Assert.Equal(ExitCodes.Ok, code);
        var text = stdout.ToString() + stderr.ToString();
        Assert.Contains($"accepted: {N("db-instance")}: ", text, StringComparison.Ordinal);
        Assert.Contains("single-site keeps one database in one AZ to save cost; use ha for AZ redundancy", text, StringComparison.Ordinal);
        Assert.Contains("single-site routes every AZ through one NAT gateway to save cost", text, StringComparison.Ordinal);
        Assert.Contains("single points of failure are accepted", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_without_a_stack_is_bad_input()
    {
        var stderr = new StringWriter();

        var code = HarborHa.Cli.Cli.Run(["check"], new StringWriter(), stderr, new Dictionary<string, string?>(), Path.GetTempPath());

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--stack", stderr.ToString(), StringComparison.Ordinal);
    }
}
