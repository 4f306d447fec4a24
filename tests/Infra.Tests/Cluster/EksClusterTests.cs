using System.Text.Json;
using HarborHa.Cluster;
using HarborHa.Model;
using HarborHa.Planning;
using HarborHa.Tests.Registry;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Cluster;

public sealed class EksClusterTests
{
    private const string Region = "eu-central-1";

    private static readonly PulumiProgram Ha = TestConfigs.Synth(TestConfigs.Ha);

    private static Resource Eks(PulumiProgram program, string region = Region) => program.Get($"{region}-cluster-eks");

    [Fact]
    public void TheClusterRunsThePinnedVersionWithEveryLogTypeAndEncryptedSecrets()
    {
        var eks = Eks(Ha);

        Assert.Equal(KubernetesReleases.Default, eks.Text("version"));
        Assert.Equal(["api", "audit", "authenticator", "controllerManager", "scheduler"],
            ((ListValue)eks.Properties["enabledClusterLogTypes"]).Items.Cast<Text>().Select(t => t.Value));
        Assert.Equal(new Ref($"{Region}-cluster-secrets-key", "arn"), eks.Prop("encryptionConfig.provider.keyArn"));
        Assert.Equal([(Value)"secrets"], ((ListValue)eks.Prop("encryptionConfig.resources")).Items);
        Assert.True(((Flag)Ha.Get($"{Region}-cluster-secrets-key").Properties["enableKeyRotation"]).Value);
        Assert.Contains(new Ref($"{Region}-cluster-logs"), eks.Options.DependsOn);
    }

    [Fact]
    public void TheApiEndpointIsPrivateUnlessCidrsAreConfigured()
    {
        var open = TestConfigs.Synth(TestConfigs.Ha + "\n  harbor-ha:clusterPublicAccessCidrs:\n    - 203.0.113.0/24\n");

        Assert.True(((Flag)Eks(Ha).Prop("vpcConfig.endpointPrivateAccess")).Value);
        Assert.False(((Flag)Eks(Ha).Prop("vpcConfig.endpointPublicAccess")).Value);
        Assert.False(((MapValue)Eks(Ha).Properties["vpcConfig"]).ContainsKey("publicAccessCidrs"));
        Assert.True(((Flag)Eks(open).Prop("vpcConfig.endpointPublicAccess")).Value);
        Assert.Equal([(Value)"203.0.113.0/24"], ((ListValue)Eks(open).Prop("vpcConfig.publicAccessCidrs")).Items);
    }

    [Fact]
    public void TheClusterAndItsKeyAreProtectedOutsideDev()
    {
        var dev = TestConfigs.Synth(TestConfigs.SingleSite);

        Assert.True(Eks(Ha).Options.Protect);
        Assert.True(((Flag)Eks(Ha).Properties["deletionProtection"]).Value);
        Assert.True(Ha.Get($"{Region}-cluster-secrets-key").Options.Protect);
        Assert.False(Eks(dev, "ap-southeast-1").Options.Protect);
    }

    [Fact]
    public void NodesSpanThePrivateSubnetOfEveryZone()
    {
        var nodes = Ha.Get($"{Region}-cluster-nodes");
        var subnets = ((ListValue)nodes.Properties["subnetIds"]).Items.Cast<Ref>().Select(r => r.Target).ToArray();

        Assert.Equal(["a", "b", "c"], subnets.Select(s => s[^1..]).ToArray());
        Assert.All(subnets, s => Assert.Equal("aws:ec2/subnet:Subnet", Ha.Get(s).Type));
        Assert.All(subnets, s => Assert.Contains("-network-private-", s, StringComparison.Ordinal));
        Assert.Equal(new Number(3), nodes.Prop("scalingConfig.minSize"));
    }

    [Fact]
    public void TheLaunchTemplateRequiresImdsV2EncryptsTheVolumeAndAttachesBothGroups()
    {
        var template = Ha.Get($"{Region}-cluster-node-template");

        Assert.Equal((Value)"required", template.Prop("metadataOptions.httpTokens"));
        Assert.Equal(new Number(1), template.Prop("metadataOptions.httpPutResponseHopLimit"));
        var volume = (MapValue)((MapValue)((ListValue)template.Properties["blockDeviceMappings"]).Items[0])["ebs"];
        Assert.Equal((Value)"true", volume["encrypted"]);
        Assert.Equal(
            [new Ref($"{Region}-cluster-nodes-sg", "id"), new Ref($"{Region}-cluster-eks", "vpcConfig.clusterSecurityGroupId")],
            ((ListValue)template.Properties["vpcSecurityGroupIds"]).Items);
        Assert.Equal(new Ref($"{Region}-cluster-node-template", "id"), Ha.Get($"{Region}-cluster-nodes").Prop("launchTemplate.id"));
    }

