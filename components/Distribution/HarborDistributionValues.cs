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
    /// replication runs in the source's jobservice, so only the primary gets the longer registry
    /// HTTP client timeout (minutes; the chart's default 30 cuts off large layers on a rate-limited
    /// VPN link). It gets it in every geo stack, not only once a link crosses the border, so adding
    /// the first region on the other side does not roll the primary's Harbor.
    /// </summary>
    public static MapValue For(StackConfig config, string region)
    {
        var values = new MapValue();
        if (config.Topology != Topology.Geo || config.Primary.Name != region)
        {
            return values;
        }

        values.Add("jobservice", new MapValue { ["registryHttpClientTimeout"] = config.Replication.CrossBorderHttpTimeoutMinutes });
        return values;
    }
}
