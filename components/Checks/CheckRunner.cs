using HarborHa.Configuration;
using HarborHa.Model;

namespace HarborHa.Checks;

/// <summary>Everything <c>infra check</c> found for one stack.</summary>
public sealed record CheckReport(IReadOnlyList<RuleResult> Results, AzLossReport AzLoss, bool AzLossAccepted)
{
    public bool Failed => Results.Any(r => r.Failed);

    public IEnumerable<RuleResult> Failures => Results.Where(r => r.Failed);
}

/// <summary>Runs every registered rule (or a given set) over a program.</summary>
public static class CheckRunner
{
    public static CheckReport Run(PulumiProgram program, StackConfig config, IReadOnlyList<ICheckRule>? rules = null)
    {
        var results = (rules ?? CheckRegistry.All)
            .Select(rule => new RuleResult(rule, rule.Evaluate(program, config)
                .OrderBy(f => f.Resource, StringComparer.Ordinal)
                .ThenBy(f => f.Message, StringComparer.Ordinal)
                .ToArray()))
            .ToArray();
        return new CheckReport(results, AzLossAnalysis.Analyze(program, config), config.Topology == Topology.SingleSite);
    }
}
