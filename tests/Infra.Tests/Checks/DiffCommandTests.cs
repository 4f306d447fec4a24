using HarborHa.Cli;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Checks;

/// <summary><c>infra diff</c> on the command line: two stacks, or a stack and an edited config file.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("harbor-ha-diff-").FullName;

    public DiffCommandTests()
    {
        File.WriteAllText(Path.Combine(_dir, "Pulumi.prod.yaml"), TestConfigs.Ha);
        File.WriteAllText(Path.Combine(_dir, "Pulumi.bigger.yaml"), TestConfigs.Ha + "\n  harbor-ha:sizing:\n    dbInstanceClass: db.r6g.2xlarge\n  harbor-ha:tags:\n    team: registry\n");
        File.WriteAllText(Path.Combine(_dir, "moved.yaml"), TestConfigs.Ha.Replace("slot: 1", "slot: 5", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_dir, "restore.yaml"), TestConfigs.Ha.Replace("      drRegion: eu-west-1", "      drRegion: eu-west-1\n      restore: { databaseSnapshot: before-upgrade }", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(_dir, "broken.yaml"), TestConfigs.Ha.Replace("slot: 1", "slot: 99", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = HarborHa.Cli.Cli.Run(args, stdout, stderr, new Dictionary<string, string?>(), _dir);
        // Reports are on stdout, warnings and errors on stderr; the assertions read both.
        return (code, stdout.ToString(), stdout.ToString() + stderr.ToString());
    }

    [Fact]
    public void A_safe_change_against_another_stack_exits_0()
    {
        var (code, stdout, stderr) = Run("diff", "--stack", "prod", "--against-stack", "bigger");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.NotEmpty(stdout); // the diff report is a result: stdout
        Assert.Contains("eu-central-1-aws", stderr, StringComparison.Ordinal);
        Assert.Contains("eu-central-1-db-instance", stderr, StringComparison.Ordinal); // resized in place, not replaced
        Assert.Contains("0 added, 0 removed, ", stderr, StringComparison.Ordinal);
        Assert.Contains("; 0 dangerous, 0 not allowed", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_restore_block_alone_on_a_live_region_diffs_clean()
    {
        var (code, stdout, _) = Run("diff", "--stack", "prod", "--with-config", "restore.yaml");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("no changes", stdout, StringComparison.Ordinal);
        Assert.Contains("no effect on the live resource eu-central-1-db-instance: snapshotIdentifier", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("DANGER", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slot_change_in_a_config_file_exits_1_and_says_how_to_allow_it()
    {
        var (code, stdout, stderr) = Run("diff", "--stack", "prod", "--with-config", "moved.yaml");

        Assert.Equal(ExitCodes.Failed, code);
        Assert.NotEmpty(stdout);
        Assert.Contains("DANGER eu-central-1-network-vpc: cidrBlock", stderr, StringComparison.Ordinal);
        Assert.Contains("--allow eu-central-1-network-vpc", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Allowing_every_dangerous_resource_exits_0_and_unmatched_allows_are_reported()
    {
        var (_, _, first) = Run("diff", "--stack", "prod", "--with-config", "moved.yaml");
        var names = first.Split('\n')
            .Where(l => l.StartsWith("DANGER ", StringComparison.Ordinal))
            .Select(l => l["DANGER ".Length..l.IndexOf(':', StringComparison.Ordinal)])
            .ToArray();
        var args = new List<string> { "diff", "--stack", "prod", "--with-config", "moved.yaml", "--allow", "no-such-resource" };
        args.AddRange(names.SelectMany(n => new[] { "--allow", n }));

        var (code, _, stderr) = Run([.. args]);

        Assert.NotEmpty(names);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("warning: --allow no-such-resource matches no dangerous change", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("diff", "--stack", "prod")]
    [InlineData("diff", "--stack", "prod", "--against-stack", "bigger", "--with-config", "moved.yaml")]
    public void The_after_side_must_be_given_once(params string[] args)
    {
        var (code, stdout, stderr) = Run(args);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Contains("exactly one of --against-stack NAME or --with-config FILE", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_after_config_is_bad_input_naming_the_file_and_key()
    {
        var (code, stdout, stderr) = Run("diff", "--stack", "prod", "--with-config", "broken.yaml");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Contains("broken.yaml", stderr, StringComparison.Ordinal);
        Assert.Contains("harbor-ha:regions[eu-central-1].slot", stderr, StringComparison.Ordinal);
    }
}
