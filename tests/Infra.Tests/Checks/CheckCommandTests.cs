using HarborHa.Checks;
using HarborHa.Cli;
using Xunit;
using static HarborHa.Tests.Checks.SampleProgram;

namespace HarborHa.Tests.Checks;

/// <summary>How <c>infra check</c> reports a failing program.</summary>
public sealed class CheckCommandTests
{
    [Fact]
    public void A_failed_rule_exits_1_and_names_the_rule_the_resource_and_the_reason()
    {
        var program = Build().Set($"{R}-db-instance", "storageEncrypted", false);
        var config = Config();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, new Dictionary<string, string?>(), Path.GetTempPath());

        var code = CheckCommand.Report(context, CheckRunner.Run(program, config), config, program.Resources.Count);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Equal("", stdout.ToString());
        var text = stderr.ToString();
        Assert.Contains("FAIL rds-encrypted: database storage", text, StringComparison.Ordinal);
        Assert.Contains($"{R}-db-instance: storageEncrypted is not true", text, StringComparison.Ordinal);
        Assert.Contains("error: 1 of", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_az_loss_table_lists_every_zone_and_what_losing_it_removes()
    {
        var program = Build().Set($"{R}-cluster-nodes", "subnetIds", HarborHa.Model.Value.List(new HarborHa.Model.Ref($"{R}-network-private-c", "id")));
        var config = Config();
        var stderr = new StringWriter();
        var context = new CliContext(new StringWriter(), stderr, new Dictionary<string, string?>(), Path.GetTempPath());

        CheckCommand.Report(context, CheckRunner.Run(program, config), config, program.Resources.Count);

        var text = stderr.ToString();
        Assert.Contains($"{R}a", text, StringComparison.Ordinal);
        Assert.Contains($"{R}-cluster-nodes: node group in subnets of {R}c only", text, StringComparison.Ordinal);
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
