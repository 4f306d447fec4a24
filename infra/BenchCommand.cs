using System.Diagnostics;
using System.Globalization;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Stacks;
using Spectre.Console;
using System.CommandLine;

namespace HarborHa.Cli;

/// <summary>
/// <c>infra bench</c>: synth wall time (config parse → YAML text) for every committed stack and for
/// generated geo stacks of growing size. A benchmark that prints figures, not a timed test.
/// </summary>
public static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var runs = new Option<int>("--runs") { Description = "Timed runs per case (the median is reported)", DefaultValueFactory = _ => 5 };
        var command = new Command("bench", "Print synth wall time for committed stacks and generated geo stacks of 8, 16 and 32 regions") { runs };
        command.SetAction(parse => Run(context, Math.Max(1, parse.GetValue(runs))));
        return command;
    }

    private static int Run(CliContext context, int runs)
    {
        var table = new Table().Title("synth wall time (median, after one warm-up run)")
            .AddColumns("case", "regions", "resources", "YAML KiB", "median ms", "min ms");
        foreach (var file in Directory.GetFiles(context.ProjectDirectory, "Pulumi.*.yaml").Order(StringComparer.Ordinal))
        {
            var stack = Path.GetFileName(file)["Pulumi.".Length..^".yaml".Length];
            AddRow(table, $"stack {stack}", () => ConfigParser.Parse(RawConfig.FromStackFile(file)), runs);
        }

        foreach (var count in new[] { 8, 16, 32 })
        {
            AddRow(table, $"generated geo {count}", () => GeneratedGeo(count), runs);
        }

        CidrCommand.ConsoleFor(context.Stderr).Write(table);
        context.Stderr.WriteLine("32 regions exceed the 16-slot plan per side; that case reuses slots and measures scaling only.");
        return ExitCodes.Ok;
    }

    private static void AddRow(Table table, string name, Func<StackConfig> load, int runs)
    {
        string Once(out StackConfig config, out PulumiProgram program)
        {
            config = load();
            program = Synthesizer.Build(config);
            return YamlWriter.Write(program);
        }

        Once(out _, out _); // warm-up: JIT and first-touch costs are not what a user waits for twice
        var times = new List<double>();
        string yaml = "";
        StackConfig cfg = null!;
        PulumiProgram prog = null!;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            yaml = Once(out cfg, out prog);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        table.AddRow(name, cfg.Regions.Count.ToString(CultureInfo.InvariantCulture), prog.Resources.Count.ToString(CultureInfo.InvariantCulture),
            (yaml.Length / 1024.0).ToString("F0", CultureInfo.InvariantCulture),
            times[times.Count / 2].ToString("F1", CultureInfo.InvariantCulture), times[0].ToString("F1", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A geo stack over the first <paramref name="count"/> known regions: both China regions (primary
    /// Beijing) and the rest overseas. Beyond 16 per side the slots wrap, which the config parser
    /// would refuse; the config is built directly so the benchmark can still measure growth.
    /// </summary>
    public static StackConfig GeneratedGeo(int count)
    {
        var china = Regions.All.Where(r => Regions.SideOf(r) == Side.China).ToArray();
        var overseas = Regions.All.Where(r => Regions.SideOf(r) == Side.Overseas).ToArray();
        var names = china.Concat(overseas).Take(count).ToArray();
        var regions = names.Select((name, i) =>
        {
            var side = Regions.SideOf(name);
            var slot = side == Side.China ? Array.IndexOf(china, name) : Array.IndexOf(overseas, name) % 16;
            return new RegionConfig
            {
                Name = name,
                Slot = slot,
                Role = i == 0 ? RegionRole.Primary : RegionRole.Replica,
                IsHub = name is "cn-north-1" or "ap-southeast-1",
                AzCount = Math.Min(3, Regions.ZoneCount(name)),
            };
        }).OrderBy(r => r.Name, StringComparer.Ordinal).ToArray();
        return new StackConfig
        {
            Topology = Topology.Geo,
            Domain = "registry.example.com",
            Regions = regions,
            Sizing = Planning.Sizing.For(Topology.Geo),
            Exposure = Exposure.Internal,
        };
    }
}
