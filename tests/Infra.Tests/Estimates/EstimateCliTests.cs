using System.Text.Json;
using HarborHa.Tests.Cli;

namespace HarborHa.Tests.Estimates;

/// <summary><c>infra cost</c> and <c>infra timeline</c>: results on stdout, errors on stderr, exit 2 on bad input naming the option.</summary>
public class EstimateCliTests
{
    private static readonly string Dir = CliRunner.ProjectWith("ha", EstimateConfigs.Ha + "\n  harbor-ha:clusterAdminArns: [arn:aws:iam::111122223333:role/admins]\n");

    [Fact]
    public void Cost_prints_a_table_per_region_and_kind_with_the_total()
    {
        var result = CliRunner.Run(Dir, null, "cost", "--stack", "ha");
        Assert.True(result.ExitCode == 0, result.Stderr);
        foreach (var text in new[] { "ap-southeast-1", "ap-southeast-2", "EKS", "RDS", "NAT gateway", "total", "registryStorageGb", "2026-12-01" })
        {
            Assert.Contains(text, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Cost_json_converts_china_with_the_given_rate()
    {
        var dir = CliRunner.ProjectWith("geo", HarborHa.Tests.Distribution.GeoConfigs.TwoSides + "\n  harbor-ha:clusterAdminArns: [arn:aws:iam::111122223333:role/admins, arn:aws-cn:iam::444455556666:role/admins]\n");
        static decimal China(string json) => JsonDocument.Parse(json).RootElement.GetProperty("lines").EnumerateArray()
            .Where(l => l.GetProperty("region").GetString()!.StartsWith("cn-", StringComparison.Ordinal)).Sum(l => l.GetProperty("monthly").GetDecimal());
        var at7 = CliRunner.Run(dir, null, "cost", "--stack", "geo", "--format", "json", "--cny-per-usd", "7");
        var at14 = CliRunner.Run(dir, null, "cost", "--stack", "geo", "--format", "json", "--cny-per-usd", "14");
        Assert.True(at7.ExitCode == 0, at7.Stderr);
        Assert.Equal(7, JsonDocument.Parse(at7.Stdout).RootElement.GetProperty("cnyPerUsd").GetDecimal());
        Assert.InRange(China(at7.Stdout) / China(at14.Stdout), 1.99m, 2.01m);
    }

    [Fact]
    public void Timeline_prints_the_critical_path_as_table_json_and_mermaid()
    {
        var table = CliRunner.Run(Dir, null, "timeline", "--stack", "ha");
        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Contains("critical path", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("ap-southeast-1-db-instance", table.Stdout, StringComparison.Ordinal);

        var json = CliRunner.Run(Dir, null, "timeline", "--stack", "ha", "--format", "json", "--parallel", "1");
        Assert.Equal(0, json.ExitCode);
        var root = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.True(root.GetProperty("totalMinutes").GetDouble() > root.GetProperty("criticalPathMinutes").GetDouble());

        var mermaid = CliRunner.Run(Dir, null, "timeline", "--stack", "ha", "--format", "mermaid");
        Assert.Equal(0, mermaid.ExitCode);
        Assert.StartsWith("gantt", mermaid.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "cost", "--format", "yaml")]
    [InlineData("--cny-per-usd", "cost", "--cny-per-usd", "-1")]
    [InlineData("--cny-per-usd", "cost", "--cny-per-usd", "seven")]
    [InlineData("--format", "timeline", "--format", "dot")]
    [InlineData("--parallel", "timeline", "--parallel", "0")]
    [InlineData("--parallel", "timeline", "--parallel", "many")]
    public void Bad_input_exits_2_naming_the_option_with_nothing_on_stdout(string option, params string[] args)
    {
        var result = CliRunner.Run(Dir, null, [.. args, "--stack", "ha"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains($"error: {option}:", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cost")]
    [InlineData("timeline")]
    public void A_stack_is_required_and_bad_config_exits_2(string command)
    {
        var none = CliRunner.Run(Dir, null, command);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("--stack", none.Stderr, StringComparison.Ordinal);

        var dir = CliRunner.ProjectWith("bad", EstimateConfigs.Ha + "\n  harbor-ha:costAssumptions:\n    albLcus: -3\n");
        var bad = CliRunner.Run(dir, null, command, "--stack", "bad");
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("", bad.Stdout);
        Assert.Contains("harbor-ha:costAssumptions.albLcus", bad.Stderr, StringComparison.Ordinal);
    }
}
