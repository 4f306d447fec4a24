using HarborHa.Checks;
using HarborHa.Model;
using Moq;
using Xunit;
using static HarborHa.Tests.Checks.ShippedPrograms;

namespace HarborHa.Tests.Checks;

/// <summary>
/// The runner's contract, with stand-in rules over a real program: what fails a check, what a
/// resource's accepted risk turns into, and order.
/// </summary>
public class CheckRunnerTests
{
    private static Mock<ICheckRule> Rule(PulumiProgram program, string id, params Finding[] findings)
    {
        var rule = new Mock<ICheckRule>(MockBehavior.Strict);
        rule.SetupGet(r => r.Id).Returns(id);
        rule.SetupGet(r => r.Reason).Returns($"{id} reason");
        rule.Setup(r => r.Evaluate(program)).Returns(findings);
        return rule;
    }

    [Fact]
    public void Each_rule_sees_the_program_once()
    {
        var program = Staging();
        var first = Rule(program, "first");
        var second = Rule(program, "second");

        var report = CheckRunner.Run(program, [first.Object, second.Object]);

        first.Verify(r => r.Evaluate(program), Times.Once);
        second.Verify(r => r.Evaluate(program), Times.Once);
        Assert.False(report.Failed);
        Assert.Equal(["first", "second"], report.Results.Select(r => r.Rule.Id));
    }

    [Fact]
    public void One_finding_fails_the_check_unless_its_resource_accepts_the_rule()
    {
        var program = Staging();
        program.Accept(N("db-instance"), "known", "a documented trade-off");
        var accepted = Rule(program, "known", new Finding(N("db-instance"), "single-AZ"));
        var failing = Rule(program, "other", new Finding(N("db-instance"), "broken"));

        var onlyAccepted = CheckRunner.Run(program, [accepted.Object]);
        var both = CheckRunner.Run(program, [accepted.Object, failing.Object]);

        Assert.False(onlyAccepted.Failed);
        var finding = Assert.Single(onlyAccepted.Results.Single().Findings);
        Assert.True(finding.Accepted);
        Assert.Equal("single-AZ (accepted: a documented trade-off)", finding.Message);
        Assert.True(both.Failed);
        Assert.Equal("other", Assert.Single(both.Failures).Rule.Id);
    }

    [Fact]
    public void A_finding_that_names_no_resource_of_the_program_is_never_accepted()
    {
        var program = Staging();
        var rule = Rule(program, "az-loss", new Finding(N("network-data"), "subnet tier in one zone"));

        Assert.True(CheckRunner.Run(program, [rule.Object]).Failed);
    }

    [Fact]
    public void Findings_are_ordered_by_resource_then_message_whatever_the_rule_returns()
    {
        var program = Staging();
        var rule = Rule(program, "unordered", new Finding("b", "2"), new Finding("a", "9"), new Finding("b", "1"));

        var findings = CheckRunner.Run(program, [rule.Object]).Results.Single().Findings;

        Assert.Equal([("a", "9"), ("b", "1"), ("b", "2")], findings.Select(f => (f.Resource, f.Message)));
    }

    [Fact]
    public void Az_loss_is_reported_as_accepted_only_when_there_are_losses_and_every_one_is_accepted()
    {
        Assert.True(CheckRunner.Run(Dev()).AzLossAccepted);
        Assert.False(CheckRunner.Run(Staging()).AzLossAccepted); // no losses at all
        Assert.False(CheckRunner.Run(Dev().Unaccept(N("cache-group"), "az-loss")).AzLossAccepted);
    }
}
