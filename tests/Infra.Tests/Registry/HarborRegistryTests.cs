using HarborHa.Model;
using HarborHa.Registry;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Registry;

/// <summary>The Harbor component's resources and wiring, with stand-ins for the state tier.</summary>
public sealed class HarborRegistryTests
{
    private const string Region = "eu-central-1";

    private static readonly PulumiProgram Ha = RegistryPrograms.Build(TestConfigs.Ha).Program;

    [Fact]
    public void TheReleaseIsTheOfficialChartPinnedInItsOwnNamespace()
    {
        var release = Ha.HarborRelease(Region);

        Assert.Equal("harbor", release.Text("chart"));
        Assert.Equal("1.19.1", release.Text("version"));
        Assert.Equal((Value)"https://helm.goharbor.io", release.Prop("repositoryOpts.repo"));
        Assert.Equal(new Ref($"{Region}-harbor-namespace", "metadata.name"), release.Properties["namespace"]);
        Assert.Equal((Value)"harbor", Ha.Get($"{Region}-harbor-namespace").Prop("metadata.name"));
        Assert.False(((Flag)release.Properties["atomic"]).Value);
    }

    [Fact]
    public void EveryKubernetesResourceNamesItsRegionsProvider()
    {
        var (program, regions) = RegistryPrograms.Build(TestConfigs.Geo);

        foreach (var resource in program.KubernetesResources())
        {
            var region = regions.Single(r => resource.Name.StartsWith(r.Region.Name + "-", StringComparison.Ordinal));
            Assert.Equal(new Ref($"{region.Region.Name}-k8s"), resource.Options.Provider);
        }
    }

    [Fact]
    public void SecretsCarryTheStateReferencesUnderTheKeysTheChartReads()
    {
        string Key(string secret, string key) => ((Ref)StringData(Ha.Get($"{Region}-harbor-{secret}-secret"), key)).Expression;

        Assert.Equal($"${{{Region}-db-password.result}}", Key("database", "password"));
        Assert.Equal($"${{{Region}-cache-auth-token.result}}", Key("redis", "REDIS_PASSWORD"));
        Assert.Equal($"${{{Region}-storage-registry-key.id}}", Key("s3", "REGISTRY_STORAGE_S3_ACCESSKEY"));
        Assert.Equal($"${{{Region}-storage-registry-key.secret}}", Key("s3", "REGISTRY_STORAGE_S3_SECRETKEY"));
        Assert.Equal("${global-harbor-admin-password.result}", Key("admin", "HARBOR_ADMIN_PASSWORD"));
        Assert.Equal("${global-harbor-core-secret.result}", Key("internal", "secret"));
        Assert.Equal("${global-harbor-secret-key.result}", Key("internal", "secretKey"));
        Assert.Equal("${global-harbor-token-key.privateKeyPem}", Key("token", "tls.key"));
        Assert.Equal((Value)"kubernetes.io/tls", Ha.Get($"{Region}-harbor-token-secret").Properties["type"]);
    }

    [Fact]
    public void TheRegistryHtpasswdIsTheBcryptHashOfTheSharedPassword()
    {
        var htpasswd = (Interpolation)StringData(Ha.Get($"{Region}-harbor-registry-credentials-secret"), "REGISTRY_HTPASSWD");

        Assert.Equal([(Value)"harbor_registry_user:", new Ref("global-harbor-registry-password", "bcryptHash")], htpasswd.Parts);
    }

    [Fact]
    public void RotatedSecretsAreReplacedUnderANewNameSoPodsRoll()
    {
        foreach (var secret in Ha.OfType("kubernetes:core/v1:Secret"))
        {
            Assert.Contains("stringData", secret.Options.ReplaceOnChanges);
            Assert.False(((MapValue)secret.Properties["metadata"]).ContainsKey("name"));
            Assert.Contains("stringData", secret.Options.AdditionalSecretOutputs);
        }
    }