    [Fact]
    public void CoreAddOnsArePinnedForTheVersionAndOrderedAroundTheNodes()
    {
        var addons = KubernetesReleases.AddonsFor(KubernetesReleases.Default);
        string Version(string addon) => Ha.Get($"{Region}-cluster-addon-{addon}").Text("addonVersion")!;

        Assert.Equal(addons.VpcCni, Version("vpc-cni"));
        Assert.Equal(addons.CoreDns, Version("coredns"));
        Assert.Equal(addons.KubeProxy, Version("kube-proxy"));
        Assert.Contains(new Ref($"{Region}-cluster-addon-vpc-cni"), Ha.Get($"{Region}-cluster-nodes").Options.DependsOn);
        Assert.Contains(new Ref($"{Region}-cluster-nodes"), Ha.Get($"{Region}-cluster-addon-coredns").Options.DependsOn);
        Assert.False(((Flag)Eks(Ha).Properties["bootstrapSelfManagedAddons"]).Value);
    }

    [Fact]
    public void TheNodeRoleHasNoCniOrStoragePermissions()
    {
        var policies = Ha.OfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")
            .Where(a => a.Properties["role"] == new Ref($"{Region}-cluster-node-role", "id"))
            .Select(a => a.Text("policyArn")!)
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(["arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly", "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"], policies);
        Assert.Equal(new Ref($"{Region}-cluster-vpc-cni-role", "arn"), Ha.Get($"{Region}-cluster-addon-vpc-cni").Properties["serviceAccountRoleArn"]);
    }

