using System.CommandLine;
using HarborHa.Model;

namespace HarborHa.Cli;

/// <summary><c>infra validate</c>: config and program graph checks, without printing the program.</summary>
public static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var stack = StackOption.Create();
        var command = new Command("validate", "Check the stack's config and the program graph; print a summary") { stack };
        command.SetAction(parse =>
        {
            var (config, code) = context.LoadConfig(parse.GetValue(stack), stackRequired: true);
            if (config is null)
            {
                return code;
            }

            var (program, buildCode) = context.Build(config);
            if (program is null)
            {
                return buildCode;
            }

            var problems = ProgramValidator.Validate(program);
            foreach (var p in problems)
            {
                context.Stderr.WriteLine($"error: {p}");
            }

            if (problems.Count > 0)
            {
                return ExitCodes.Failed;
            }

            context.Stderr.WriteLine($"ok: {Stacks.Synthesizer.TopologyName(config.Topology)} stack with {config.Regions.Count} region(s), {program.Resources.Count} resources, primary {config.Primary.Name}");
            foreach (var assumption in Stacks.AccountAudit.Assumptions(config))
            {
                context.Stderr.WriteLine($"assumes (harbor-ha:audit.managedElsewhere): {assumption}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
