using HarborHa.Configuration;
using HarborHa.Model;

namespace HarborHa.Distribution;

/// <summary>
/// Harbor Helm values that image distribution needs on top of the registry tier's own, as a pure
/// function for that tier's values builder to merge. Keys are checked against the pinned chart's
/// values.yaml (harbor-helm 1.19.1) by the tests.
/// </summary>
public static class HarborDistributionValues
{
    /// <summary>
    /// Extra values for one region's Harbor release; empty when the region needs none. Push
    /// replication runs in the source's jobservice, so only the primary, and only when one of its
    /// links crosses the border, gets the longer registry HTTP client timeout (minutes; the chart's
    /// default 30 cuts off large layers on a rate-limited VPN link).
    /// </summary>
    public static MapValue For(StackConfig config, string region)
    {
        var values = new MapValue();
        if (config.Topology != Topology.Geo || config.Primary.Name != region)
        {
            return values;
        }

        if (ReplicationPlan.For(config.Regions, config.Replication).Any(l => l.CrossesBorder))
        {
            values.Add("jobservice", new MapValue { ["registryHttpClientTimeout"] = config.Replication.CrossBorderHttpTimeoutMinutes });
        }

        return values;
    }
}
