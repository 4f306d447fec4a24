using HarborHa.Checks;
using HarborHa.Cli;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Stacks;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Cli;

/// <summary>
/// The guard rails of the compiler: the check rules run inside synth (a failing rule writes nothing
/// and exits 1, unless the stack accepts the finding in harbor-ha:acceptedFindings), and a
/// PULUMI_STACK/PULUMI_CONFIG pair that disagree is reported on stderr.
/// </summary>
public class SynthGuardTests
{
    /// <summary>A rule that flags one named resource, standing in for any rule a change could break.</summary>
    private sealed class FlagRule(string resource) : ICheckRule
    {
        public string Id => "test-flag";

        public string Reason => "flags one resource";

        public IEnumerable<Finding> Evaluate(PulumiProgram program) =>
            program.Contains(resource) ? [new Finding(resource, "flagged by the test")] : [];
    }

    private static readonly string[] Stacks = ["dev", "staging", "prod"];

    private static string StackYaml(string stack) => File.ReadAllText(Path.Combine(TestConfigs.RepoRoot(), $"Pulumi.{stack}.yaml"));

    private static CliResult Run(string dir, ICheckRule[]? rules, IReadOnlyDictionary<string, string?>? env, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = HarborHa.Cli.Cli.Run(args, stdout, stderr, env ?? new Dictionary<string, string?>(), dir, rules);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void A_failing_rule_stops_synth_with_nothing_written_until_the_stack_accepts_the_finding(string stack)
    {
        // Flag a stateful resource of whatever the stack builds, so the case follows the stack.
        var program = Synthesizer.Build(TestConfigs.LoadCommitted(stack));
        var target = program.Resources.First(r => ReplacementTable.IsStateful(r.Type)).Name;
        var rules = CheckRegistry.All.Append(new FlagRule(target)).ToArray();
        var dir = CliRunner.ProjectWith(stack, StackYaml(stack));

        var failed = Run(dir, rules, null, "synth", "--stack", stack, "--out", "program.yaml");
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains($"FAIL test-flag", failed.Stderr, StringComparison.Ordinal);
        Assert.Contains(target, failed.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "program.yaml")));
        Assert.Equal("", Run(dir, rules, null, "synth", "--stack", stack).Stdout);

        File.AppendAllText(Path.Combine(dir, $"Pulumi.{stack}.yaml"),
            $"  harbor-ha:acceptedFindings:\n    - rule: test-flag\n      resource: {target}\n      reason: reviewed on purpose\n");
        var accepted = Run(dir, rules, null, "synth", "--stack", stack);
        Assert.True(accepted.ExitCode == 0, accepted.Stderr);
        Assert.Equal(YamlWriter.Write(program), accepted.Stdout);
        var check = Run(dir, rules, null, "check", "--stack", stack);
        Assert.Equal(0, check.ExitCode);
        Assert.Contains($"accepted: {target}: flagged by the test (accepted: harbor-ha:acceptedFindings: reviewed on purpose)", check.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    - rule: no-such-rule\n      resource: {0}\n      reason: r\n", "harbor-ha:acceptedFindings[0].rule")]
    [InlineData("    - rule: rds-encrypted\n      resource: no-such-resource\n      reason: r\n", "harbor-ha:acceptedFindings[0].resource")]
    [InlineData("    - rule: rds-encrypted\n      resource: {0}\n", "harbor-ha:acceptedFindings[0].reason")]
    [InlineData("    - rule: rds-encrypted\n      resource: {0}\n      reason: r\n      until: never\n", "harbor-ha:acceptedFindings[0]")]
    public void A_wrong_accepted_finding_is_a_config_error_naming_its_key(string entry, string key)
    {
        var target = Synthesizer.Build(TestConfigs.LoadCommitted("staging")).Resources.First().Name;
        var dir = CliRunner.ProjectWith("staging", StackYaml("staging") + "  harbor-ha:acceptedFindings:\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, entry, target));
        foreach (var command in new[] { "synth", "check", "validate" })
        {
            var result = Run(dir, null, null, command, "--stack", "staging");
            Assert.True(result.ExitCode == 2, $"{command}: {result.Stderr}");
            Assert.Contains(key, result.Stderr, StringComparison.Ordinal);
            Assert.Equal("", command == "synth" ? result.Stdout : "");
        }
    }

    [Fact]
    public void Synth_warns_when_pulumi_stack_and_pulumi_config_disagree_and_only_then()
    {
        var root = TestConfigs.RepoRoot();
        string Json(string stack) => CompilerBench.PulumiConfigJson(RawConfig.FromStackFile(Path.Combine(root, $"Pulumi.{stack}.yaml")));
        foreach (var selected in Stacks)
        {
            foreach (var exported in Stacks)
            {
                var env = new Dictionary<string, string?>
                {
                    ["PULUMI_STACK"] = selected,
                    ["PULUMI_CONFIG"] = Json(exported),
                    ["PULUMI_ROOT_DIRECTORY"] = root,
                };
                var result = Run(root, null, env, "synth");
                Assert.True(result.ExitCode == 0, result.Stderr);
                Assert.Equal(YamlWriter.Write(Synthesizer.Build(TestConfigs.LoadCommitted(exported))), result.Stdout);
                var warned = result.Stderr.Contains("warning: PULUMI_CONFIG does not match", StringComparison.Ordinal);
                Assert.True(warned == (selected != exported), $"{selected} selected, {exported}'s config: {result.Stderr}");
                Assert.True(!warned || result.Stderr.Contains("unset PULUMI_STACK PULUMI_CONFIG", StringComparison.Ordinal));
            }
        }

        var noStack = Run(root, null, new Dictionary<string, string?> { ["PULUMI_CONFIG"] = Json("dev") }, "synth");
        Assert.Contains("PULUMI_CONFIG is set but PULUMI_STACK is not", noStack.Stderr, StringComparison.Ordinal);
        var discovery = Run(root, null, new Dictionary<string, string?> { ["PULUMI_PROJECT"] = "harbor-ha" }, "synth");
        Assert.DoesNotContain("warning", discovery.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_guard_ignores_secure_values_and_reads_pulumi_typed_structures_as_the_stack_file_does()
    {
        var file = RawConfig.FromStackYaml("config:\n  harbor-ha:regions:\n    - name: eu-west-1\n      slot: 0\n      hub: true\n  harbor-ha:token:\n    secure: AAAA\n", "Pulumi.x.yaml");
        var same = RawConfig.FromEnvironmentJson("""{"harbor-ha:regions":"[{\"hub\":true,\"name\":\"eu-west-1\",\"slot\":0}]","harbor-ha:token":"decrypted","aws:region":"x"}""");
        Assert.Empty(PulumiEnvironmentGuard.DifferingKeys(file, same));
        var moved = RawConfig.FromEnvironmentJson("""{"harbor-ha:regions":"[{\"hub\":true,\"name\":\"eu-west-1\",\"slot\":1}]","harbor-ha:token":"decrypted"}""");
        Assert.Equal(["harbor-ha:regions"], PulumiEnvironmentGuard.DifferingKeys(file, moved));
        var missing = RawConfig.FromEnvironmentJson("""{"harbor-ha:regions":"[{\"hub\":true,\"name\":\"eu-west-1\",\"slot\":0}]"}""");
        Assert.Equal(["harbor-ha:token"], PulumiEnvironmentGuard.DifferingKeys(file, missing));
    }
}
