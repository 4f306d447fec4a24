using HarborHa.Common;
using HarborHa.Model;
using HarborHa.Tests.Support;
using Xunit;
using static HarborHa.Tests.State.StateTestSupport;

namespace HarborHa.Tests.State;

public sealed class ProvidersAndKeysTests
{
    private static readonly PulumiProgram GeoProgram = TestConfigs.Synth(TestConfigs.Geo);

    [Fact]
    public void Each_region_has_exactly_one_aws_provider_including_dr_only_regions_and_the_dns_home()
    {
        var providers = GeoProgram.Resources.Where(r => r.Type == Resource.ProviderPrefix + "aws").ToArray();
        var regions = providers.Select(p => p.Text("region")!).ToArray();
        Assert.Equal(regions.Distinct().Count(), regions.Length);
        // Stack regions, the DR-only ap-southeast-2 (given) and eu-west-1 (eu-central-1's default partner),
        // and us-east-1 where the public zone's Route 53 API lives.
        Assert.Equal(["ap-southeast-1", "ap-southeast-2", "cn-north-1", "cn-northwest-1", "eu-central-1", "eu-west-1", "us-east-1"], regions.Order(StringComparer.Ordinal));
        Assert.All(providers, p => Assert.Equal(AwsProviderRegistry.Name(p.Text("region")!), p.Name));
    }

    [Fact]
    public void A_dr_region_that_is_a_stack_region_shares_that_regions_provider()
    {
        var drBucket = GeoProgram.Get("cn-north-1-storage-dr-bucket");
        Assert.Equal("cn-northwest-1-aws", drBucket.Options.Provider!.Target);
    }

    [Fact]
    public void A_dr_only_provider_uses_its_partitions_profile_and_account_guard()
    {
        var yaml = TestConfigs.Geo.With("harbor-ha:topology: geo",
            "harbor-ha:topology: geo\n  harbor-ha:awsProfile: global\n  harbor-ha:awsCnProfile: china\n  harbor-ha:awsAccountId: \"111111111111\"");
        var program = TestConfigs.Synth(yaml);
        var dr = program.Get("ap-southeast-2-aws");
        Assert.Equal("global", dr.Text("profile"));
        Assert.Equal(["111111111111"], ((ListValue)dr.At("allowedAccountIds")!).Items.Cast<Text>().Select(t => t.Value));
        Assert.Equal("ap-southeast-2", dr.TextAt("defaultTags.tags.harbor-ha:region"));
        Assert.Equal("china", program.Get("cn-northwest-1-aws").Text("profile"));
        Assert.Null(program.Get("cn-northwest-1-aws").At("allowedAccountIds"));
        Assert.Equal(ProviderVersions.Aws, dr.Options.Version);
    }

    [Fact]
    public void State_keys_rotate_and_are_protected_outside_dev_with_the_longest_deletion_window()
    {
        // State keys outlive their region (a DR rebuild decrypts with them); cluster keys do not need to.
        var keys = GeoProgram.OfType(KmsKey).Where(k => k.Name.Contains("-state-", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.True(k.FlagAt("enableKeyRotation"), k.Name);
            Assert.Equal(30, k.NumberAt("deletionWindowInDays"));
            Assert.True(k.Options.Protect, k.Name);
            Assert.True(k.Options.RetainOnDelete, k.Name);
        });
        var dev = TestConfigs.Synth(TestConfigs.SingleSite).OfType(KmsKey).Single(k => k.Name.Contains("-state-", StringComparison.Ordinal));
        Assert.Equal(7, dev.NumberAt("deletionWindowInDays"));
        Assert.False(dev.Options.Protect);
        Assert.False(dev.Options.RetainOnDelete);
    }

    [Fact]
    public void Each_region_with_a_dr_region_has_its_own_key_there_named_after_the_source_region()
    {
        var drKey = GeoProgram.Get("ap-southeast-1-state-dr-key");
        Assert.Equal("ap-southeast-2", GeoProgram.ProviderRegion(drKey));
        var cnDrKey = GeoProgram.Get("cn-north-1-state-dr-key");
        Assert.Equal("cn-northwest-1", GeoProgram.ProviderRegion(cnDrKey));
        // cn-northwest-1's own state key is a different key: removing that region never deletes Beijing's copies' key.
        Assert.Equal("cn-northwest-1", GeoProgram.ProviderRegion(GeoProgram.Get("cn-northwest-1-state-key")));
        Assert.Equal("alias/harbor-ha/registry-example-com/cn-northwest-1/state", GeoProgram.Get("cn-northwest-1-state-key-alias").Text("name"));
        Assert.Equal("alias/harbor-ha/registry-example-com/cn-north-1/dr", GeoProgram.Get("cn-north-1-state-dr-key-alias").Text("name"));
    }
}
