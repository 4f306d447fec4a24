using HarborHa.Checks.Rules;
using HarborHa.Model;

namespace HarborHa.Checks;

/// <summary>
/// Everything <c>infra check</c> found for one stack. <c>AzLossAccepted</c>: the AZ-loss analysis
/// found single points of failure and every one of them is on a resource that accepts <c>az-loss</c>
/// (single-site's one NAT gateway, database and cache).
/// </summary>
public sealed record CheckReport(IReadOnlyList<RuleResult> Results, AzLossReport AzLoss, bool AzLossAccepted)
{
    public bool Failed => Results.Any(r => r.Failed);

    public IEnumerable<RuleResult> Failures => Results.Where(r => r.Failed);
}

/// <summary>
/// Runs every registered rule (or a given set) over a program. A finding on a resource whose
/// <see cref="Resource.AcceptedRisks"/> names the rule is reported as accepted, with the reason the
/// resource gives (like cdk-nag's resource suppressions): the trade-off is declared where it is
/// made, never matched by name inside a rule.
/// </summary>
public static class CheckRunner
{
    public static CheckReport Run(PulumiProgram program, IReadOnlyList<ICheckRule>? rules = null)
    {
        var results = (rules ?? CheckRegistry.All)
            .Select(rule => new RuleResult(rule, rule.Evaluate(program)
                .Select(f => Accept(program, rule.Id, f))
                .OrderBy(f => f.Resource, StringComparer.Ordinal)
                .ThenBy(f => f.Message, StringComparer.Ordinal)
                .ToArray()))
            .ToArray();
        var azLoss = AzLossAnalysis.Analyze(program);
        var azLossAccepted = azLoss.Losses.Count > 0 && azLoss.Losses.All(l => AcceptanceOf(program, l.Resource, AzLossRule.RuleId) is not null);
        return new CheckReport(results, azLoss, azLossAccepted);
    }

    /// <summary>The resource's acceptance of a rule, when the finding names a resource of the program that accepts it.</summary>
    public static AcceptedRisk? AcceptanceOf(PulumiProgram program, string resource, string ruleId) =>
        program.Contains(resource) ? program.Get(resource).Accepts(ruleId) : null;

    private static Finding Accept(PulumiProgram program, string ruleId, Finding finding) =>
        !finding.Accepted && AcceptanceOf(program, finding.Resource, ruleId) is { } risk
            ? finding with { Accepted = true, Message = $"{finding.Message} (accepted: {risk.Reason})" }
            : finding;
}
