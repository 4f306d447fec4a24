using HarborHa.Configuration;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Checks;

/// <summary>
/// Staging is where prod's changes meet reality first: it must declare every kind of resource prod
/// does (so nothing is deployed for the first time in prod), and sit on slots prod leaves free on
/// both sides (so one runner network reaches both, and their CIDRs never overlap).
/// </summary>
public class StagingRehearsesProdTests
{
    private static readonly StackConfig Staging = TestConfigs.LoadCommitted("staging");
    private static readonly StackConfig Prod = TestConfigs.LoadCommitted("prod");

    [Fact]
    public void Staging_is_a_small_geo_stack_with_a_china_and_an_overseas_hub()
    {
        Assert.Equal(Topology.Geo, Staging.Topology);
        Assert.Equal(Stage.Staging, Staging.Stage);
        Assert.NotNull(Staging.HubOf(Side.China));
        Assert.NotNull(Staging.HubOf(Side.Overseas));
        Assert.True(Staging.Primary.IsHub);
        // Smaller than prod: the hubs, plus at most one spoke for the transit gateway peering types.
        Assert.InRange(Staging.Regions.Count, 2, 3);
        Assert.True(Staging.Regions.Count < Prod.Regions.Count);
    }

    [Fact]
    public void Staging_declares_every_resource_type_prod_declares()
    {
        var staging = ShippedPrograms.Of("staging").Resources.Select(r => r.Type).ToHashSet(StringComparer.Ordinal);
        var missing = ShippedPrograms.Prod().Resources.Select(r => r.Type).Distinct().Where(t => !staging.Contains(t)).Order(StringComparer.Ordinal).ToArray();
        Assert.True(missing.Length == 0, "prod declares types staging never deploys: " + string.Join(", ", missing));
    }

    [Fact]
    public void Staging_uses_no_slot_that_prod_uses_on_either_side()
    {
        foreach (var side in new[] { Side.China, Side.Overseas })
        {
            var prodSlots = Prod.Regions.Where(r => Regions.SideOf(r.Name) == side).Select(r => r.Slot).ToHashSet();
            var shared = Staging.Regions.Where(r => Regions.SideOf(r.Name) == side && prodSlots.Contains(r.Slot)).Select(r => r.Name).ToArray();
            Assert.True(shared.Length == 0, $"{side}: staging's {string.Join(", ", shared)} on a slot prod uses");
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public void Every_committed_stack_pins_the_account_of_each_partition_it_deploys_to(string stack)
    {
        var config = TestConfigs.LoadCommitted(stack);
        Assert.True(config.AwsAccountId is not null || config.Regions.All(r => Regions.SideOf(r.Name) == Side.China), $"{stack}: harbor-ha:awsAccountId");
        Assert.True(config.AwsCnAccountId is not null || config.Regions.All(r => Regions.SideOf(r.Name) == Side.Overseas), $"{stack}: harbor-ha:awsCnAccountId");
    }

    [Fact]
    public void Staging_deploys_to_accounts_of_its_own()
    {
        Assert.NotEqual(Prod.AwsAccountId, Staging.AwsAccountId);
        Assert.NotEqual(Prod.AwsCnAccountId, Staging.AwsCnAccountId);
    }
}
