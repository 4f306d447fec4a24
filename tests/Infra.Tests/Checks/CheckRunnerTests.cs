using HarborHa.Checks;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Stacks;
using HarborHa.Tests.Support;
using Moq;

namespace HarborHa.Tests.Checks;

/// <summary>The runner's contract, with stand-in rules: what fails a check, what is only reported, and order.</summary>
public class CheckRunnerTests
{
    private static readonly StackConfig Config = TestConfigs.Parse(TestConfigs.Ha);
    private static readonly PulumiProgram Program = Synthesizer.Build(Config);

    private static Mock<ICheckRule> Rule(string id, params Finding[] findings)
    {
        var rule = new Mock<ICheckRule>(MockBehavior.Strict);
        rule.SetupGet(r => r.Id).Returns(id);
        rule.SetupGet(r => r.Reason).Returns($"{id} reason");
        rule.Setup(r => r.Evaluate(Program, Config)).Returns(findings);
        return rule;
    }

    [Fact]
    public void Each_rule_sees_the_program_and_config_once()
    {
        var first = Rule("first");
        var second = Rule("second");

        var report = CheckRunner.Run(Program, Config, [first.Object, second.Object]);

        first.Verify(r => r.Evaluate(Program, Config), Times.Once);
        second.Verify(r => r.Evaluate(Program, Config), Times.Once);
        Assert.False(report.Failed);
        Assert.Equal(["first", "second"], report.Results.Select(r => r.Rule.Id));
    }

    [Fact]
    public void One_unaccepted_finding_fails_the_check_and_accepted_ones_do_not()
    {
        var accepted = Rule("accepted", new Finding("x", "known trade-off", Accepted: true));
        var failing = Rule("failing", new Finding("y", "broken"));

        var onlyAccepted = CheckRunner.Run(Program, Config, [accepted.Object]);
        var both = CheckRunner.Run(Program, Config, [accepted.Object, failing.Object]);

        Assert.False(onlyAccepted.Failed);
        Assert.True(both.Failed);
        Assert.Equal("failing", Assert.Single(both.Failures).Rule.Id);
    }

    [Fact]
    public void Findings_are_ordered_by_resource_then_message_whatever_the_rule_returns()
    {
        var rule = Rule("unordered", new Finding("b", "2"), new Finding("a", "9"), new Finding("b", "1"));

        var findings = CheckRunner.Run(Program, Config, [rule.Object]).Results.Single().Findings;

        Assert.Equal([("a", "9"), ("b", "1"), ("b", "2")], findings.Select(f => (f.Resource, f.Message)));
    }
}
