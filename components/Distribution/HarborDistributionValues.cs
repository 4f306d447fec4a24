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
    /// Extra values for one region's Harbor release in a replicating stack; empty when the region
    /// needs none. Push replication runs in the source's jobservice, so only the primary gets the
    /// longer registry HTTP client timeout (minutes; the chart's default 30 cuts off large layers on a
    /// rate-limited VPN link). It gets it whether or not a link crosses the border yet, so adding the
    /// first region on the other side does not roll the primary's Harbor.
    /// </summary>
    /// <param name="role">The region's part in replication.</param>
    /// <param name="settings">The stack's replication settings (the timeout).</param>
    public static MapValue For(DistributionRole role, ReplicationSettings settings)
    {
        var values = new MapValue();
        if (role != DistributionRole.Primary)
        {
            return values;
        }

        values.Add("jobservice", new MapValue { ["registryHttpClientTimeout"] = settings.RegistryHttpClientTimeoutMinutes });
        return values;
    }
}
