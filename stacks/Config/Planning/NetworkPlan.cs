using HarborHa.Configuration;

namespace HarborHa.Planning;

/// <summary>
/// The global CIDR plan (DESIGN.md): overseas owns 10.128.0.0/9 and counts slots upwards, China
/// owns 10.0.0.0/9 and counts slots downwards from 10.120.0.0; each slot is a /13 (eight /16s, room
/// to grow) and a region's VPC is the block's first /16. Slots are fixed per region, so adding or
/// removing a region never moves another one.
/// </summary>
public static class NetworkPlan
{
    public const string OverseasSupernet = "10.128.0.0/9";
    public const string ChinaSupernet = "10.0.0.0/9";
    public const int SlotCount = 16;

    /// <summary>The /9 a side owns.</summary>
    public static string SupernetOf(Side side) => side == Side.China ? ChinaSupernet : OverseasSupernet;

    /// <summary>The other side's /9: routed over the cross-partition VPN.</summary>
    public static string OtherSupernet(Side side) => SupernetOf(side == Side.China ? Side.Overseas : Side.China);

    /// <summary>The side's word in logical names and tables: <c>overseas</c> or <c>china</c>.</summary>
    public static string NameOf(Side side) => side == Side.China ? "china" : "overseas";

    /// <summary>The /13 block of a slot: overseas <c>10.(128+8k).0.0/13</c>, China <c>10.(120−8k).0.0/13</c>.</summary>
    public static string BlockOf(Side side, int slot)
    {
        CheckSlot(slot);
        var supernet = Cidr.Parse(SupernetOf(side));
        var index = side == Side.China ? SlotCount - 1 - slot : slot;
        return Cidr.Nth(supernet, 13, index).ToString();
    }

    /// <summary>The region's VPC: the first /16 of its slot's block.</summary>
    public static string VpcOf(Side side, int slot) => Cidr.Nth(Cidr.Parse(BlockOf(side, slot)), 16, 0).ToString();

    public static string VpcOf(RegionConfig region) => VpcOf(region.Side, region.Slot);

    /// <summary>The region's /13 block: what the hubs route to it, so a region can grow inside its block without touching them.</summary>
    public static string BlockOf(RegionConfig region) => BlockOf(region.Side, region.Slot);

    private static void CheckSlot(int slot)
    {
        if (slot is < 0 or >= SlotCount)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), $"slot must be 0-{SlotCount - 1}, got {slot}");
        }
    }
}
