using HarborHa.Cluster;
using HarborHa.Model;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.FirstDeploy;

/// <summary>
/// What the first deploy needs in order, over generated configs: NAT gateways after the internet
/// gateway, the VPC CNI after its role's policy, the Load Balancer Controller after its role policy;
/// and no Kubernetes provider that forgets objects of a cluster it cannot reach.
/// </summary>
public sealed class ProviderAndOrderingTests
{
    [Theory]
    [MemberData(nameof(FirstDeployConfigs.Names), MemberType = typeof(FirstDeployConfigs))]
    public void No_kubernetes_provider_sets_delete_unreachable(string name)
    {
        var program = FirstDeployConfigs.Synth(name);

        var providers = program.Resources.Where(r => r.Type == Resource.ProviderPrefix + "kubernetes").ToArray();
        Assert.NotEmpty(providers);
        Assert.All(providers, p => Assert.False(p.Properties.ContainsKey("deleteUnreachable"), $"{p.Name} sets deleteUnreachable"));
    }

    [Fact]
    public void A_lost_region_rebuild_may_opt_in_explicitly()
    {
        var program = new PulumiProgram("test");
        var provider = program.Add("aws", Resource.ProviderPrefix + "aws", new MapValue()).Self;
        var random = program.Add("random", Resource.ProviderPrefix + "random", new MapValue()).Self;
        var tls = program.Add("tls", Resource.ProviderPrefix + "tls", new MapValue()).Self;
        var nodes = new HarborHa.Network.SecurityGroup(program, provider, "eu-west-1-cluster-nodes-sg", new Ref("vpc"), "nodes", allowAllEgress: true);
        var args = new EksClusterArgs
        {
            Region = "eu-west-1",
            PrivateSubnetIds = [new Ref("subnet-a"), new Ref("subnet-b")],
            NodeSecurityGroup = nodes,
            RandomProvider = random,
            TlsProvider = tls,
            KubernetesVersion = HarborHa.Planning.KubernetesReleases.Default,
            Addons = Stacks.ConfigMapping.Addons(HarborHa.Planning.KubernetesReleases.Default),
            ForgetUnreachableObjects = true,
        };

        _ = new EksCluster(program, provider, args);

        Assert.Equal(new Flag(true), program.Get("eu-west-1-k8s").Properties["deleteUnreachable"]);
        Assert.False(new EksClusterArgs { Region = "x", PrivateSubnetIds = [], NodeSecurityGroup = nodes, RandomProvider = random, TlsProvider = tls, KubernetesVersion = "1", Addons = args.Addons }.ForgetUnreachableObjects);
    }

    [Theory]
    [MemberData(nameof(FirstDeployConfigs.Names), MemberType = typeof(FirstDeployConfigs))]
    public void Nat_gateways_wait_for_the_internet_gateway(string name)
    {
        var program = FirstDeployConfigs.Synth(name);

        var nats = program.OfType(ResourceTypes.NatGateway);
        Assert.NotEmpty(nats);
        Assert.All(nats, nat =>
        {
            var region = nat.Name[..nat.Name.IndexOf("-network-", StringComparison.Ordinal)];
            Assert.Contains(nat.Options.DependsOn, d => d.Target == $"{region}-network-igw" && program.Get(d.Target).Type == ResourceTypes.InternetGateway);
        });
    }

    [Theory]
    [MemberData(nameof(FirstDeployConfigs.Names), MemberType = typeof(FirstDeployConfigs))]
    public void The_vpc_cni_waits_for_its_policy_and_the_controller_for_its_role_policy(string name)
    {
        var program = FirstDeployConfigs.Synth(name);

        var addons = program.OfType(ResourceTypes.EksAddon).Where(a => a.Text("addonName") == "vpc-cni").ToArray();
        Assert.NotEmpty(addons);
        foreach (var cni in addons)
        {
            var role = ((Ref)cni.Properties["serviceAccountRoleArn"]).Target;
            var attachments = program.OfType(ResourceTypes.IamRolePolicyAttachment).Where(a => a.Properties["role"] is Ref r && r.Target == role).ToArray();
            Assert.NotEmpty(attachments);
            Assert.All(attachments, a => Assert.Contains(cni.Options.DependsOn, d => d.Target == a.Name));
        }

        var releases = program.OfType(ResourceTypes.HelmRelease).Where(r => r.Name.EndsWith("-cluster-lb-controller-release", StringComparison.Ordinal)).ToArray();
        Assert.Equal(addons.Length, releases.Length);
        foreach (var release in releases)
        {
            var region = release.Name[..release.Name.IndexOf("-cluster-", StringComparison.Ordinal)];
            var policies = program.Resources.Where(r => r.Name.StartsWith($"{region}-cluster-lb-controller-", StringComparison.Ordinal) && r.Type is ResourceTypes.IamRolePolicy or ResourceTypes.IamRolePolicyAttachment).ToArray();
            Assert.NotEmpty(policies);
            Assert.All(policies, p => Assert.Contains(release.Options.DependsOn, d => d.Target == p.Name));
        }
    }
}
