using System.Text.RegularExpressions;
using HarborHa.Tests.Cli;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Docs;

/// <summary>
/// Every offline <c>infra</c> command shown in a code block of README.md or docs/ runs, against a
/// copy of the repository's stack files, and ends with the exit code the doc states (a trailing
/// <c># exit N</c>, else 0). Lines that need the reader's own input (placeholders, shell variables,
/// pipes, files the repository does not hold) or the network (<c># network</c>) are not runnable
/// as written and are skipped; everything else would rot silently if it were not run.
/// </summary>
public partial class DocsCommandTests
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
        Assert.True(Commands().Count(c => Runnable((string)c[2]) is not null) >= 6, "expected at least six runnable infra commands in the docs");

    [Theory]
    [MemberData(nameof(Commands))]
    public void Each_documented_command_ends_as_the_doc_says(string file, int line, string command)
    {
        if (Runnable(command) is not { } run)
        {
            return;
        }

        var project = CopyOfStacks();
        var result = CliRunner.Run(project, null, run.Args);
        Assert.True(result.ExitCode == run.ExpectedExit,
            $"{file}:{line}: `infra {command}` exited {result.ExitCode}, the doc says {run.ExpectedExit}\n{result.Stderr}");
    }

    /// <summary>The arguments and expected exit code of a command line, or null when it is not runnable as written.</summary>
    private static (string[] Args, int ExpectedExit)? Runnable(string command)
    {
        var comment = command.IndexOf(" #", StringComparison.Ordinal);
        var note = comment >= 0 ? command[(comment + 2)..] : "";
        var body = (comment >= 0 ? command[..comment] : command).Trim().TrimEnd('\\').Trim();
        if (body.Length == 0 || body.IndexOfAny(['$', '<', '>', '|', '&', '`', '"', '\'', '…']) >= 0 || body.Contains("...", StringComparison.Ordinal)
            || note.Contains("network", StringComparison.Ordinal))
        {
            return null;
        }

        var args = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var root = TestConfigs.RepoRoot();
        if (args.Any(a => a.EndsWith(".yaml", StringComparison.Ordinal) && !File.Exists(Path.Combine(root, a))) || args[0] == "bench")
        {
            return null;
        }

        var exit = ExitNote().Match(note) is { Success: true } e ? int.Parse(e.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (args, exit);
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
}
