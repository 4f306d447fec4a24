using System.CommandLine;
using HarborHa.Checks;
using HarborHa.Configuration;
using Spectre.Console;

namespace HarborHa.Cli;

/// <summary>
/// <c>infra diff</c>: the replacement guard. Compares the program of <c>--stack</c> (before) with
/// the program of another stack or of another config file (after), lists added, removed and changed
/// resources, and exits 1 when a change would remove or replace something that holds state, unless
/// each such resource is named with <c>--allow</c>.
/// </summary>
public static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var stack = StackOption.Create();
        var against = new Option<string?>("--against-stack") { Description = "Compare with the program of stack NAME (Pulumi.NAME.yaml): NAME is the 'after' side" };
        var withConfig = new Option<string?>("--with-config") { Description = "Compare with the program of the stack file FILE (e.g. the edited Pulumi.prod.yaml): FILE is the 'after' side" };
        var allow = new Option<string[]>("--allow") { Description = "Accept the dangerous change of resource NAME (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var before = new Option<string?>("--before") { Description = "A program printed by infra synth (e.g. by the old code): the 'before' side; needs --after" };
        var after = new Option<string?>("--after") { Description = "A program printed by infra synth (e.g. by the new code): the 'after' side; needs --before" };
        var command = new Command("diff", "Compare two synthesized programs and flag removals and replacements of stateful resources") { stack, against, withConfig, before, after, allow };
        command.SetAction(parse =>
        {
            var (b, a) = (parse.GetValue(before), parse.GetValue(after));
            if (b is not null || a is not null)
            {
                return parse.GetValue(stack) is not null || parse.GetValue(against) is not null || parse.GetValue(withConfig) is not null
                    ? BadInput(context, "--before/--after compare two program files: give them without --stack, --against-stack or --with-config")
                    : RunFiles(context, b, a, parse.GetValue(allow) ?? []);
            }

            return Run(context, parse.GetValue(stack), parse.GetValue(against), parse.GetValue(withConfig), parse.GetValue(allow) ?? []);
        });
        return command;
    }

    private static int BadInput(CliContext context, string message)
    {
        context.Stderr.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }

    /// <summary>
    /// Compares two program files, so a pipeline can diff what the old code built from the old config
    /// against what the new code builds from the new config: code changes are judged, not only config.
    /// </summary>
    private static int RunFiles(CliContext context, string? beforeFile, string? afterFile, string[] allowed)
    {
        if (beforeFile is null || afterFile is null)
        {
            return BadInput(context, $"{(beforeFile is null ? "--before" : "--after")}: give both --before FILE and --after FILE");
        }

        var programs = new List<HarborHa.Model.PulumiProgram>();
        foreach (var (option, file) in new[] { ("--before", beforeFile), ("--after", afterFile) })
        {
            var path = Path.GetFullPath(file, context.ProjectDirectory);
            if (!File.Exists(path))
            {
                return BadInput(context, $"{option} {file}: file not found");
            }

            try
            {
                programs.Add(HarborHa.Model.YamlReader.Read(File.ReadAllText(path)));
            }
            catch (HarborHa.Model.ProgramException e)
            {
                return BadInput(context, $"{option} {file}: not a program printed by infra synth: {e.Message}");
            }
        }

        return Report(context, ProgramDiff.Compare(programs[0], programs[1]), $"{beforeFile} -> {afterFile}", allowed);
    }

    private static int Run(CliContext context, string? stack, string? againstStack, string? withConfig, string[] allowed)
    {
        if ((againstStack is null) == (withConfig is null))
        {
            context.Stderr.WriteLine("error: give exactly one of --against-stack NAME or --with-config FILE (the 'after' side)");
            return ExitCodes.BadInput;
        }

        var (before, code) = context.LoadConfig(stack, stackRequired: true);
        if (before is null)
        {
            return code;
        }

        var path = againstStack is not null
            ? Path.Combine(context.ProjectDirectory, $"Pulumi.{againstStack}.yaml")
            : Path.GetFullPath(withConfig!, context.ProjectDirectory);
        StackConfig after;
        try
        {
            after = ConfigParser.Parse(RawConfig.FromStackFile(path));
        }
        catch (ConfigException e)
        {
            context.Stderr.WriteLine($"error: in {Path.GetFileName(path)} (the 'after' side):");
            context.ReportConfigErrors(e.Errors);
            return ExitCodes.BadInput;
        }

        var (beforeProgram, beforeCode) = context.Build(before);
        var (afterProgram, afterCode) = context.Build(after);
        if (beforeProgram is null || afterProgram is null)
        {
            return beforeProgram is null ? beforeCode : afterCode;
        }

        var diff = ProgramDiff.Compare(beforeProgram, afterProgram);
        var label = $"{stack ?? "PULUMI_CONFIG"} -> {againstStack ?? Path.GetFileName(path)}";
        return Report(context, diff, label, allowed);
    }

    /// <summary>Prints the diff and returns the exit code: 1 while a dangerous change is not allowed.</summary>
    public static int Report(CliContext context, DiffResult diff, string label, IReadOnlyList<string> allowed)
    {
        var console = CidrCommand.ConsoleFor(context.Stdout);
        console.Profile.Width = 160;
        if (diff.Changes.All(c => c.HasNoEffect))
        {
            context.Stdout.WriteLine($"no changes ({label})");
            foreach (var c in diff.WithoutEffect)
            {
                context.Stdout.WriteLine($"no effect on the live resource {c.Name}: {string.Join(", ", c.Properties.Select(p => p.Path))} (ignoreChanges; used only when it is created)");
            }

            return ExitCodes.Ok;
        }

        var allowSet = allowed.ToHashSet(StringComparer.Ordinal);
        var table = new Table().Title($"harbor-ha diff: {label}").AddColumns("change", "resource", "type", "details", "danger");
        foreach (var c in diff.Changes)
        {
            table.AddRow(
                c.Kind.ToString().ToLowerInvariant(),
                Markup.Escape(c.Name) + (c.HasNoEffect ? " (no effect on the live resource)" : ""),
                Markup.Escape(c.Type),
                Markup.Escape(Details(c)),
                c.IsDangerous ? Markup.Escape((allowSet.Contains(c.Name) ? "allowed: " : "DANGER: ") + string.Join("; ", c.Dangers)) : "");
        }

        console.Write(table);
        foreach (var name in allowed.Where(a => !diff.Dangerous.Any(c => c.Name == a)))
        {
            context.Stderr.WriteLine($"warning: --allow {name} matches no dangerous change");
        }

        foreach (var c in diff.Dangerous)
        {
            context.Stdout.WriteLine($"{(allowSet.Contains(c.Name) ? "allowed" : "DANGER")} {c.Name}: {string.Join("; ", c.Dangers)}");
        }

        var unallowed = diff.Unallowed(allowed);
        var noEffect = diff.WithoutEffect.Count();
        context.Stdout.WriteLine($"{diff.Added.Count()} added, {diff.Removed.Count()} removed, {diff.Changed.Count() - noEffect} changed"
            + (noEffect > 0 ? $" ({noEffect} more with no effect on the live resource)" : "")
            + $"; {diff.Dangerous.Count()} dangerous, {unallowed.Count} not allowed");
        if (unallowed.Count > 0)
        {
            context.Stderr.WriteLine($"error: dangerous changes; if intended, re-run with {string.Join(" ", unallowed.Select(c => $"--allow {c.Name}"))}");
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }

    private static string Details(ResourceChange c)
    {
        if (c.Kind != ChangeKind.Changed)
        {
            return "";
        }

        var lines = c.Properties.Take(6).Select(p => $"{p.Path}: {Show(c.Type, p.Path, p.Before)} -> {Show(c.Type, p.Path, p.After)}"
            + (p.Ignored ? " (ignoreChanges: no effect on the live resource)" : "")).ToList();
        if (c.Properties.Count > 6)
        {
            lines.Add($"(+{c.Properties.Count - 6} more)");
        }

        return lines.Count == 0 ? "replaced through a dependency" : string.Join("\n", lines);
    }

    private static string Show(string type, string path, string? value) => value is null ? "(none)" : ValueText.Display(type, path, value);
}
