using System.CommandLine;
using HarborHa.Checks;
using HarborHa.Model;

namespace HarborHa.Cli;

/// <summary><c>infra synth</c>: prints the Pulumi YAML program; this is the compiler Pulumi runs.</summary>
public static class SynthCommand
{
    public static Command Create(CliContext context)
    {
        var stack = StackOption.Create();
        var output = new Option<string?>("--out", "-o") { Description = "Write the program to FILE instead of stdout (written whole or not at all)" };
        var command = new Command("synth", "Print the stack's Pulumi YAML program (without a stack: only the pinned provider plugins)") { stack, output };
        command.SetAction(parse => Run(context, parse.GetValue(stack), parse.GetValue(output)));
        return command;
    }

    private static int Run(CliContext context, string? stack, string? outFile)
    {
        foreach (var warning in PulumiEnvironmentGuard.Check(context.Environment, context.ProjectDirectory))
        {
            context.Stderr.WriteLine(warning);
        }

        var (config, code) = context.LoadConfig(stack, stackRequired: false);
        if (code != ExitCodes.Ok)
        {
            return code;
        }

        var (program, buildCode) = context.Build(config);
        if (program is null)
        {
            return buildCode;
        }

        // The rules of infra check run here too, so no way of deploying (a laptop's pulumi up) skips them.
        if (config is not null && CheckRunner.Run(program, context.Rules) is { Failed: true } report)
        {
            foreach (var result in report.Failures)
            {
                context.Stderr.WriteLine($"FAIL {result.Rule.Id}: {result.Rule.Reason}");
                foreach (var f in result.Findings.Where(f => !f.Accepted))
                {
                    context.Stderr.WriteLine($"  {f.Resource}: {f.Message}");
                }
            }

            context.Stderr.WriteLine($"error: {report.Failures.Count()} check rule(s) failed, so no program was written; fix the config, or accept a finding on purpose in harbor-ha:acceptedFindings (rule, resource, reason)");
            return ExitCodes.Failed;
        }

        string yaml;
        try
        {
            yaml = YamlWriter.Write(program);
        }
        catch (ProgramException e)
        {
            context.Stderr.WriteLine($"error: harbor-ha built an invalid program (this is a bug, please report it): {e.Message}");
            return ExitCodes.Failed;
        }

        if (outFile is null)
        {
            context.Stdout.Write(yaml);
        }
        else
        {
            AtomicFile.Write(Path.GetFullPath(outFile, context.ProjectDirectory), yaml);
            context.Stderr.WriteLine($"wrote {program.Resources.Count} resources to {outFile}");
        }

        return ExitCodes.Ok;
    }
}
