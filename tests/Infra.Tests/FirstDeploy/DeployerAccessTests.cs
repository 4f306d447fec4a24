using HarborHa.Model;
using HarborHa.Tests.Registry;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.FirstDeploy;

/// <summary>
/// <c>harbor-ha:deployerCidrs</c>: with it every EKS API opens to exactly those CIDRs and every region
/// admits them on 443 and nothing else; without it, APIs outside dev stay private.
/// </summary>
public sealed class DeployerAccessTests
{
    private static readonly string[] Deployers = ["198.51.100.0/24", "192.0.2.10/32"];

    private const string Key = "  harbor-ha:deployerCidrs: [198.51.100.0/24, 192.0.2.10/32]\n";

    [Theory]
    [MemberData(nameof(FirstDeployConfigs.Names), MemberType = typeof(FirstDeployConfigs))]
    public void Every_eks_api_opens_to_exactly_the_deployer_cidrs(string name)
    {
        var program = FirstDeployConfigs.Synth(name, Key);

        var clusters = program.OfType(ResourceTypes.EksCluster);
        Assert.NotEmpty(clusters);
        Assert.All(clusters, eks =>
        {
            Assert.True(((Flag)eks.Prop("vpcConfig.endpointPublicAccess")).Value);
            Assert.True(((Flag)eks.Prop("vpcConfig.endpointPrivateAccess")).Value);
            Assert.Equal(Deployers.Order(StringComparer.Ordinal), ((ListValue)eks.Prop("vpcConfig.publicAccessCidrs")).Items.Cast<Text>().Select(t => t.Value).Order(StringComparer.Ordinal));
        });
    }

    [Theory]
    [MemberData(nameof(FirstDeployConfigs.Names), MemberType = typeof(FirstDeployConfigs))]
    public void Every_region_admits_the_deployers_on_443_and_nothing_else(string name)
    {
        var program = FirstDeployConfigs.Synth(name, Key);
        var regions = program.OfType(ResourceTypes.EksCluster).Select(e => e.Name[..e.Name.IndexOf("-cluster-", StringComparison.Ordinal)]).ToArray();

        var rules = program.OfType(ResourceTypes.IngressRule).Where(r => r.Text("cidrIpv4") is { } c && Deployers.Contains(c)).ToArray();
        Assert.All(rules, r =>
        {
            Assert.Equal("tcp", r.Text("ipProtocol"));
            Assert.Equal(443L, ((Number)r.Prop("fromPort")).Value);
            Assert.Equal(443L, ((Number)r.Prop("toPort")).Value);
        });
        foreach (var region in regions)
        {
            // The region's internet-facing load balancer: its group admits each deployer CIDR.
            var alb = program.Get($"{region}-lb-public-alb");
            Assert.False(((Flag)alb.Properties["internal"]).Value);
            var group = $"{region}-lb-public-sg";
            Assert.All(Deployers, d => Assert.Contains(rules, r => r.Name.StartsWith(group, StringComparison.Ordinal) && r.Text("cidrIpv4") == d));

            // ... and forwards every path to them (the Harbor provider calls /api/v2.0).
            var forward = program.Get($"{region}-lb-public-https-deployers");
            Assert.Equal(Deployers, ((ListValue)((MapValue)((ListValue)forward.Properties["conditions"]).Items[0]).At("sourceIp.values")).Items.Cast<Text>().Select(t => t.Value));
        }

        // Nothing wider: no rule from a deployer CIDR on another port, and the internal side is unchanged.
        Assert.DoesNotContain(program.OfType(ResourceTypes.IngressRule), r => r.Text("cidrIpv4") is { } c && Deployers.Contains(c) && r.Name.Contains("-internal-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FirstDeployConfigs.Names), MemberType = typeof(FirstDeployConfigs))]
    public void The_private_path_is_unchanged_by_deployer_cidrs(string name)
    {
        var without = FirstDeployConfigs.Synth(name);
        var with = FirstDeployConfigs.Synth(name, Key);

        // Every resource of the private path keeps its name and properties; what the key adds is the public side only.
        var changes = ProgramChanges.Between(without, with);
        Assert.Empty(changes.Removed);
        Assert.All(changes.Added, a => Assert.True(a.Contains("-lb-public-", StringComparison.Ordinal) || a.EndsWith("-harbor-public-binding", StringComparison.Ordinal), $"unexpected addition {a}"));
        // Expected knock-on changes: the API endpoint, the controller's policy naming the new target group,
        // Harbor waiting for the new listener rules, and the public name moving to the public load balancer.
        static bool Expected(KeyValuePair<string, IReadOnlyList<string>> c) =>
            c.Key.EndsWith("-cluster-eks", StringComparison.Ordinal)
            || c.Key.EndsWith("-lb-dns", StringComparison.Ordinal)
            || (c.Key.EndsWith("-cluster-lb-controller-policy", StringComparison.Ordinal) && c.Value.SequenceEqual(["policy"]))
            || (c.Key.Contains("-harbor-", StringComparison.Ordinal) && c.Value.SequenceEqual(["options.dependsOn"]));
        var changed = string.Join(", ", changes.Changed.Where(c => !Expected(c)).Select(c => $"{c.Key} ({string.Join(", ", c.Value)})"));
        Assert.True(changed.Length == 0, changed);
    }

    [Theory]
    [MemberData(nameof(FirstDeployConfigs.Names), MemberType = typeof(FirstDeployConfigs))]
    public void Without_the_key_apis_outside_dev_stay_private(string name)
    {
        if (FirstDeployConfigs.ByName(name).Environment == "dev")
        {
            return;
        }

        var program = FirstDeployConfigs.Synth(name);

        Assert.All(program.OfType(ResourceTypes.EksCluster), eks => Assert.False(((Flag)eks.Prop("vpcConfig.endpointPublicAccess")).Value));
    }

    [Theory]
    [InlineData("[0.0.0.0/0]", "harbor-ha:deployerCidrs[0]", "must not be 0.0.0.0/0")]
    [InlineData("[198.51.100.0/24, 10.0.0.0/33]", "harbor-ha:deployerCidrs[1]", "must be an IPv4 CIDR block")]
    [InlineData("[198.51.100.0/24, 198.51.100.0/24]", "harbor-ha:deployerCidrs", "more than once")]
    [InlineData("198.51.100.0/24", "harbor-ha:deployerCidrs", "list")]
    public void Bad_deployer_cidrs_are_refused_naming_the_key(string value, string key, string message)
    {
        var e = Assert.Throws<HarborHa.Configuration.ConfigException>(() => TestConfigs.Parse(TestConfigs.Ha + $"\n  harbor-ha:deployerCidrs: {value}\n"));

        Assert.Contains(e.Errors, x => x.Key == key && x.Message.Contains(message, StringComparison.Ordinal));
    }
}
