using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Stacks;
using Spectre.Console;

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
        var compilerRuns = new Option<int>("--compiler-runs")
        {
            Description = "Timed previews per stack for the compiler as Pulumi runs it (two processes each; 0 skips)",
            DefaultValueFactory = _ => 3,
        };
        var command = new Command("bench", "Print synth wall time for committed stacks and generated geo stacks of 8, 16 and 32 regions, and the compiler's time as Pulumi runs it") { runs, compilerRuns };
        command.SetAction(parse => Run(context, Math.Max(1, parse.GetValue(runs)), Math.Max(0, parse.GetValue(compilerRuns))));
        return command;
    }

    private static int Run(CliContext context, int runs, int compilerRuns)
    {
        var table = new Table().Title("synth wall time (median, after one warm-up run)")
            .AddColumns("case", "regions", "resources", "YAML KiB", "median ms", "min ms");
        var stacks = new List<string>();
        foreach (var file in Directory.GetFiles(context.ProjectDirectory, "Pulumi.*.yaml").Order(StringComparer.Ordinal))
        {
            var stack = Path.GetFileName(file)["Pulumi.".Length..^".yaml".Length];
            try
            {
                _ = ConfigParser.Parse(RawConfig.FromStackFile(file));
            }
            catch (ConfigException e)
            {
                // A half-edited stack file must not stop the measurement of the others.
                context.Stderr.WriteLine($"warning: skipped {Path.GetFileName(file)}: {e.Errors.Count} config problem(s), first: {e.Errors[0]}");
                continue;
            }

            stacks.Add(stack);
            AddRow(table, $"stack {stack}", () => ConfigParser.Parse(RawConfig.FromStackFile(file)), runs);
        }

        foreach (var count in new[] { 8, 16, 32 })
        {
            AddRow(table, $"generated geo {count}", () => GeneratedGeo(count), runs);
        }

        CidrCommand.ConsoleFor(context.Stderr).Write(table);
        context.Stderr.WriteLine("32 regions exceed the 16-slot plan per side; that case reuses slots and measures scaling only.");
        if (compilerRuns > 0)
        {
            CidrCommand.ConsoleFor(context.Stderr).Write(CompilerBench.Measure(context, stacks, compilerRuns));
            context.Stderr.WriteLine("ratio: the launcher (Pulumi.yaml's compiler) over the built program, both run as Pulumi does; goal ≤ 1.3×.");
        }

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
    /// Beijing, the hubs where the network plan puts them) and the rest overseas. Up to 16 regions
    /// the config goes through the real parser; beyond, the overseas slots would wrap, which the
    /// parser refuses, so the extra regions are appended to the parsed config to measure growth.
    /// </summary>
    public static StackConfig GeneratedGeo(int count)
    {
        var china = Regions.All.Where(r => Regions.SideOf(r) == Side.China).ToArray();
        var overseas = Regions.All.Where(r => Regions.SideOf(r) == Side.Overseas)
            .OrderBy(r => r == "ap-southeast-1" ? 0 : 1).ThenBy(r => r, StringComparer.Ordinal).ToArray();
        var names = china.Concat(overseas).Take(count).ToArray();
        int Slot(string name) => Regions.SideOf(name) == Side.China ? Array.IndexOf(china, name) : Array.IndexOf(overseas, name) % 16;

        var parsed = Math.Min(count, 16);
        var yaml = new System.Text.StringBuilder("config:\n  harbor-ha:topology: geo\n  harbor-ha:domain: registry.example.com\n  harbor-ha:chinaImageMirror: mirror.example.cn/harbor\n"
            + "  harbor-ha:clusterAdminArns: [arn:aws:iam::111122223333:role/harbor-ha-deployer, arn:aws-cn:iam::444455556666:role/harbor-ha-deployer]\n  harbor-ha:regions:\n");
        foreach (var name in names.Take(parsed))
        {
            var role = name == "cn-north-1" ? ", role: primary" : "";
            var hub = name is "cn-north-1" or "ap-southeast-1" ? ", hub: true" : "";
            yaml.Append(CultureInfo.InvariantCulture, $"    - {{ name: {name}, slot: {Slot(name)}{role}{hub} }}\n");
        }

        var config = ConfigParser.Parse(RawConfig.FromStackYaml(yaml.ToString(), $"generated-geo-{count}"));
        var extra = names.Skip(parsed).Select(name => new RegionConfig
        {
            Name = name,
            Slot = Slot(name),
            AzCount = Math.Min(3, Regions.ZoneCount(name)),
            // What the parser gives a geo region without drRegion.
            DrRegion = HarborHa.Planning.DrPartners.Of(name),
            DrRegionSource = DrRegionSource.Default,
        });
        return config with { Regions = config.Regions.Concat(extra).OrderBy(r => r.Name, StringComparer.Ordinal).ToArray() };
    }
}
