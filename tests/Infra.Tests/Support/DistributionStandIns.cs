using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Distribution;
using HarborHa.Dns;
using HarborHa.Model;
using HarborHa.Network;
using HarborHa.Planning;
using HarborHa.Stacks;

namespace HarborHa.Tests.Support;

/// <summary>
/// A geo program with small stand-ins for what the registry tier will declare per region (an EKS
/// cluster's Kubernetes provider, the Harbor release, the load balancers, the admin password), on
/// top of the real region stacks, then the distribution composition. The stand-ins are plain
/// resources of the right types, so references, dependencies and validation work as in the real program.
/// </summary>
public sealed record DistributionStandIns(PulumiProgram Program, StackConfig Config, IReadOnlyDictionary<string, RegionHarbor> Harbors, DistributionSystem System)
{
    public static DistributionStandIns Compose(string stackYaml, PublicZone? zone = null) => Compose(TestConfigs.Parse(stackYaml), zone);

    public static DistributionStandIns Compose(StackConfig config, PublicZone? zone = null)
    {
        var program = new PulumiProgram("harbor-ha");
        var services = StackServices.Create(program, config);
        var global = services.Global;
        var harbors = new SortedDictionary<string, RegionHarbor>(StringComparer.Ordinal);
        foreach (var region in config.Regions)
        {
            var stack = new RegionStack(program, config, services, region, NatStrategy.PerAz, Redundancy.MultiAz);
            harbors[region.Name] = StandIn(program, config, global, stack);
        }

        var system = GeoDistribution.Compose(program, config, global, harbors, zone ?? services.Zone);
        return new DistributionStandIns(program, config, harbors, system);
    }

    private static RegionHarbor StandIn(PulumiProgram program, StackConfig config, GlobalProviders global, RegionStack stack)
    {
        var region = stack.Region.Name;
        var aws = stack.Providers.Aws;
        var kubernetes = program.Add($"{region}-standin-k8s", Resource.ProviderPrefix + "kubernetes",
            new MapValue { ["kubeconfig"] = "stand-in" }, new ResourceOptions { Version = ProviderVersions.Kubernetes }).Self;
        var password = program.Declare($"{region}-standin-admin-password", "random:index/randomPassword:RandomPassword", global.Random,
            new MapValue { ["length"] = 32, ["special"] = false });
        var release = program.Declare($"{region}-standin-harbor-release", "kubernetes:helm.sh/v3:Release", kubernetes, new MapValue
        {
            ["chart"] = "harbor",
            ["version"] = "1.19.1",
            ["repositoryOpts"] = new MapValue { ["repo"] = "https://helm.goharbor.io" },
            ["values"] = HarborDistributionValues.For(config, region),
        });
        LoadBalancerEndpoint Alb(string role, bool @internal, SubnetTier tier)
        {
            var lb = program.Declare($"{region}-standin-alb-{role}", "aws:lb/loadBalancer:LoadBalancer", aws, new MapValue
            {
                ["internal"] = @internal,
                ["loadBalancerType"] = "application",
                ["subnets"] = new ListValue(stack.Network.SubnetIds[tier].Cast<Value>().ToArray()),
            });
            return new LoadBalancerEndpoint(lb.Out("dnsName"), lb.Out("zoneId"));
        }

        return new RegionHarbor
        {
            Region = stack.Region,
            AwsProvider = aws,
            KubernetesProvider = kubernetes,
            HarborRelease = release.Self,
            PrivateEndpoint = $"https://{config.RegionalHost(region)}",
            AdminPassword = password.Out("result"),
            VpcId = stack.Network.VpcId,
            Nodes = stack.Nodes,
            DataSubnetIds = stack.Network.SubnetIds[SubnetTier.Data],
            PrivateSubnetIds = stack.Network.SubnetIds[SubnetTier.Private],
            InternalLoadBalancer = Alb("internal", true, SubnetTier.Private),
            PublicLoadBalancer = config.Exposure == Exposure.Both ? Alb("public", false, SubnetTier.Public) : null,
        };
    }
}
