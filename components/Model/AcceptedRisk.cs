namespace HarborHa.Model;

/// <summary>
/// A trade-off a component makes on purpose, carried on the resource that makes it (like cdk-nag's
/// resource suppressions): the check with id <paramref name="RuleId"/> still reports the finding on
/// this resource, but as accepted, with <paramref name="Reason"/>. Not written to the YAML program.
/// </summary>
public sealed record AcceptedRisk(string RuleId, string Reason);
