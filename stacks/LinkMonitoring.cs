using HarborHa.Model;
using HarborHa.Monitoring;
using HarborHa.Network;

namespace HarborHa.Stacks;

/// <summary>
/// Alarms of the cross-border link: each tunnel in the overseas hub (where the VPN connections live),
/// each appliance's status checks in the China hub.
/// </summary>
public static class LinkMonitoring
{
    public static void Declare(CrossPartitionLink link, RegionStack overseasHub, RegionStack chinaHub)
    {
        foreach (var appliance in link.Appliances)
        {
            var letter = appliance.Plan.Letter;
            foreach (var tunnel in new[] { 1, 2 })
            {
                VpnAlarms.Tunnel(overseasHub.Alarms, letter, tunnel, appliance.VpnConnectionId, new Ref(appliance.VpnConnectionId.Target, $"tunnel{tunnel}Address"));
            }

            VpnAlarms.Appliance(chinaHub.Alarms, letter, appliance.InstanceId, []);
        }
    }
}
