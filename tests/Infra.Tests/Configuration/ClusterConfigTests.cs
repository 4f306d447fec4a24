using HarborHa.Configuration;
using HarborHa.Planning;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Configuration;

/// <summary>The cluster's config keys: <c>kubernetesVersion</c> and <c>clusterAdminArns</c>.</summary>
public sealed class ClusterConfigTests
{
    [Fact]
    public void TheKubernetesVersionDefaultsToAPinnedRelease()
    {
        var config = TestConfigs.Parse(TestConfigs.Ha);

        Assert.Equal(KubernetesReleases.Default, config.KubernetesVersion);
        Assert.True(KubernetesReleases.IsSupported(config.KubernetesVersion));
        Assert.Equal(["arn:aws:iam::111122223333:role/harbor-ha-deployer"], config.ClusterAdminArns);
    }

    [Fact]
    public void AnotherSupportedVersionIsAccepted()
    {
        var config = TestConfigs.Parse(TestConfigs.Ha + "\n  harbor-ha:kubernetesVersion: \"1.32\"\n");

        Assert.Equal("1.32", config.KubernetesVersion);
        Assert.Equal("1.32", TestConfigs.Synth(TestConfigs.Ha + "\n  harbor-ha:kubernetesVersion: \"1.32\"\n").Get("eu-central-1-cluster-eks").Text("version"));
    }

    [Fact]
    public void AVersionWithoutPinnedAddOnsIsAnErrorNamingTheKey()
    {
        var error = Assert.Throws<ConfigException>(() => TestConfigs.Parse(TestConfigs.Ha.Replace("  harbor-ha:clusterAdminArns: [arn:aws:iam::111122223333:role/harbor-ha-deployer]\n", "", StringComparison.Ordinal) + "\n  harbor-ha:kubernetesVersion: \"1.19\"\n"));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("harbor-ha:kubernetesVersion", problem.Key);
        Assert.Contains(KubernetesReleases.Default, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AdminArnsMustBeIamRolesOrUsers()
    {
        var error = Assert.Throws<ConfigException>(() => TestConfigs.Parse(TestConfigs.Ha.Replace("  harbor-ha:clusterAdminArns: [arn:aws:iam::111122223333:role/harbor-ha-deployer]\n", "", StringComparison.Ordinal) +
            "\n  harbor-ha:clusterAdminArns:\n    - arn:aws:iam::111122223333:role/admins\n    - arn:aws:s3:::bucket\n"));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("harbor-ha:clusterAdminArns[1]", problem.Key);
    }
}
