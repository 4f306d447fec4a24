using HarborHa.Model;

namespace HarborHa.Network;

/// <summary>One VPN appliance as the rest of the program sees it.</summary>
public sealed record VpnAppliance(PlannedAppliance Plan, string Name, Ref InstanceId, Ref NetworkInterfaceId, Ref PublicIp, Ref VpnConnectionId);
