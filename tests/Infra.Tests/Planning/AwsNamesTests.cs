using HarborHa.Configuration;
using HarborHa.LoadBalancer;
using HarborHa.Planning;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Planning;

public class AwsNamesTests
{
    [Theory]
    [InlineData("ap-southeast-1", "apse1")]
    [InlineData("cn-northwest-1", "cnnw1")]
    [InlineData("us-east-1", "use1")]
    [InlineData("eu-central-2", "euc2")]
    public void Short_region_codes_follow_the_compass(string region, string code) =>
        Assert.Equal(code, AwsNames.ShortRegion(region));

    [Fact]
    public void Every_known_region_has_its_own_short_code_and_every_name_fits_aws_limits()
    {
        var codes = Regions.All.Select(AwsNames.ShortRegion).ToArray();
        Assert.Equal(codes.Length, codes.Distinct().Count());
        foreach (var region in Regions.All)
        {
            foreach (var role in Enum.GetValues<LoadBalancerScheme>())
            {
                var name = AwsNames.LoadBalancer("a-rather-long-registry-domain.example.com", region, role);
                Assert.True(name.Length <= AwsNames.LoadBalancerNameMax, name);
                Assert.Matches("^[a-z0-9-]+$", name);
            }
        }
    }

    [Fact]
    public void Stacks_with_different_domains_get_different_load_balancer_names()
    {
        Assert.NotEqual(AwsNames.LoadBalancer("registry.dev.example.com", "ap-southeast-1", LoadBalancerScheme.Public),
            AwsNames.LoadBalancer("registry.staging.example.com", "ap-southeast-1", LoadBalancerScheme.Public));
    }

    [Fact]
    public void Every_load_balancer_and_target_group_of_every_committed_stack_is_named_within_32_characters()
    {
        foreach (var stack in TestConfigs.CommittedStacks())
        {
            var program = Stacks.Synthesizer.Build(TestConfigs.LoadCommitted(stack));
            var named = program.Resources.Where(r => r.Type is "aws:lb/loadBalancer:LoadBalancer" or "aws:lb/targetGroup:TargetGroup").ToArray();
            Assert.NotEmpty(named);
            Assert.All(named, r => Assert.InRange(r.Text("name")?.Length ?? 99, 1, AwsNames.LoadBalancerNameMax));
        }
    }

    [Fact]
    public void Harbor_waits_for_the_https_listeners_that_attach_its_target_groups()
    {
        var program = TestConfigs.Synth(TestConfigs.Geo + "\n  harbor-ha:exposure: both");
        var release = program.Get("eu-central-1-harbor-release");
        Assert.Contains(new HarborHa.Model.Ref("eu-central-1-lb-public-https"), release.Options.DependsOn);
        Assert.Contains(new HarborHa.Model.Ref("eu-central-1-lb-internal-https"), release.Options.DependsOn);
    }
}
