using System.Net;

namespace HarborHa.Network;

/// <summary>One planned subnet: its tier, AZ and CIDR, and the logical name it will have.</summary>
public sealed record PlannedSubnet(SubnetTier Tier, string AvailabilityZone, int AzIndex, string CidrBlock);

/// <summary>
/// Subnet layout inside a region's /16 VPC, per AZ (up to 4 AZs fit):
/// private /19 from .0 (8,190 pod and node addresses per AZ), public /22 from .128, data /23 from
/// .144, transit /28 from .160. The layout depends only on the VPC block and the AZ index, so
/// adding an AZ adds subnets without moving existing ones.
/// </summary>
public static class SubnetPlan
{
    public const int MaxAzs = 4;

    private static readonly (SubnetTier Tier, byte Prefix, int FirstIndex)[] Layout =
    [
        // index = FirstIndex + azIndex, in units of the tier's own prefix inside the /16
        (SubnetTier.Private, 19, 0),      // 10.x.0.0/19, 10.x.32.0/19, 10.x.64.0/19, 10.x.96.0/19
        (SubnetTier.Public, 22, 32),      // 10.x.128.0/22 ... 10.x.140.0/22
        (SubnetTier.Data, 23, 72),        // 10.x.144.0/23 ... 10.x.150.0/23
        (SubnetTier.Transit, 28, 2560),   // 10.x.160.0/28 ... 10.x.160.48/28
    ];

    /// <summary>Every subnet of a VPC, ordered by tier then AZ.</summary>
    public static IReadOnlyList<PlannedSubnet> For(string vpcCidr, IReadOnlyList<string> zones)
    {
        if (zones.Count > MaxAzs)
        {
            throw new ArgumentOutOfRangeException(nameof(zones), $"at most {MaxAzs} AZs fit the layout, got {zones.Count}");
        }

        var vpc = IPNetwork2.Parse(vpcCidr);
        return Layout
            .SelectMany(t => zones.Select((zone, i) =>
                new PlannedSubnet(t.Tier, zone, i, vpc.Subnet(t.Prefix)[t.FirstIndex + i].ToString())))
            .ToArray();
    }
}
