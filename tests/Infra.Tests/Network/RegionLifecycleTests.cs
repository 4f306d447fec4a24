using HarborHa.Model;
using HarborHa.Planning;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Network;

/// <summary>
/// DESIGN.md, new region: existing resources do not change, except additions at the hubs. Each test
/// synthesizes a geo config, adds (or removes) one region and diffs the two programs by logical name.
/// </summary>
public class RegionLifecycleTests
{
    private const string Header = """
        config:
          harbor-ha:topology: geo
          harbor-ha:domain: registry.example.com
          harbor-ha:chinaImageMirror: mirror.example.cn/harbor
          harbor-ha:regions:
        """;

    private const string ChinaHub = "\n    - { name: cn-north-1, slot: 0, role: primary, hub: true, drRegion: cn-northwest-1 }";
    private const string ChinaSpoke = "\n    - { name: cn-northwest-1, slot: 1 }";
    private const string OverseasHub = "\n    - { name: ap-southeast-1, slot: 0, hub: true }";
    private const string Frankfurt = "\n    - { name: eu-central-1, slot: 1 }";
    private const string Virginia = "\n    - { name: us-east-1, slot: 2 }";

    private static PulumiProgram Synth(params string[] regions) => TestConfigs.Synth(Header + string.Concat(regions));

    /// <summary>
    /// The documented additions elsewhere for a new region (docs/network.md, docs/distribution.md): the
    /// primary's replication rules, target and (across the border) ping Job for it, and the DNS forwarding rules that resolve its name
    /// from the other side.
    /// </summary>
    private static bool IsDistributionAddition(string name, string region) =>
        DistributionAdditions.Any(part => name.Contains(part + region, StringComparison.Ordinal));

    private static readonly string[] DistributionAdditions = ["-harbor-replication-", "-harbor-target-", "-harbor-ping-", "-dns-resolver-forward-", "-alarm-replication-", "-replication-probe-"];

