using System.CommandLine;
using HarborHa.Checks;
using HarborHa.Configuration;
using Spectre.Console;

namespace HarborHa.Cli;

/// <summary>
/// <c>infra check</c>: runs every safety rule and the AZ-loss analysis over the stack's
/// synthesized program. Tables go to stderr; exit 1 when a rule fails, 2 on bad config.
/// </summary>
public static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var stack = StackOption.Create();
        var command = new Command("check", "Run the safety rules (encryption, exposure, logging, protection, secrets, providers, AZ loss) over the stack's program") { stack };
        command.SetAction(parse => Run(context, parse.GetValue(stack)));
        return command;
    }

    private static int Run(CliContext context, string? stack)
    {
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

        return Report(context, CheckRunner.Run(program, context.Rules), config, program.Resources.Count);
    }

    /// <summary>Prints a report (rules, findings, AZ-loss table) and returns the exit code: 1 when a rule failed.</summary>
    public static int Report(CliContext context, CheckReport report, StackConfig config, int resourceCount)
    {
        var console = CidrCommand.ConsoleFor(context.Stdout);
        console.Profile.Width = 120;
        console.Write(RuleTable(report));
        WriteFindings(context.Stdout, report);
        console.Write(AzLossTable(report, config));
        var failed = report.Failures.Count();
        if (failed > 0)
        {
            context.Stderr.WriteLine($"error: {failed} of {report.Results.Count} rules failed");
            return ExitCodes.Failed;
        }

        context.Stdout.WriteLine($"ok: all {report.Results.Count} rules passed on {resourceCount} resources");
        return ExitCodes.Ok;
    }

    private static Table RuleTable(CheckReport report)
    {
        var table = new Table().Title("harbor-ha safety checks").AddColumns("rule", "result", "flagged");
        foreach (var result in report.Results)
        {
            var status = result.Failed ? "FAIL" : result.Findings.Count > 0 ? "accepted" : "pass";
            var flagged = result.Findings.Select(f => f.Resource).Distinct(StringComparer.Ordinal).ToArray();
            table.AddRow(
                Markup.Escape(result.Rule.Id),
                status,
                flagged.Length == 0 ? "" : Markup.Escape(flagged.Length > 3 ? $"{string.Join(", ", flagged.Take(3))} (+{flagged.Length - 3})" : string.Join(", ", flagged)));
        }

        return table;
    }

    private static void WriteFindings(TextWriter stderr, CheckReport report)
    {
        foreach (var result in report.Results.Where(r => r.Findings.Count > 0))
        {
            stderr.WriteLine($"{(result.Failed ? "FAIL" : "accepted")} {result.Rule.Id}: {result.Rule.Reason}");
            foreach (var f in result.Findings)
            {
                stderr.WriteLine($"  {(f.Accepted ? "accepted: " : "")}{f.Resource}: {f.Message}");
            }
        }
    }

    private static Table AzLossTable(CheckReport report, StackConfig config)
    {
        var title = report.AzLossAccepted
            ? "AZ-loss analysis (single-site: single points of failure are accepted)"
            : "AZ-loss analysis";
        var table = new Table().Title(title).AddColumns("region", "zone", "losing it removes");
        foreach (var region in config.Regions)
        {
            foreach (var zone in report.AzLoss.Zones[region.Name])
            {
                var losses = report.AzLoss.For(region.Name, zone);
                table.AddRow(
                    region.Name,
                    zone,
                    losses.Count == 0 ? "nothing the other zones need" : Markup.Escape(string.Join("\n", losses.Select(l => $"{l.Resource}: {l.What}"))));
            }
        }

        return table;
    }
}
