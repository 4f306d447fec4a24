using System.CommandLine;
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
