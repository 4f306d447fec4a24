using System.CommandLine;
using System.Globalization;
using HarborHa.Estimates;
using Spectre.Console;

namespace HarborHa.Cli;

/// <summary>
/// <c>infra timeline</c>: how long the stack's first <c>pulumi up</c> takes, from the program's own
/// dependency graph and the dated table of create durations: the critical path, its minutes, the
/// total with <c>--parallel N</c>, and each resource's slack. Results go to stdout (a table, JSON or
/// a Mermaid Gantt chart); errors to stderr.
/// </summary>
public static class TimelineCommand
{
    public static Command Create(CliContext context)
    {
        var stack = StackOption.Create();
        var format = new Option<string>("--format", "-f") { Description = "table, json or mermaid", DefaultValueFactory = _ => "table" };
        var parallel = new Option<string?>("--parallel") { Description = "Model Pulumi's --parallel N (default: unbounded, Pulumi's default)" };
        var command = new Command("timeline", "Estimate the first pulumi up: critical path, total minutes, slack (to stdout)") { stack, format, parallel };
        command.SetAction(parse => Run(context, parse.GetValue(stack), parse.GetValue(format) ?? "table", parse.GetValue(parallel)));
        return command;
    }

    private static int Run(CliContext context, string? stack, string format, string? parallelText)
    {
        if (format is not ("table" or "json" or "mermaid"))
        {
            context.Stderr.WriteLine($"error: --format: must be table, json or mermaid (got '{format}')");
            return ExitCodes.BadInput;
        }

        int? parallel = null;
        if (parallelText is not null)
        {
            if (!int.TryParse(parallelText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                context.Stderr.WriteLine($"error: --parallel: must be a whole number of at least 1 (got '{parallelText}')");
                return ExitCodes.BadInput;
            }

            parallel = n;
        }

        var (config, code) = context.LoadConfig(stack, stackRequired: true);
        if (config is null)
        {
            return code;
        }

        var (program, buildCode) = context.Build(config);
        if (program is null)
        {
            return buildCode;
        }

        var report = Timeline.Estimate(program, parallel);
        var name = stack ?? "PULUMI_CONFIG";
        switch (format)
        {
            case "json":
                context.Stdout.Write(report.ToJson());
                break;
            case "mermaid":
                context.Stdout.Write(report.ToMermaid($"first pulumi up of {name}: critical path {M(report.CriticalPathMinutes)} min"));
                break;
            default:
                Write(context, report, name);
                break;
        }

        return ExitCodes.Ok;
    }

    private static void Write(CliContext context, TimelineReport report, string stack)
    {
        var console = CidrCommand.ConsoleFor(context.Stdout);
        var path = new Table().Title($"critical path of the first pulumi up of {Markup.Escape(stack)}: {M(report.CriticalPathMinutes)} min")
            .AddColumns("#", "resource", "type", "start", "finish", "minutes (range)");
        var step = 0;
        foreach (var name in report.Path)
        {
            var e = report.Entry(name);
            path.AddRow((++step).ToString(CultureInfo.InvariantCulture), Markup.Escape(e.Resource), Markup.Escape(e.Type), M(e.Start), M(e.Finish), Range(e.Duration));
        }

        console.Write(path);
        var onPath = report.Path.ToHashSet(StringComparer.Ordinal);
        var others = new Table().Title("other resources taking a minute or more, and their slack (minutes they could take longer without delaying the whole)")
            .AddColumns("resource", "start", "finish", "minutes", "slack");
        foreach (var e in report.Resources.Where(e => !onPath.Contains(e.Resource) && e.Duration.Minutes >= 1)
                     .OrderBy(e => e.Slack).ThenBy(e => e.Resource, StringComparer.Ordinal))
        {
            others.AddRow(Markup.Escape(e.Resource), M(e.Start), M(e.Finish), M(e.Duration.Minutes), M(e.Slack));
        }

        console.Write(others);
        context.Stdout.WriteLine(report.Parallel is { } n
            ? $"total with --parallel {n}: {M(report.TotalMinutes)} min ({report.Resources.Count} resources); critical path (unbounded): {M(report.CriticalPathMinutes)} min"
            : $"total (unbounded parallelism, Pulumi's default): {M(report.TotalMinutes)} min for {report.Resources.Count} resources");
    }

    private static string M(double minutes) => minutes.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Range(CreateDuration d) =>
        d.Max == 0 ? "0" : $"{M(d.Minutes)} ({d.Min.ToString("0.##", CultureInfo.InvariantCulture)}-{d.Max.ToString("0.##", CultureInfo.InvariantCulture)})";
}
