using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using HarborHa.Configuration;
using Spectre.Console;

namespace HarborHa.Cli;

/// <summary>
/// Times the compiler the way Pulumi runs it: a process per call, twice per preview (plugin
/// discovery without a stack, then the program with <c>PULUMI_CONFIG</c>), through the launcher
/// named in Pulumi.yaml, against the same two calls of the built program.
/// </summary>
public static class CompilerBench
{
    public const string Launcher = "infra/compile.sh";

    /// <summary>Adds one row per stack: launcher ms, built program ms, ratio; or explains why it cannot.</summary>
    public static Table Measure(CliContext context, IReadOnlyList<string> stacks, int runs)
    {
        var table = new Table().Title("compiler as Pulumi runs it: two processes per preview (median)")
            .AddColumns("stack", "launcher ms", "built program ms", "ratio", "in-process synth ms");
        var launcher = Path.Combine(context.ProjectDirectory, Launcher);
        var dll = Path.Combine(AppContext.BaseDirectory, "infra.dll");
        if (!File.Exists(launcher) || !File.Exists(dll))
        {
            context.Stderr.WriteLine($"warning: compiler timing skipped: {(File.Exists(launcher) ? dll : launcher)} not found");
            return table;
        }

        // Warm-up: the launcher builds once when the sources changed; that is not what a preview pays.
        Run("bash", [launcher], context.ProjectDirectory, Environment(context, null));
        foreach (var stack in stacks)
        {
            var launcherMs = Median(runs, () => Preview(context, stack, "bash", [launcher]));
            var builtMs = Median(runs, () => Preview(context, stack, "dotnet", [dll, "synth"]));
            var inProcess = Median(runs, () =>
            {
                var watch = Stopwatch.StartNew();
                var config = ConfigParser.Parse(RawConfig.FromStackFile(StackFile(context, stack)));
                _ = HarborHa.Model.YamlWriter.Write(HarborHa.Stacks.Synthesizer.Build(config));
                return watch.Elapsed.TotalMilliseconds;
            });
            table.AddRow(stack, Ms(launcherMs), Ms(builtMs), (launcherMs / builtMs).ToString("F2", CultureInfo.InvariantCulture) + "×", Ms(inProcess));
        }

        return table;
    }

    private static double Preview(CliContext context, string stack, string program, string[] args)
    {
        var watch = Stopwatch.StartNew();
        Run(program, args, context.ProjectDirectory, Environment(context, null));
        Run(program, args, context.ProjectDirectory, Environment(context, stack));
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>What pulumi-yaml passes: PULUMI_* (config as JSON strings) only when a stack is selected.</summary>
    private static Dictionary<string, string> Environment(CliContext context, string? stack)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PULUMI_PROJECT"] = "harbor-ha",
            ["PULUMI_ORGANIZATION"] = "bench",
            ["PULUMI_ROOT_DIRECTORY"] = context.ProjectDirectory,
        };
        if (stack is not null)
        {
            env["PULUMI_STACK"] = stack;
            env["PULUMI_CONFIG"] = PulumiConfigJson(RawConfig.FromStackFile(StackFile(context, stack)));
        }

        return env;
    }

    /// <summary>A stack file's config as Pulumi passes it: every value a string, structured values as JSON text.</summary>
    public static string PulumiConfigJson(RawConfig raw)
    {
        var json = new JsonObject();
        foreach (var (key, value) in raw.Values.Where(v => !v.Value.IsSecure))
        {
            json[key] = value.Node switch
            {
                null => "",
                JsonValue v => v.ToString(),
                var node => node.ToJsonString(),
            };
        }

        return json.ToJsonString();
    }

    private static string StackFile(CliContext context, string stack) => Path.Combine(context.ProjectDirectory, $"Pulumi.{stack}.yaml");

    private static void Run(string program, string[] args, string directory, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("PULUMI_", StringComparison.Ordinal)).ToArray())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {stderr.Result.Split('\n')[0]}");
        }

        _ = stdout.Result;
    }

    private static double Median(int runs, Func<double> once)
    {
        var times = Enumerable.Range(0, runs).Select(_ => once()).Order().ToArray();
        return times[times.Length / 2];
    }

    private static string Ms(double ms) => ms.ToString("F0", CultureInfo.InvariantCulture);
}
