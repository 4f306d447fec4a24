using HarborHa.Checks;
using HarborHa.Model;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Recovery;

/// <summary>
/// Moving a hub (or the primary) is what recovering from a lost hub does: it must re-wire peerings,
/// routes and the VPN without replacing or renaming any Transit Gateway or private zone, and without
/// touching any stateful resource.
/// </summary>
public class HubMoveTests
{
    public static TheoryData<int> Seeds => [.. GeoMatrix.Seeds];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Moving_both_hubs_and_the_primary_replaces_no_transit_gateway_no_zone_and_no_state(int seed)
    {
        var regions = GeoMatrix.Regions(seed);
        var moved = regions.Select(r => r with
        {
            Hub = r.Name == "cn-northwest-1" || r.Name == regions[3].Name,
            Primary = r.Name == regions[3].Name,
        });

        var before = TestConfigs.Synth(GeoMatrix.Yaml(regions));
        var after = TestConfigs.Synth(GeoMatrix.Yaml(moved));
        var diff = ProgramDiff.Compare(before, after);

        AssertStable(before, after, diff);
        // The hubs did move: the new overseas hub now peers with the others.
        Assert.Contains(diff.Added, c => c.Name.StartsWith($"{regions[3].Name}-transit-peer-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Moving_only_the_primary_changes_no_network(int seed)
    {
        var regions = GeoMatrix.Regions(seed);
        var moved = regions.Select(r => r with { Primary = r.Name == "cn-northwest-1" });
        var before = TestConfigs.Synth(GeoMatrix.Yaml(regions));
        var after = TestConfigs.Synth(GeoMatrix.Yaml(moved));
        var diff = ProgramDiff.Compare(before, after);

        AssertStable(before, after, diff);
        Assert.DoesNotContain(diff.Changes, c => c.Type.StartsWith("aws:ec2transitgateway", StringComparison.Ordinal));
    }

    internal static void AssertStable(PulumiProgram before, PulumiProgram after, DiffResult diff)
    {
        foreach (var type in new[] { ResourceTypes.TransitGateway, ResourceTypes.Route53Zone })
        {
            Assert.Equal(
                before.Resources.Where(r => r.Type == type).Select(r => r.Name).Order(StringComparer.Ordinal),
                after.Resources.Where(r => r.Type == type).Select(r => r.Name).Order(StringComparer.Ordinal));
            Assert.DoesNotContain(diff.Changes, c => c.Type == type && c.IsDangerous);
        }

        // The account's audit trail is homed in each side's hub (issue 18) and moves with it; in a
        // recovery the old hub is lost and its trail bucket leaves state with it.
        static bool Audit(ResourceChange c) => c.Name.Contains("-audit-", StringComparison.Ordinal);
        Assert.DoesNotContain(diff.Removed, c => ReplacementTable.IsStateful(c.Type) && !Audit(c));
        Assert.DoesNotContain(diff.Dangerous, c => !Audit(c));
    }
}
