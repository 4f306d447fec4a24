using HarborHa.Model;

namespace HarborHa.Monitoring;

/// <summary>The cross-border link: every tunnel's state (overseas hub) and every appliance's status checks (China hub).</summary>
public static class VpnAlarms
{
    public const string Runbook = "vpn-alarms";

    /// <summary>A tunnel's alarm; declared in the overseas hub, where the VPN connection lives.</summary>
    public static Resource Tunnel(RegionAlarms alarms, string applianceLetter, int tunnel, Value vpnConnectionId, Value tunnelOutsideAddress) =>
        alarms.Add(new AlarmSpec($"vpn-{applianceLetter}-tunnel{tunnel}-down", $"VPN tunnel {tunnel} of appliance {applianceLetter}", Runbook,
            $"tunnel down for {alarms.Thresholds.VpnTunnelDownMinutes} minutes", "vpnTunnelDownMinutes",
            "AWS/VPN", "TunnelState", new MapValue { ["VpnId"] = vpnConnectionId, ["TunnelIpAddress"] = tunnelOutsideAddress },
            "Maximum", 60, alarms.Thresholds.VpnTunnelDownMinutes, 1, "LessThanThreshold", "breaching"));

    /// <summary>
    /// An appliance's status-check alarm, declared in the China hub; <paramref name="extraActions"/>
    /// (the route failover) run beside the notification.
    /// </summary>
    public static Resource Appliance(RegionAlarms alarms, string applianceLetter, Value instanceId, IReadOnlyList<Value> extraActions) =>
        alarms.Add(new AlarmSpec($"vpn-appliance-{applianceLetter}-status", $"VPN appliance {applianceLetter}", Runbook,
            "EC2 status check failed for 2 minutes (its AZ's routes move to another appliance)", null,
            "AWS/EC2", "StatusCheckFailed", new MapValue { ["InstanceId"] = instanceId },
            "Maximum", 60, 2, 0, "GreaterThanThreshold", "breaching"), extraActions);
}