    /// <summary>
    /// Added resources must belong to the new region or be the hubs' and the primary's documented
    /// additions, or the new region's default DR partner's (its provider, log bucket and detector when
    /// the partner is a DR-only region). The one change allowed: when the partner is a region of the
    /// stack, its S3 endpoint policy admits the DR bucket it now holds (in place).
    /// </summary>
    private static void AssertOnlyAdditions(ProgramChanges diff, string region, params string[] hubPrefixes)
    {
        var partner = DrPartners.Of(region);
        Assert.True(diff.Removed.Count == 0, $"removed:\n{diff}");
        // The side's private zone lists the side's VPCs: a new region's is associated in place; when the
        // DR partner is a region of the stack, its S3 endpoint policy admits the DR bucket it now holds.
        Assert.All(diff.Changed, c => Assert.True(
            c.Key.EndsWith("-dns-private-zone", StringComparison.Ordinal) || (c.Key == $"{partner}-network-s3-endpoint" && c.Value.SequenceEqual(["policy"])),
            $"changed:\n{diff}"));
        Assert.NotEmpty(diff.Added);
        Assert.All(diff.Added, name => Assert.True(
            name.StartsWith(region + "-", StringComparison.Ordinal) || hubPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))
                || IsDistributionAddition(name, region) || name.StartsWith(partner + "-", StringComparison.Ordinal),
            $"'{name}' is neither {region}'s nor a documented hub addition"));
    }

    [Fact]
    public void Adding_an_overseas_spoke_adds_its_region_and_a_peering_at_the_hub()
    {
        var before = Synth(ChinaHub, ChinaSpoke, OverseasHub, Frankfurt);
        var after = Synth(ChinaHub, ChinaSpoke, OverseasHub, Frankfurt, Virginia);
        var diff = ProgramChanges.Between(before, after);
        AssertOnlyAdditions(diff, "us-east-1", "ap-southeast-1-transit-peer-us-east-1", "ap-southeast-1-transit-route-us-east-1");
        Assert.Contains("ap-southeast-1-transit-peer-us-east-1", diff.Added);
        Assert.Contains("ap-southeast-1-transit-peer-us-east-1-association", diff.Added);
        Assert.Contains("ap-southeast-1-transit-route-us-east-1", diff.Added);
        Assert.Contains("us-east-1-transit-accept-ap-southeast-1", diff.Added);
        // us-east-1-aws is not new: it already served the public zone's Route 53 API.
        // The primary (Beijing) gains its push rule; nothing else at the China side, the VPN or the other spoke.
        Assert.Contains("cn-north-1-harbor-replication-us-east-1", diff.Added);
        Assert.DoesNotContain(diff.Added, n => (n.StartsWith("cn-", StringComparison.Ordinal) && !IsDistributionAddition(n, "us-east-1"))
            || n.StartsWith("eu-central-1-", StringComparison.Ordinal));
    }

    [Fact]
    public void Removing_an_overseas_spoke_removes_only_its_region_and_its_peering_at_the_hub()
    {
        var before = Synth(ChinaHub, ChinaSpoke, OverseasHub, Frankfurt, Virginia);
        var after = Synth(ChinaHub, ChinaSpoke, OverseasHub, Virginia);
        var diff = ProgramChanges.Between(before, after);
        Assert.Empty(diff.Added);
        Assert.Equal(["global-overseas-dns-private-zone"], diff.Changed.Keys);
        // eu-central-1's default DR partner (eu-west-1) held only its copies: its provider, log bucket and detector go too.
        Assert.All(diff.Removed, name => Assert.True(
            name.StartsWith("eu-central-1-", StringComparison.Ordinal) || name.StartsWith("ap-southeast-1-transit-peer-eu-central-1", StringComparison.Ordinal) || name == "ap-southeast-1-transit-route-eu-central-1"
                || IsDistributionAddition(name, "eu-central-1") || name.StartsWith(DrPartners.Of("eu-central-1") + "-", StringComparison.Ordinal),
            $"'{name}' should not be removed"));
        Assert.Contains("ap-southeast-1-transit-route-eu-central-1", diff.Removed);
    }

    [Fact]
    public void Adding_a_china_spoke_adds_its_region_and_a_peering_at_the_china_hub()
    {
        var before = Synth(ChinaHub, OverseasHub, Frankfurt);
        var after = Synth(ChinaHub, ChinaSpoke, OverseasHub, Frankfurt);
        var diff = ProgramChanges.Between(before, after);
        AssertOnlyAdditions(diff, "cn-northwest-1", "cn-north-1-transit-peer-cn-northwest-1", "cn-north-1-transit-route-cn-northwest-1");
    }

    [Fact]
    public void Adding_the_first_china_region_adds_the_vpn_at_the_overseas_hub_and_changes_nothing_overseas()
    {
        const string overseasPrimary = "\n    - { name: ap-southeast-1, slot: 0, hub: true, role: primary }";
        const string chinaHubReplica = "\n    - { name: cn-north-1, slot: 0, hub: true }";
        var before = Synth(overseasPrimary, Frankfurt);
        var after = Synth(overseasPrimary, Frankfurt, chinaHubReplica);
        var diff = ProgramChanges.Between(before, after);
        // The overseas hub also gains its DNS resolver endpoints (the other side's names become resolvable),
        // and every existing cluster admits the new side's /9 to its private API (a deployer may sit there).
        // The China side's private zone is managed through its Route 53 home region's provider (cn-northwest-1-aws).
        AssertOnlyAdditions(diff, "cn-north-1", "global-china-dns-private-zone", "cn-northwest-1-aws", "ap-southeast-1-vpn-", "ap-southeast-1-alarm-vpn-", "ap-southeast-1-transit-vpn-cn-north-1-", "ap-southeast-1-dns-resolver-",
            "ap-southeast-1-cluster-api-from-10-0-0-0-9", "eu-central-1-cluster-api-from-10-0-0-0-9");
        Assert.Contains("ap-southeast-1-vpn-cn-north-1-a-connection", diff.Added);
        Assert.Contains("ap-southeast-1-transit-vpn-cn-north-1-b-propagation", diff.Added);
    }

    [Fact]
    public void Diff_helper_sees_a_changed_property_and_option()
    {
        var a = new PulumiProgram("t");
        var b = new PulumiProgram("t");
        a.Add("x", "test:index:Thing", new MapValue { ["size"] = 1, ["tags"] = new MapValue { ["Name"] = "x" } });
        b.Add("x", "test:index:Thing", new MapValue { ["size"] = 2, ["tags"] = new MapValue { ["Name"] = "x" } }, new ResourceOptions { Protect = true });
        b.Add("y", "test:index:Thing", new MapValue());
        var diff = ProgramChanges.Between(a, b);
        Assert.Equal(["y"], diff.Added);
        Assert.Equal(["options.protect", "size"], diff.Changed["x"]);
        Assert.Empty(ProgramChanges.Between(a, a).Changed);
    }
}
