using HarborHa.Configuration;
using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// ha and geo have no single point of failure inside a region (<see cref="AzLossAnalysis"/>);
/// single-site trades that for cost, so its findings are reported as accepted.
/// Covers awsguard rds-instance-multi-az-enabled for the topologies that promise HA.
/// </summary>
public sealed class AzLossRule : ICheckRule
{
    public string Id => "az-loss";

    public string Reason => "in ha and geo, losing any one availability zone removes nothing the other zones need";

    public IEnumerable<Finding> Evaluate(PulumiProgram program, StackConfig config)
    {
        var accepted = config.Topology == Topology.SingleSite;
        return AzLossAnalysis.Analyze(program, config).Losses
            .Select(l => new Finding(l.Resource, $"losing {l.Zone ?? "its zone"} ({l.Region}): {l.What}", accepted))
            .DistinctBy(f => (f.Resource, f.Message));
    }
}