    [Fact]
    public void EachLoadBalancerGetsATargetGroupBindingToHarborsService()
    {
        var (program, _) = RegistryPrograms.Build(TestConfigs.Ha.Replace("harbor-ha:topology: ha", "harbor-ha:topology: ha\n  harbor-ha:exposure: both", StringComparison.Ordinal));
        var groups = program.OfType("kubernetes:yaml/v2:ConfigGroup");

        Assert.Equal([$"{Region}-harbor-internal-binding", $"{Region}-harbor-public-binding"], groups.Select(b => b.Name).ToArray());
        foreach (var group in groups)
        {
            var role = group.Name.Split('-')[^2];
            var binding = new Resource(group.Name, "object", (MapValue)Assert.Single(((ListValue)group.Properties["objs"]).Items), group.Options);
            Assert.Equal((Value)"TargetGroupBinding", binding.Properties["kind"]);
            Assert.Equal((Value)"elbv2.k8s.aws/v1beta1", binding.Properties["apiVersion"]);
            Assert.Equal((Value)"ip", binding.Prop("spec.targetType"));
            Assert.Equal((Value)"harbor", binding.Prop("spec.serviceRef.name"));
            Assert.Equal((Value)80, binding.Prop("spec.serviceRef.port"));
            Assert.Equal(new Ref($"{Region}-lb-{role}-tg", "arn"), binding.Prop("spec.targetGroupARN"));
            Assert.Equal((Value)$"harbor-{role}", binding.Prop("metadata.name"));
            Assert.Contains(new Ref($"{Region}-cluster-lb-controller-release"), binding.Options.DependsOn);
        }
    }

    [Fact]
    public void TheReleaseWaitsForTheControllerAndTheBindings()
    {
        var release = Ha.HarborRelease(Region);

        Assert.Contains(new Ref($"{Region}-cluster-lb-controller-release"), release.Options.DependsOn);
        Assert.Contains(new Ref($"{Region}-harbor-internal-binding"), release.Options.DependsOn);
        Assert.Contains(new Ref($"{Region}-cluster-addon-coredns"), release.Options.DependsOn);
    }

    [Fact]
    public void TheNamespaceTurnsOnLoadBalancerReadinessGates()
    {
        var labels = Ha.Get($"{Region}-harbor-namespace").Prop("metadata.labels");
        Assert.Equal((Value)"enabled", ((MapValue)labels)["elbv2.k8s.aws/pod-readiness-gate-inject"]);
    }

    [Fact]
    public void SharedSecretsAreDeclaredOnceAndUsedByEveryRegion()
    {
        var (program, regions) = RegistryPrograms.Build(TestConfigs.Geo);

        Assert.Single(program.Resources, r => r.Name == "global-harbor-token-cert");
        Assert.DoesNotContain(program.Resources, r => r.Name.Contains("harbor-token-cert", StringComparison.Ordinal) && !r.Name.StartsWith("global-", StringComparison.Ordinal));
        foreach (var region in regions)
        {
            Assert.Equal(new Ref("global-harbor-token-cert", "certPem"), StringData(program.Get($"{region.Region.Name}-harbor-token-secret"), "tls.crt"));
        }

        Assert.All(program.Resources.Where(r => r.Name.StartsWith("global-harbor-", StringComparison.Ordinal)),
            r => Assert.True(r.Options.Provider == new Ref("global-random") || r.Options.Provider == new Ref("global-tls"), r.Name));
    }

    [Fact]
    public void InternalSecretsHaveTheLengthsHarborRequires()
    {
        int Length(string name) => (int)((Number)Ha.Get($"global-harbor-{name}").Properties["length"]).Value;

        Assert.Equal(16, Length("core-secret"));
        Assert.Equal(16, Length("jobservice-secret"));
        Assert.Equal(16, Length("registry-http-secret"));
        Assert.Equal(16, Length("secret-key"));
        Assert.Equal(32, Length("xsrf-key"));
    }

    [Fact]
    public void TheAdminPasswordIsASecretOutputAndItsLocationIsPublished()
    {
        Assert.Equal(new Secret(new Ref("global-harbor-admin-password", "result")), Ha.Outputs["harborAdminPassword"]);
        var location = (Interpolation)Ha.Outputs["euCentral1AdminPasswordSecret"];
        Assert.Equal(new Ref($"{Region}-harbor-admin-secret", "metadata.name"), location.Parts[^1]);
    }

    [Fact]
    public void TheProgramIsDeterministic()
    {
        Assert.Equal(YamlWriter.Write(RegistryPrograms.Build(TestConfigs.Geo).Program), YamlWriter.Write(RegistryPrograms.Build(TestConfigs.Geo).Program));
    }

    /// <summary>A key of a Secret's stringData (keys may contain dots, e.g. tls.crt).</summary>
    private static Value StringData(Resource secret, string key) => ((MapValue)secret.Properties["stringData"])[key];
}
