using HarborHa.Checks;
using HarborHa.Cli;
using HarborHa.Model;
using HarborHa.Stacks;
using HarborHa.Tests.Cli;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Checks;

/// <summary>
/// <c>infra diff --before A.yaml --after B.yaml</c>: two programs printed by <c>infra synth</c> (as a
/// pipeline prints them with the old and the new code) compared on disk. Exit 0 safe, 1 dangerous,
/// 2 bad input naming the file.
/// </summary>
public sealed class DiffProgramFilesTests : IDisposable
{
    private const string TwoRegions = """
        config:
          harbor-ha:topology: geo
          harbor-ha:environment: prod
          harbor-ha:domain: registry.example.com
          harbor-ha:regions:
            - name: ap-southeast-1
              slot: 0
              role: primary
            - name: eu-central-1
              slot: 1
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("harbor-ha-diff-files-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = HarborHa.Cli.Cli.Run(args, stdout, stderr, new Dictionary<string, string?>(), _dir);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Synthesizes a stack file with the CLI, as the pipeline does, into FILE.</summary>
    private string Synth(string stack, string stackYaml)
    {
        var parsed = TestConfigs.Parse(stackYaml); // adds the keys protected stacks require, as every fixture does
        File.WriteAllText(Path.Combine(_dir, $"Pulumi.{stack}.yaml"), StackYamlOf(stackYaml, parsed));
        var result = Run("synth", "--stack", stack, "--out", $"{stack}.yaml");
        Assert.True(result.ExitCode == 0, result.Stderr);
        return $"{stack}.yaml";
    }

    /// <summary>The fixture plus the admin ARNs that TestConfigs.Parse adds (the CLI reads the file strictly).</summary>
    private static string StackYamlOf(string yaml, HarborHa.Configuration.StackConfig parsed) =>
        yaml.Contains("clusterAdminArns", StringComparison.Ordinal) ? yaml
            : yaml + "\n  harbor-ha:clusterAdminArns:\n" + string.Concat(parsed.ClusterAdminArns.Select(a => $"    - {a}\n"));

    [Fact]
    public void An_added_region_is_safe_and_exits_0()
    {
        var before = Synth("before", TwoRegions);
        var after = Synth("after", TwoRegions + "\n    - name: us-east-1\n      slot: 2");

        var result = Run("diff", "--before", before, "--after", after);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Stdout + result.Stderr);
        Assert.Contains("us-east-1-network-vpc", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"[1-9][0-9]* added, 0 removed, [0-9]+ changed; 0 dangerous", result.Stdout);
    }

    [Fact]
    public void A_moved_slot_is_dangerous_and_exits_1_unless_allowed()
    {
        var before = Synth("before", TwoRegions);
        var after = Synth("after", TwoRegions.Replace("slot: 1", "slot: 3", StringComparison.Ordinal));

        var result = Run("diff", "--before", before, "--after", after);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("DANGER eu-central-1-network-vpc: cidrBlock", result.Stdout, StringComparison.Ordinal);
        var dangerous = result.Stdout.Split('\n').Where(l => l.StartsWith("DANGER ", StringComparison.Ordinal))
            .Select(l => l["DANGER ".Length..l.IndexOf(':', StringComparison.Ordinal)]).ToArray();
        var allowed = Run(["diff", "--before", before, "--after", after, .. dangerous.SelectMany(d => new[] { "--allow", d })]);
        Assert.Equal(ExitCodes.Ok, allowed.ExitCode);
    }

    [Fact]
    public void A_program_compared_with_itself_has_no_changes()
    {
        var program = Synth("same", TwoRegions);
        var result = Run("diff", "--before", program, "--after", program);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith("no changes", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.yaml", "file not found")]
    [InlineData("notyaml.yaml", "not valid YAML")]
    [InlineData("config.yaml", "not a program printed by infra synth")]
    public void A_missing_or_invalid_file_is_bad_input_naming_it(string file, string why)
    {
        File.WriteAllText(Path.Combine(_dir, "notyaml.yaml"), "resources: [unclosed");
        File.WriteAllText(Path.Combine(_dir, "config.yaml"), TwoRegions);
        var good = Synth("good", TwoRegions);
        foreach (var args in new[] { new[] { "--before", file, "--after", good }, ["--before", good, "--after", file] })
        {
            var result = Run(["diff", .. args]);
            Assert.Equal(ExitCodes.BadInput, result.ExitCode);
            Assert.Contains(file, result.Stderr, StringComparison.Ordinal);
            Assert.Contains(why, result.Stderr, StringComparison.Ordinal);
            Assert.Equal("", result.Stdout);
        }

        Assert.Equal(ExitCodes.BadInput, Run("diff", "--before", good).ExitCode);
        Assert.Equal(ExitCodes.BadInput, Run("diff", "--stack", "good", "--before", good, "--after", good).ExitCode);
    }

    /// <summary>Every shipped program reads back into the same program: what the file diff compares is what synth built.</summary>
    [Fact]
    public void Every_committed_stack_and_example_reads_back_into_the_program_it_was_written_from()
    {
        var programs = TestConfigs.CommittedStacks().Select(s => Synthesizer.Build(TestConfigs.LoadCommitted(s)))
            .Concat(Directory.GetFiles(Path.Combine(TestConfigs.RepoRoot(), "examples"), "*.yaml")
                .Select(f => Synthesizer.Build(HarborHa.Configuration.ConfigParser.Parse(HarborHa.Configuration.RawConfig.FromStackFile(f)))))
            .Append(Synthesizer.ProvidersOnly());
        foreach (var program in programs)
        {
            var yaml = YamlWriter.Write(program);
            var read = YamlReader.Read(yaml);
            Assert.Equal(yaml, YamlWriter.Write(read));
            Assert.DoesNotContain(ProgramDiff.Compare(program, read).Changes, c => c.Kind != ChangeKind.Changed);
            Assert.Empty(ProgramDiff.Compare(YamlReader.Read(yaml), read).Changes);
        }
    }
}
