using HarborHa.Tests.Support;

namespace HarborHa.Tests.Cli;

/// <summary>Results go to stdout, so `infra graph --stack prod > arch.mmd` writes the drawing; logs and errors go to stderr.</summary>
public class OutputStreamTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("graph", "--stack", "prod")]
    [InlineData("graph", "--stack", "prod", "--format", "dot")]
    [InlineData("cidr", "--stack", "prod")]
    [InlineData("check", "--stack", "dev")]
    public void Results_are_written_to_stdout_and_nothing_to_stderr(params string[] args)
    {
        var result = CliRunner.Run(TestConfigs.RepoRoot(), null, args);
        Assert.Equal(0, result.ExitCode);
        Assert.NotEmpty(result.Stdout.Trim());
        Assert.Empty(result.Stderr.Trim());
    }

    [Fact]
    public void Errors_stay_on_stderr()
    {
        var result = CliRunner.Run(TestConfigs.RepoRoot(), null, "graph");
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("--stack", result.Stderr, StringComparison.Ordinal);
    }
}
