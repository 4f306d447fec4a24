using System.CommandLine;
using HarborHa.Checks;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Stacks;

namespace HarborHa.Cli;

/// <summary>
/// The <c>infra</c> command line. Results go to stdout (the program, help, tables, graphs, reports);
/// logs, tables and errors go to stderr.
/// </summary>
public static class Cli
{
    // rules: the check rules of check and synth; default every registered rule (tests pass their own).
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?> environment, string workingDirectory, IReadOnlyList<ICheckRule>? rules = null)
    {
        var context = new CliContext(stdout, stderr, environment, ProjectDirectory(environment, workingDirectory)) { Rules = rules ?? CheckRegistry.All };
        var root = new RootCommand("harbor-ha: compiles a highly available Harbor registry on AWS into a Pulumi YAML program.")
        {
            SynthCommand.Create(context),
            ValidateCommand.Create(context),
            CidrCommand.Create(context),
            GraphCommand.Create(context),
            BenchCommand.Create(context),
            CheckCommand.Create(context),
            DiffCommand.Create(context),
            CostCommand.Create(context),
            TimelineCommand.Create(context),
            ImagesCommand.Create(context),
            DrPlanCommand.Create(context),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }

            stderr.WriteLine("Run 'infra --help' for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Last line of defence: a user sees one line, never a stack trace (which could quote config values).
            stderr.WriteLine($"error: harbor-ha failed unexpectedly (this is a bug, please report it): {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            return ExitCodes.Failed;
        }
    }

    private static string ProjectDirectory(IReadOnlyDictionary<string, string?> environment, string workingDirectory) =>
        environment.GetValueOrDefault("PULUMI_ROOT_DIRECTORY") is { Length: > 0 } root ? root : workingDirectory;
}

/// <summary>What every command needs: the streams, the environment and the project folder.</summary>
public sealed record CliContext(TextWriter Stdout, TextWriter Stderr, IReadOnlyDictionary<string, string?> Environment, string ProjectDirectory)
{
    /// <summary>The rules <c>check</c> and <c>synth</c> run.</summary>
    public IReadOnlyList<ICheckRule> Rules { get; init; } = CheckRegistry.All;

    /// <summary>
    /// Loads and validates the stack's config, or reports every problem and returns null.
    /// <paramref name="stackRequired"/>: commands other than synth need a stack.
    /// </summary>
    public (StackConfig? Config, int ExitCode) LoadConfig(string? stack, bool stackRequired)
    {
        try
        {
            var raw = ConfigSource.Load(stack, Environment, ProjectDirectory);
            if (raw is null)
            {
                if (stackRequired)
                {
                    Stderr.WriteLine("error: --stack: a stack name is required (or run under Pulumi, which sets PULUMI_CONFIG)");
                    return (null, ExitCodes.BadInput);
                }

                return (null, ExitCodes.Ok);
            }

            return (ConfigParser.Parse(raw) with { ImageDigests = ImageLock.Load(ProjectDirectory) }, ExitCodes.Ok);
        }
        catch (ConfigException e)
        {
            ReportConfigErrors(e.Errors);
            return (null, ExitCodes.BadInput);
        }
    }

    public void ReportConfigErrors(IReadOnlyList<ConfigError> errors)
    {
        Stderr.WriteLine($"error: the stack config has {errors.Count} problem{(errors.Count == 1 ? "" : "s")}:");
        foreach (var e in errors)
        {
            Stderr.WriteLine($"  {e}");
        }
    }

    /// <summary>Builds the program; a <see cref="ProgramException"/> is a bug in harbor-ha, reported as such.</summary>
    public (PulumiProgram? Program, int ExitCode) Build(StackConfig? config)
    {
        try
        {
            if (config is not null && UnknownAcceptedRules(config) is { Count: > 0 } unknown)
            {
                ReportConfigErrors(unknown);
                return (null, ExitCodes.BadInput);
            }

            return (config is null ? Synthesizer.ProvidersOnly() : Synthesizer.Build(config), ExitCodes.Ok);
        }
        catch (ConfigException e)
        {
            ReportConfigErrors(e.Errors);
            return (null, ExitCodes.BadInput);
        }
        catch (ProgramException e)
        {
            Stderr.WriteLine($"error: harbor-ha built an invalid program (this is a bug, please report it): {e.Message}");
            return (null, ExitCodes.Failed);
        }
    }

    /// <summary>An accepted finding must name a rule of <c>infra check</c>: a typo would accept nothing.</summary>
    private List<ConfigError> UnknownAcceptedRules(StackConfig config) =>
        config.AcceptedFindings
            .Select((a, i) => (a, i))
            .Where(e => Rules.All(r => r.Id != e.a.Rule))
            .Select(e => new ConfigError($"{StackConfig.Namespace}:acceptedFindings[{e.i}].rule",
                $"'{e.a.Rule}' is not a rule of infra check" + Suggestion.For(e.a.Rule, Rules.Select(r => r.Id))))
            .ToList();
}
