using HarborHa.Configuration;
using HarborHa.Model;

namespace HarborHa.Network;

/// <summary>Inputs of <see cref="CrossPartitionLink"/>.</summary>
public sealed record CrossPartitionLinkArgs
{
    /// <summary>The China hub's Transit Gateway; the appliances go into its VPC's public subnets.</summary>
    public required TransitGateway ChinaHub { get; init; }

    /// <summary>The overseas hub's Transit Gateway; the VPN connections attach to it.</summary>
    public required TransitGateway OverseasHub { get; init; }

    /// <summary>The random provider (pre-shared keys).</summary>
    public required Ref RandomProvider { get; init; }

    /// <summary>The stack's domain: it scopes the tunnel log group's name, so stacks sharing an account never collide.</summary>
    public required string Domain { get; init; }

    /// <summary>ASNs and appliance size (<c>harbor-ha:vpn</c>). Default: <see cref="VpnConfig"/>'s defaults.</summary>
    public VpnConfig Vpn { get; init; } = new();

    /// <summary>Days to keep the VPN tunnel logs. Default 90, like the VPC flow logs.</summary>
    public int TunnelLogRetentionDays { get; init; } = 90;

    /// <summary>Root volume of each appliance in GiB. Default 16: the OS, strongSwan and FRR, with room for logs.</summary>
    public int ApplianceVolumeGb { get; init; } = 16;
}
