using HarborHa.Estimates;
using HarborHa.Model;
using HarborHa.Planning;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.FirstDeploy;

/// <summary>The default Kubernetes version is in EKS standard support (not the six-times-dearer extended support) in both partitions.</summary>
public sealed class KubernetesVersionTests
{
    [Fact]
    public void The_default_version_is_in_standard_support_on_the_day_it_was_chosen()
    {
        var support = PriceTable.Default.SupportOf(KubernetesReleases.Default);

        Assert.NotNull(support);
        Assert.True(support.StandardEnds > new DateOnly(2026, 12, 2), $"{KubernetesReleases.Default} leaves standard support on {support.StandardEnds}");
        Assert.True(KubernetesReleases.IsSupported(KubernetesReleases.Default));
    }

    [Theory]
    [MemberData(nameof(FirstDeployConfigs.Names), MemberType = typeof(FirstDeployConfigs))]
    public void Every_cluster_runs_the_default_with_add_on_builds_of_its_own_version(string name)
    {
        var program = FirstDeployConfigs.Synth(name);

        Assert.All(program.OfType(ResourceTypes.EksCluster), eks => Assert.Equal(KubernetesReleases.Default, ((Text)eks.Properties["version"]).Value));
        var kubeProxies = program.OfType(ResourceTypes.EksAddon).Where(a => ((Text)a.Properties["addonName"]).Value == "kube-proxy").ToArray();
        Assert.NotEmpty(kubeProxies);
        // kube-proxy's build carries the Kubernetes minor version it is made for.
        Assert.All(kubeProxies, a => Assert.StartsWith($"v{KubernetesReleases.Default}.", ((Text)a.Properties["addonVersion"]).Value, StringComparison.Ordinal));
    }
}
