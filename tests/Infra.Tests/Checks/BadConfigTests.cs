using System.Diagnostics;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Checks;

/// <summary>
/// The bad-input corpus (tests/bad-configs): every invalid config goes through the real command
/// line as a separate process, the way Pulumi runs the compiler, and must fail cleanly: exit code 2,
/// nothing on stdout, the key and message on stderr, no stack trace, no secret echoed.
/// Stack files are <c>NN-name.yaml</c> with <c># expect-key:</c> / <c># expect-message:</c> lines;
/// PULUMI_CONFIG cases are <c>NN-name.env.json</c> with the same lines in <c>NN-name.env.expect</c>
/// (plus optional <c># secret-keys:</c> for PULUMI_CONFIG_SECRET_KEYS and <c># must-not-contain:</c>).
/// </summary>
public sealed class BadConfigTests
{
    private static string Corpus => Path.Combine(TestConfigs.RepoRoot(), "tests", "bad-configs");

    public static TheoryData<string> Cases() => new(CaseFiles());

    private static string[] CaseFiles() =>
        Directory.GetFiles(Corpus)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".env.json", StringComparison.Ordinal))
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void The_corpus_has_at_least_thirty_cases_with_expectations()
    {
        var cases = CaseFiles();

        Assert.True(cases.Length >= 30, $"only {cases.Length} cases");
        Assert.Contains(cases, c => c.EndsWith(".env.json", StringComparison.Ordinal));
        Assert.All(cases, c => Assert.NotNull(Expectation(c).Key));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Invalid_config_exits_2_naming_the_key_without_a_trace(string file)
    {
        var expect = Expectation(file);
        using var dir = new TempDir();
        var environment = new Dictionary<string, string>();
        string[] args;
        if (file.EndsWith(".env.json", StringComparison.Ordinal))
        {
            environment["PULUMI_CONFIG"] = File.ReadAllText(Path.Combine(Corpus, file));
            if (expect.SecretKeys is not null)
            {
                environment["PULUMI_CONFIG_SECRET_KEYS"] = expect.SecretKeys;
            }

            args = ["synth"];
        }
        else
        {
            File.Copy(Path.Combine(Corpus, file), Path.Combine(dir.Path, "Pulumi.case.yaml"));
            args = ["synth", "--stack", "case"];
        }

        var (code, stdout, stderr) = RunInfra(dir.Path, environment, args);

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(expect.Key!, stderr, StringComparison.Ordinal);
        Assert.Contains(expect.Message!, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
        if (expect.MustNotContain is not null)
        {
            Assert.DoesNotContain(expect.MustNotContain, stderr, StringComparison.Ordinal);
        }
    }

    private sealed record Expect(string? Key, string? Message, string? SecretKeys, string? MustNotContain);

    private static Expect Expectation(string file)
    {
        var source = file.EndsWith(".env.json", StringComparison.Ordinal) ? file[..^".json".Length] + ".expect" : file;
        var lines = File.ReadAllLines(Path.Combine(Corpus, source));
        string? Line(string name) => lines.Where(l => l.StartsWith($"# {name}: ", StringComparison.Ordinal)).Select(l => l[$"# {name}: ".Length..]).FirstOrDefault();
        return new Expect(Line("expect-key"), Line("expect-message"), Line("secret-keys"), Line("must-not-contain"));
    }

    /// <summary>Runs the built infra.dll (copied next to the tests) with only the given PULUMI_* variables.</summary>
    private static (int Code, string Stdout, string Stderr) RunInfra(string workingDirectory, Dictionary<string, string> environment, string[] args)
    {
        var result = ExternalProcess.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "infra.dll"), .. args], workingDirectory, environment);
        return (result.Code, result.Stdout, result.Stderr);
    }

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("harbor-ha-bad-config-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
