using System.CommandLine;
using System.Globalization;
using HarborHa.Configuration;
using HarborHa.Estimates;
using Spectre.Console;

namespace HarborHa.Cli;

/// <summary>
/// <c>infra cost</c>: the monthly (730 h) list cost of the stack's program per region and per kind,
/// from the dated price table and the stack's <c>harbor-ha:costAssumptions</c>. Results go to
/// stdout (a table, or JSON); warnings and errors to stderr.
/// </summary>
public static class CostCommand
{
    public static Command Create(CliContext context)
    {
        var stack = StackOption.Create();
        var format = new Option<string>("--format", "-f") { Description = "table or json", DefaultValueFactory = _ => "table" };
        var cny = new Option<string?>("--cny-per-usd") { Description = $"CNY per USD for China prices (default {PriceTable.Default.DefaultCnyPerUsd.ToString(CultureInfo.InvariantCulture)}, the price table's dated rate)" };
        var command = new Command("cost", "Estimate the stack's monthly list cost per region and per kind (to stdout)") { stack, format, cny };
        command.SetAction(parse => Run(context, parse.GetValue(stack), parse.GetValue(format) ?? "table", parse.GetValue(cny)));
        return command;
    }

    private static int Run(CliContext context, string? stack, string format, string? cnyText)
    {
        if (format is not ("table" or "json"))
        {
            context.Stderr.WriteLine($"error: --format: must be table or json (got '{format}')");
            return ExitCodes.BadInput;
        }

        decimal? cnyPerUsd = null;
        if (cnyText is not null)
        {
            if (!decimal.TryParse(cnyText, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate <= 0)
            {
                context.Stderr.WriteLine($"error: --cny-per-usd: must be a number above zero, e.g. 7.08 (got '{cnyText}')");
                return ExitCodes.BadInput;
            }

            cnyPerUsd = rate;
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

        var report = CostEstimator.Estimate(program, config.CostAssumptions, PriceTable.Default, cnyPerUsd);
        foreach (var line in report.UnpricedLines)
        {
            context.Stderr.WriteLine($"warning: {line.Resource}: {line.Item}");
        }

        if (format == "json")
        {
            context.Stdout.Write(report.ToJson());
            return ExitCodes.Ok;
        }

        Write(context, report, stack ?? "PULUMI_CONFIG");
        return ExitCodes.Ok;
    }

    private static void Write(CliContext context, CostReport report, string stack)
    {
        var console = CidrCommand.ConsoleFor(context.Stdout);
        var regions = report.ByRegion.Select(r => r.Region).ToArray();
        var matrix = new Table()
            .Title($"harbor-ha cost of stack {Markup.Escape(stack)}: USD a month (730 h list prices of {report.PriceTableDate:yyyy-MM-dd})");
        matrix.AddColumn("kind");
        foreach (var region in regions)
        {
            matrix.AddColumn(new TableColumn(Markup.Escape(region)).RightAligned());
        }

        matrix.AddColumn(new TableColumn("total").RightAligned());
        foreach (var (kind, total) in report.ByKind)
        {
            var cells = new List<string> { Markup.Escape(kind) };
            cells.AddRange(regions.Select(region => Usd(report.Lines.Where(l => l.Kind == kind && l.Region == region).Sum(l => l.MonthlyUsd), blankZero: true)));
            cells.Add(Usd(total));
            matrix.AddRow(cells.ToArray());
        }

        var totals = new List<string> { "total" };
        totals.AddRange(report.ByRegion.Select(r => Usd(r.MonthlyUsd)));
        totals.Add(Usd(report.MonthlyUsd));
        matrix.AddRow(totals.ToArray());
        console.Write(matrix);

        var assumptions = new Table().Title("assumptions (harbor-ha:costAssumptions)").AddColumns("field", "value");
        foreach (var (name, value) in report.AssumptionValues())
        {
            assumptions.AddRow(name, Markup.Escape(value));
        }

        console.Write(assumptions);
        var derived = report.Lines.Count(l => l.Source.StartsWith("derived", StringComparison.Ordinal));
        context.Stdout.WriteLine($"total: {Usd(report.MonthlyUsd)} USD a month; {report.Lines.Count} priced items, {derived} at derived regional prices (see --format json for each line's source).");
        context.Stdout.WriteLine($"China prices converted at {report.CnyPerUsdNote}.");
    }

    private static string Usd(decimal value, bool blankZero = false) =>
        blankZero && value == 0 ? "" : value.ToString("#,0.00", CultureInfo.InvariantCulture);
}
