using System.Diagnostics;

namespace HarborHa.Tests.Support;

/// <summary>What a finished process printed.</summary>
public sealed record ProcessResult(int Code, string Stdout, string Stderr);

/// <summary>
/// Runs a program the way Pulumi or a pipeline would: no shell, its own working directory, and an
/// environment without the caller's PULUMI_* variables (so a developer's shell cannot leak into a test).
/// </summary>
public static class ExternalProcess
{
    public static ProcessResult Run(string program, IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
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

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
