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
            foreach (var region in config.Regions)
            {
                context.Stderr.WriteLine(DrLine(config, region));
            }

            foreach (var assumption in Stacks.AccountAudit.Assumptions(config))
            {
                context.Stderr.WriteLine($"assumes (harbor-ha:audit.managedElsewhere): {assumption}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Where a region's disaster-recovery copies go, and why there.</summary>
    public static string DrLine(Configuration.StackConfig config, Configuration.RegionConfig region) =>
        $"dr: {region.Name} -> " + (region.DrRegion, region.DrRegionSource) switch
        {
            ({ } dr, Configuration.DrRegionSource.Given) => $"{dr} (drRegion)",
            ({ } dr, _) => $"{dr} (default partner for {Stacks.Synthesizer.TopologyName(config.Topology)}; drRegion: none opts out)",
            (null, Configuration.DrRegionSource.None) => "none (drRegion: none; region-loss accepted)",
            (null, _) => "none (single-site default; set drRegion for copies in another region)",
        };
}
