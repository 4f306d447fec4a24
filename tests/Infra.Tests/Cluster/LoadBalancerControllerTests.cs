using HarborHa.Cluster;
using HarborHa.Model;
using HarborHa.Tests.Registry;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Cluster;

public sealed class LoadBalancerControllerTests
{
    private static readonly PulumiProgram Geo = TestConfigs.Synth(TestConfigs.Geo + "\n  harbor-ha:exposure: both\n");

    private static Resource Release(string region) => Geo.Get($"{region}-cluster-lb-controller-release");

    [Fact]
    public void TheChartIsPinnedAndInstalledIntoKubeSystemOnTheRegionsCluster()
    {
        var release = Release("eu-central-1");

        Assert.Equal("aws-load-balancer-controller", release.Text("chart"));
        Assert.Equal(LoadBalancerController.ChartVersion, release.Text("version"));
        Assert.Equal((Value)"https://aws.github.io/eks-charts", release.Prop("repositoryOpts.repo"));
        Assert.Equal("kube-system", release.Text("namespace"));
        Assert.Equal(new Ref("eu-central-1-k8s"), release.Options.Provider);
        Assert.Contains(new Ref("eu-central-1-cluster-nodes"), release.Options.DependsOn);
    }

    [Fact]
    public void ValuesNameTheRegionVpcAndTheServiceAccountsRole()
    {
        var values = Release("eu-central-1").Values();

        Assert.Equal((Value)"eu-central-1", values["region"]);
        Assert.Equal(new Ref("eu-central-1-network-vpc", "id"), values["vpcId"]);
        Assert.Equal(new Ref("eu-central-1-cluster-eks", "name"), values["clusterName"]);
        var annotations = values.MapAt("serviceAccount.annotations");
        Assert.Equal(new Ref("eu-central-1-cluster-lb-controller-role", "arn"), annotations["eks.amazonaws.com/role-arn"]);
        Assert.Equal((Value)LoadBalancerController.ServiceAccount, values.At("serviceAccount.name"));
        Assert.False(((Flag)values["enableServiceMutatorWebhook"]).Value);
    }

    [Fact]
    public void ChinaRegionsPullTheImageFromTheirOwnRegistry()
    {
        Assert.Equal((Value)"918309763551.dkr.ecr.cn-north-1.amazonaws.com.cn/amazon/aws-load-balancer-controller",
            Release("cn-north-1").Values().At("image.repository"));
        Assert.Equal((Value)"961992271922.dkr.ecr.cn-northwest-1.amazonaws.com.cn/amazon/aws-load-balancer-controller",
            Release("cn-northwest-1").Values().At("image.repository"));
        // Overseas: the chart's public ECR image, named explicitly so it can be pinned by digest.
        Assert.Equal((Value)LoadBalancerController.DefaultImageRepository, Release("eu-central-1").Values().At("image.repository"));
        Assert.Equal((Value)LoadBalancerController.ImageTag, Release("eu-central-1").Values().At("image.tag"));
    }

    [Fact]
    public void ItsRoleIsForItsServiceAccountAndMayRegisterOnlyHarborsTargets()
    {
        var trust = (Interpolation)Geo.Get("eu-central-1-cluster-lb-controller-role").Properties["assumeRolePolicy"];
        Assert.Contains(trust.Parts, p => p is Text t && t.Value.Contains("system:serviceaccount:kube-system:aws-load-balancer-controller", StringComparison.Ordinal));

        var policy = (MapValue)((ToJson)Geo.Get("eu-central-1-cluster-lb-controller-policy").Properties["policy"]).Inner;
        var statements = ((ListValue)policy["Statement"]).Items.Cast<MapValue>().ToArray();
        var register = statements.Single(s => ((ListValue)s["Action"]).Items.Contains((Value)"elasticloadbalancing:RegisterTargets"));
        Assert.Equal(
            [new Ref("eu-central-1-lb-internal-tg", "arn"), new Ref("eu-central-1-lb-public-tg", "arn")],
            ((ListValue)register["Resource"]).Items.Cast<Ref>().OrderBy(r => r.Target, StringComparer.Ordinal));
        Assert.All(statements.Where(s => s["Resource"] == (Value)"*").SelectMany(s => ((ListValue)s["Action"]).Items).Cast<Text>(),
            a => Assert.Matches(":(Describe|Get)", a.Value));
        Assert.DoesNotContain(statements.SelectMany(s => ((ListValue)s["Action"]).Items).Cast<Text>(),
            a => a.Value.Contains("Create", StringComparison.Ordinal) || a.Value.Contains("Delete", StringComparison.Ordinal));
    }
}
