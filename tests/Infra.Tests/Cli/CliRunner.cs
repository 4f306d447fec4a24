namespace HarborHa.Tests.Cli;

/// <summary>Runs the <c>infra</c> command line in-process with captured streams.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

public static class CliRunner
{
    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = HarborHa.Cli.Cli.Run(args, stdout, stderr, environment ?? new Dictionary<string, string?>(), workingDirectory);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A temporary project folder holding one stack file.</summary>
    public static string ProjectWith(string stack, string stackYaml)
    {
        var dir = Directory.CreateTempSubdirectory("harbor-ha-cli-").FullName;
        File.WriteAllText(Path.Combine(dir, $"Pulumi.{stack}.yaml"), stackYaml);
        return dir;
    }
}
