using HarborHa.Configuration;
using HarborHa.Planning;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.State;

public sealed class StateNamesTests
{
    [Theory]
    [InlineData("registry.example.com", "ap-southeast-1", "registry-example-com-ap-southeast-1-registry")]
    [InlineData("hub.corp.example.cn", "cn-northwest-1", "hub-corp-example-cn-cn-northwest-1-registry")]
    public void Registry_bucket_is_domain_slug_region_and_role(string domain, string region, string expected)
    {
        Assert.Equal(expected, StateNames.RegistryBucket(domain, region));
        Assert.Equal(expected + "-dr", StateNames.DrBucket(domain, region));
    }

    [Fact]
    public void Final_snapshot_identifier_is_deterministic_and_has_no_double_dashes()
    {
        Assert.Equal("ap-southeast-1-registry-example-com-final", StateNames.FinalSnapshot("registry.example.com", "ap-southeast-1"));
        // Punycode labels contain "--", which RDS identifiers forbid.
        Assert.Equal("eu-west-1-xn-bcher-kva-example-final", StateNames.FinalSnapshot("xn--bcher-kva.example", "eu-west-1"));
    }

    [Fact]
    public void Key_aliases_are_per_domain_and_region_and_distinguish_the_dr_key()
    {
        Assert.Equal("alias/harbor-ha/registry-example-com/eu-central-1/state", StateNames.StateKeyAlias("registry.example.com", "eu-central-1"));
        Assert.Equal("alias/harbor-ha/registry-example-com/eu-central-1/dr", StateNames.DrKeyAlias("registry.example.com", "eu-central-1"));
    }

    [Fact]
    public void A_domain_that_fits_every_bucket_has_no_problem()
    {
        Assert.Null(StateNames.BucketNameProblem("registry.staging.example.com", "ap-southeast-1"));
    }

    [Fact]
    public void A_domain_too_long_for_63_character_bucket_names_is_a_problem_with_the_length_to_aim_for()
    {
        var problem = StateNames.BucketNameProblem("container-registry.platform.example.com", "ap-southeast-1");
        Assert.NotNull(problem);
        Assert.Contains("63", problem, StringComparison.Ordinal);
        Assert.Contains("at most 36 characters", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Bucket_names_must_not_start_with_a_reserved_prefix()
    {
        Assert.Contains("xn--", StateNames.BucketNameProblem("xn--bcher-kva.example", "eu-west-1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Config_with_a_too_long_domain_fails_naming_harbor_ha_domain()
    {
        var yaml = TestConfigs.Ha.Replace("registry.example.com", "container-registry.platform.example.com", StringComparison.Ordinal);
        var e = Assert.Throws<ConfigException>(() => TestConfigs.Parse(yaml));
        var error = Assert.Single(e.Errors);
        Assert.Equal("harbor-ha:domain", error.Key);
        Assert.Contains("eu-central-1", error.Message, StringComparison.Ordinal);
    }
}
