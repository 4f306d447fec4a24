using HarborHa.Model;

namespace HarborHa.Network;

/// <summary>Inputs of <see cref="CrossPartitionLink"/>.</summary>
public sealed record CrossPartitionLinkArgs
{
    /// <summary>The China hub's Transit Gateway; the appliances go into its VPC's public subnets.</summary>
    public required TransitGateway ChinaHub { get; init; }

    /// <summary>The overseas hub's Transit Gateway (its ASN is the Amazon side of BGP); the VPN connections attach to it.</summary>
    public required TransitGateway OverseasHub { get; init; }

    /// <summary>The random provider (pre-shared keys).</summary>
    public required Ref RandomProvider { get; init; }

    /// <summary>The supernet of the China side, which the appliances announce over BGP.</summary>
    public required string ChinaCidr { get; init; }

    /// <summary>The supernet of the overseas side, which the China hub sends to the appliances.</summary>
    public required string OverseasCidr { get; init; }

    /// <summary>CloudWatch Logs group of the tunnel logs, in the overseas hub's region; unique per account and region, so it should name the stack.</summary>
    public required string TunnelLogGroupName { get; init; }

    /// <summary>BGP ASN of the appliances (the customer gateways). Default 65010, outside the Amazon-side ranges.</summary>
    public long ApplianceAsn { get; init; } = 65010;

    /// <summary>EC2 instance type of each appliance; network-optimised by default. Default c6in.large.</summary>
    public string ApplianceInstanceType { get; init; } = "c6in.large";

    /// <summary>Days to keep the VPN tunnel logs. Default 90, like the VPC flow logs.</summary>
    public int TunnelLogRetentionDays { get; init; } = 90;

    /// <summary>Root volume of each appliance in GiB. Default 16: the OS, strongSwan and FRR, with room for logs.</summary>
    public int ApplianceVolumeGb { get; init; } = 16;

    /// <summary>
    /// The appliances' machine image (an AMI id in the China hub's region), pinned so that every
    /// appliance, including a replacement, boots the image that was reviewed. Default null: Canonical's
    /// newest Ubuntu 24.04 looked up at deploy time (<see cref="ApplianceImage.Lookup"/>), which
    /// <c>infra check</c> reports (rule <c>appliance-ami-pinned</c>).
    /// </summary>
    public string? ApplianceImageId { get; init; }

    /// <summary>
    /// The Ubuntu archive snapshot the appliances install their packages from (<c>apt --snapshot</c>,
    /// Ubuntu snapshot service), so a first boot today and a replacement next year install the same
    /// package versions. Default <see cref="ApplianceUserData.DefaultAptSnapshot"/>; raise it with the image.
    /// </summary>
    public string AptSnapshot { get; init; } = ApplianceUserData.DefaultAptSnapshot;
}
