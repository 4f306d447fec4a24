using HarborHa.Configuration;
using HarborHa.Network;
using HarborHa.Planning;

namespace HarborHa.Tests.Support;

/// <summary>The plan a stack hands the network components for a configured region, as the stacks compute it.</summary>
public static class RegionPlanExtensions
{
    public static IReadOnlyList<string> Zones(this RegionConfig region) => Regions.AvailabilityZones(region.Name, region.AzCount);

    public static IReadOnlyList<PlannedSubnet> Subnets(this RegionConfig region) => SubnetPlan.For(NetworkPlan.VpcOf(region), region.Zones());
}
