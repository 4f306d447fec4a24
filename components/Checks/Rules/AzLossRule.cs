using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// No single point of failure inside a region (<see cref="AzLossAnalysis"/>). A resource that makes
/// the trade-off on purpose says so itself (single-site's one NAT gateway, single-AZ database and
/// cache accept <c>az-loss</c>), and its findings are reported as accepted with its reason.
/// Covers awsguard rds-instance-multi-az-enabled.
/// </summary>
public sealed class AzLossRule : ICheckRule
{
    public const string RuleId = "az-loss";

    public string Id => RuleId;

    public string Reason => "losing any one availability zone removes nothing the other zones need (unless the resource accepts the trade-off)";

    public IEnumerable<Finding> Evaluate(PulumiProgram program) =>
        AzLossAnalysis.Analyze(program).Losses
            .Select(l => new Finding(l.Resource, $"losing {l.Zone ?? "its zone"} ({l.Region}): {l.What}"))
            .DistinctBy(f => (f.Resource, f.Message));
}
