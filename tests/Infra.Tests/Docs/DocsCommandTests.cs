using System.Text.RegularExpressions;
using HarborHa.Tests.Cli;
using HarborHa.Tests.Support;
using Xunit.Abstractions;

namespace HarborHa.Tests.Docs;

/// <summary>
/// Every offline <c>infra</c> command shown in a code block of README.md or docs/ runs, against a
/// copy of the repository's stack files, and ends as the doc says: the exit code of a trailing
/// <c># exit N</c> (else 0), and every <c>`text`</c> quoted in that trailing comment appears in
/// what it prints. The documented config edits that come before it in the same doc
/// (<c>cp</c>/<c>mv</c> of a stack file, <c>pulumi config set|rm [--config-file F] [--path] KEY [VALUE]</c>)
/// are applied first, so a runbook's edit is checked with the command that checks it.
/// Not runnable as written, and skipped by <see cref="Runnable"/> (the reason is printed): lines with
/// the reader's own input (placeholders, shell variables, pipes, quotes, files the repository does
/// not hold), lines marked <c># network</c>, and <c>infra bench</c> (minutes of synth runs; its
/// documented failure mode has its own test).
/// </summary>
public partial class DocsCommandTests(ITestOutputHelper output)
{
    public static TheoryData<string, int, string> Commands()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var file in DocsFiles.All())
        {
            foreach (var (_, line, text) in DocsFiles.CodeLines(file))
            {
                if (Command().Match(text) is { Success: true } m)
                {
                    data.Add(DocsFiles.Relative(file), line, m.Groups["args"].Value.Trim());
                }
            }
        }

        return data;
    }

    [Fact]
    public void The_docs_show_runnable_commands() =>
        Assert.True(Commands().Count(c => Runnable((string)c[2], out _) is not null) >= 10, "expected at least ten runnable infra commands in the docs");

    [Fact]
    public void The_docs_check_a_config_edit_with_a_command() =>
        Assert.True(Commands().Count(c => Edits(Path.Combine(TestConfigs.RepoRoot(), (string)c[0]), (int)c[1]).Any()) >= 3,
            "expected the runbooks (key rotation, adding and removing a region) to check their config edits with an infra command");

    [Theory]
    [MemberData(nameof(Commands))]
    public void Each_documented_command_ends_as_the_doc_says(string file, int line, string command)
    {
        if (Runnable(command, out var reason) is not { } run)
        {
            output.WriteLine($"skipped {file}:{line}: `infra {command}`: {reason}");
            return;
        }

        var project = CopyOfStacks();
        foreach (var (editLine, edit) in Edits(Path.Combine(TestConfigs.RepoRoot(), file), line))
        {
            var problem = ConfigEdit.Apply(project, edit);
            Assert.True(problem is null, $"{file}:{editLine}: `{edit}`: {problem}");
        }

        if (run.Args.FirstOrDefault(a => a.EndsWith(".yaml", StringComparison.Ordinal) && !File.Exists(Path.Combine(project, a))) is { } missing)
        {
            output.WriteLine($"skipped {file}:{line}: `infra {command}`: {missing} is the reader's file (neither in the repository nor made by an edit shown before)");
            return;
        }

        var result = CliRunner.Run(project, null, run.Args);
        var printed = result.Stdout + result.Stderr;
        Assert.True(result.ExitCode == run.ExpectedExit,
            $"{file}:{line}: `infra {command}` exited {result.ExitCode}, the doc says {run.ExpectedExit}\n{result.Stderr}");
        foreach (var expected in run.Prints)
        {
            Assert.True(printed.Contains(expected, StringComparison.Ordinal), $"{file}:{line}: `infra {command}` does not print `{expected}`\n{printed[..Math.Min(printed.Length, 4000)]}");
        }
    }

    /// <summary>The stack-file edits (cp, mv, pulumi config set/rm) shown in the doc's code blocks before <paramref name="line"/>.</summary>
    private static IEnumerable<(int Line, string Text)> Edits(string file, int line) =>
        DocsFiles.CodeLines(file).Where(c => c.Line < line && ConfigEdit.IsEdit(c.Text)).Select(c => (c.Line, c.Text.Trim()));

    /// <summary>The arguments, expected exit code and expected output of a command line, or null (and why) when it is not runnable as written.</summary>
    private static (string[] Args, int ExpectedExit, string[] Prints)? Runnable(string command, out string reason)
    {
        var comment = command.IndexOf(" #", StringComparison.Ordinal);
        var note = comment >= 0 ? command[(comment + 2)..] : "";
        var body = (comment >= 0 ? command[..comment] : command).Trim().TrimEnd('\\').Trim();
        reason = "";
        if (body.Length == 0 || body.IndexOfAny(['$', '<', '>', '|', '&', '`', '"', '\'', '…']) >= 0 || body.Contains("...", StringComparison.Ordinal))
        {
            reason = "needs the reader's input (placeholder, variable, pipe or quote)";
            return null;
        }

        if (note.Contains("network", StringComparison.Ordinal))
        {
            reason = "marked # network";
            return null;
        }

        var args = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (args[0] == "bench")
        {
            reason = "bench runs minutes of synths";
            return null;
        }

        var exit = ExitNote().Match(note) is { Success: true } e ? int.Parse(e.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var prints = Quoted().Matches(note).Select(m => m.Groups["text"].Value).ToArray();
        return (args, exit, prints);
    }

    /// <summary>A scratch project folder with the committed stack files and examples, so commands may write files.</summary>
    private static string CopyOfStacks()
    {
        var root = TestConfigs.RepoRoot();
        var dir = Directory.CreateTempSubdirectory("harbor-ha-docs-").FullName;
        foreach (var file in Directory.GetFiles(root, "Pulumi*.yaml"))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        Directory.CreateDirectory(Path.Combine(dir, "examples"));
        foreach (var file in Directory.GetFiles(Path.Combine(root, "examples"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(dir, "examples", Path.GetFileName(file)));
        }

        return dir;
    }

    [GeneratedRegex(@"^\s*(?:\d+\.\s+)?(?:infra|dotnet run --project infra(?:/Infra\.csproj)? --|dotnet infra/bin/Release/net10\.0/infra\.dll)\s+(?<args>.+)$")]
    private static partial Regex Command();

    [GeneratedRegex(@"exit (?<code>\d)")]
    private static partial Regex ExitNote();

    [GeneratedRegex("`(?<text>[^`]+)`")]
    private static partial Regex Quoted();
}
