using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Monitoring;
using HarborHa.Registry;

namespace HarborHa.Stacks;

/// <summary>
/// Watches Harbor replication from the primary to each replica region: a probe in the primary's
/// cluster reads every push rule's executions, and the primary's region alarms per target.
/// </summary>
public static class ReplicationMonitoring
{
    public static void Declare(PulumiProgram program, StackConfig config, IReadOnlyDictionary<string, RegionStack> regions, DistributionSystem distribution)
    {
        var primary = regions[config.Regions.Single(r => r.Role == RegionRole.Primary).Name];
        var policyIds = distribution.Links
            .Select(l => l.Target)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(
                target => target,
                target => (IReadOnlyList<Value>)distribution.Rules.Where(r => TargetOf(r) == target).Select(r => (Value)r.Out("replicationPolicyId")).ToArray(),
                StringComparer.Ordinal);
        if (policyIds.Count == 0)
        {
            return;
        }

        ReplicationProbe.Declare(program, primary.Alarms,
            RegionMonitoring.ProbeArgs(config, primary, "replication-probe", $"harbor-ha {primary.Region.Name} replication probe: publishes replication status per target region"),
            policyIds, $"http://{HarborChart.CoreServiceName}", primary.Registry.AdminSecretName, HarborSecretKeys.AdminPassword);
    }

    /// <summary>The region a push rule targets: its Harbor name ends with the target's code (<c>push-to-&lt;region&gt;</c>).</summary>
    private static string? TargetOf(Resource rule) =>
        rule.Properties.TryGet("name", out var v) && v is Text t ? Configuration.Regions.All.FirstOrDefault(r => t.Value.EndsWith("-" + r, StringComparison.Ordinal)) : null;
}