    [Fact]
    public void ChinaRolesUseTheChinaPartitionAndEc2Principal()
    {
        var geo = TestConfigs.Synth(TestConfigs.Geo);
        var trust = (ToJson)geo.Get("cn-north-1-cluster-node-role").Properties["assumeRolePolicy"];

        Assert.Contains(ValueWalker.Descendants(trust), v => v == (Value)"ec2.amazonaws.com.cn");
        Assert.StartsWith("arn:aws-cn:iam::aws:policy/", geo.Get("cn-north-1-cluster-node-role-worker-policy").Text("policyArn"), StringComparison.Ordinal);
        Assert.StartsWith("arn:aws:iam::aws:policy/", geo.Get("eu-central-1-cluster-node-role-worker-policy").Text("policyArn"), StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceAccountTrustPoliciesAreValidJsonForExactlyOneServiceAccount()
    {
        var trust = (Interpolation)Ha.Get($"{Region}-cluster-vpc-cni-role").Properties["assumeRolePolicy"];
        var json = string.Concat(trust.Parts.Select(p => p switch
        {
            Text t => t.Value,
            Ref r when r.Target == $"{Region}-cluster-oidc-issuer" => "oidc.eks.eu-central-1.amazonaws.com/id/ABC",
            Ref => "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-central-1.amazonaws.com/id/ABC",
            _ => throw new InvalidOperationException(p.ToString()),
        }));

        using var document = JsonDocument.Parse(json);
        var statement = document.RootElement.GetProperty("Statement")[0];
        var condition = statement.GetProperty("Condition").GetProperty("StringEquals");
        Assert.Equal("system:serviceaccount:kube-system:aws-node", condition.GetProperty("oidc.eks.eu-central-1.amazonaws.com/id/ABC:sub").GetString());
        Assert.Equal("sts.amazonaws.com", condition.GetProperty("oidc.eks.eu-central-1.amazonaws.com/id/ABC:aud").GetString());
        Assert.Equal("sts:AssumeRoleWithWebIdentity", statement.GetProperty("Action").GetString());
    }

    [Fact]
    public void TheIssuerPrefixIsCutFromTheOidcProviderArn()
    {
        var issuer = Ha.Variables[$"{Region}-cluster-oidc-issuer"];

        Assert.Equal(new Select(1, new Split("oidc-provider/", new Ref($"{Region}-cluster-oidc", "arn"))), issuer);
        Assert.Equal(new Ref($"{Region}-cluster-eks", "identities[0].oidcs[0].issuer"), Ha.Get($"{Region}-cluster-oidc").Properties["url"]);
    }

    [Fact]
    public void EachRegionHasAKubernetesProviderBuiltFromItsCluster()
    {
        var geo = TestConfigs.Synth(TestConfigs.Geo + "\n  harbor-ha:awsProfile: global\n  harbor-ha:awsCnProfile: china\n");

        foreach (var region in new[] { "cn-north-1", "eu-central-1" })
        {
            var provider = geo.Get($"{region}-k8s");
            Assert.Equal("pulumi:providers:kubernetes", provider.Type);
            Assert.Equal("4.34.2", provider.Options.Version);
            var kubeconfig = (MapValue)((ToJson)provider.Properties["kubeconfig"]).Inner;
            var cluster = (MapValue)((MapValue)((ListValue)kubeconfig["clusters"]).Items[0])["cluster"];
            Assert.Equal(new Ref($"{region}-cluster-eks", "endpoint"), cluster["server"]);
            Assert.Equal(new Ref($"{region}-cluster-eks", "certificateAuthority.data"), cluster["certificate-authority-data"]);
            var exec = ((MapValue)((MapValue)((ListValue)kubeconfig["users"]).Items[0])["user"])["exec"];
            var args = ((ListValue)((MapValue)exec)["args"]).Items;
            Assert.Equal(new Ref($"{region}-cluster-eks", "name"), args[3]);
            Assert.Equal((Value)region, args[5]);
            Assert.Equal((Value)(region.StartsWith("cn-", StringComparison.Ordinal) ? "china" : "global"), args[^1]);
        }
    }

    [Fact]
    public void ClusterAdminsGetAccessEntriesInTheirPartitionOnly()
    {
        var geo = TestConfigs.Synth(TestConfigs.Geo.Replace("  harbor-ha:clusterAdminArns: [arn:aws:iam::111122223333:role/harbor-ha-deployer, arn:aws-cn:iam::444455556666:role/harbor-ha-deployer]\n", "", StringComparison.Ordinal)
            + "\n  harbor-ha:clusterAdminArns:\n    - arn:aws:iam::111122223333:role/platform-admins\n    - arn:aws-cn:iam::444455556666:role/ops\n");

        var entries = geo.OfType("aws:eks/accessEntry:AccessEntry").Select(e => e.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            ["ap-southeast-1-cluster-admin-111122223333-role-platform-admins", "cn-north-1-cluster-admin-444455556666-role-ops",
                "cn-northwest-1-cluster-admin-444455556666-role-ops", "eu-central-1-cluster-admin-111122223333-role-platform-admins"],
            entries);
        var policy = geo.Get("cn-north-1-cluster-admin-444455556666-role-ops-policy");
        Assert.Equal("arn:aws-cn:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", policy.Text("policyArn"));
    }

    [Theory]
    [InlineData("m6i.xlarge", "AL2023_x86_64_STANDARD")]
    [InlineData("m7i-flex.large", "AL2023_x86_64_STANDARD")]
    [InlineData("g4dn.xlarge", "AL2023_x86_64_STANDARD")]
    [InlineData("m7g.large", "AL2023_ARM_64_STANDARD")]
    [InlineData("c6gn.xlarge", "AL2023_ARM_64_STANDARD")]
    [InlineData("r6gd.large", "AL2023_ARM_64_STANDARD")]
    public void GravitonInstancesGetTheArmImage(string instanceType, string amiType)
    {
        Assert.Equal(amiType, EksCluster.AmiTypeFor(instanceType));
    }

    [Fact]
    public void TheWholeProgramWithHarborIsValidInEveryTopology()
    {
        foreach (var stackYaml in new[] { TestConfigs.SingleSite, TestConfigs.Ha, TestConfigs.Geo })
        {
            Assert.Empty(ProgramValidator.Validate(RegistryPrograms.Build(stackYaml).Program));
        }
    }

    [Fact]
    public void The_private_api_endpoint_admits_the_stacks_private_network_by_default_and_config_overrides_it()
    {
        static string[] Sources(HarborHa.Model.PulumiProgram program, string region) => program.OfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
            .Where(r => r.Name.StartsWith($"{region}-cluster-api-from-", StringComparison.Ordinal))
            .Select(r => r.Text("cidrIpv4")!).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["10.0.0.0/9", "10.128.0.0/9"], Sources(TestConfigs.Synth(TestConfigs.Geo), "eu-central-1"));
        Assert.Equal(["10.128.0.0/9"], Sources(TestConfigs.Synth(TestConfigs.Ha), "eu-central-1"));
        Assert.Equal(["192.168.10.0/24"], Sources(TestConfigs.Synth(TestConfigs.Ha + "\n  harbor-ha:clusterPrivateAccessCidrs: [192.168.10.0/24]"), "eu-central-1"));
        var rule = TestConfigs.Synth(TestConfigs.Ha).Get("eu-central-1-cluster-api-from-10-128-0-0-9");
        Assert.Equal(new HarborHa.Model.Ref("eu-central-1-cluster-eks", "vpcConfig.clusterSecurityGroupId"), rule.Properties["securityGroupId"]);
    }
}
