namespace HarborHa.Checks;

/// <summary>
/// One resource a rule flags. <paramref name="Accepted"/> marks a trade-off that the resource itself
/// declares (<c>Resource.AcceptedRisks</c>): it is reported, with the resource's reason in the
/// message, but does not fail the check (e.g. single-site's one NAT gateway).
/// Messages name properties, never their values: a flagged value may be a secret.
/// </summary>
public sealed record Finding(string Resource, string Message, bool Accepted = false);

/// <summary>The outcome of one rule.</summary>
public sealed record RuleResult(ICheckRule Rule, IReadOnlyList<Finding> Findings)
{
    public bool Failed => Findings.Any(f => !f.Accepted);
}
