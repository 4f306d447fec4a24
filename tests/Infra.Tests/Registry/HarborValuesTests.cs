using HarborHa.Model;
using HarborHa.Registry;
using HarborHa.Tests.Support;
using HarborHa.Tests.Support.HelmValues;
using Xunit;

namespace HarborHa.Tests.Registry;

/// <summary>The Harbor release's values against the pinned chart's values.yaml, and what they configure.</summary>
public sealed class HarborValuesTests
{
    private static readonly ChartValuesSchema Chart = ChartValuesSchema.Load(SharedFixtures.HarborValues);

    public static TheoryData<string> Topologies => new() { TestConfigs.SingleSite, TestConfigs.Ha, TestConfigs.Geo };

    [Theory]
    [MemberData(nameof(Topologies))]
    public void EveryValueTheProgramSetsIsAKeyOfTheChart(string stackYaml)
    {
        var (program, regions) = RegistryPrograms.Build(stackYaml);

        foreach (var region in regions)
        {
            var values = program.HarborRelease(region.Region.Name).Values();
            Assert.Empty(Chart.Problems(values));
            Assert.Same(region.Registry!.Values, values);
        }
    }

    [Fact]
    public void OnlyTheChartsDocumentedOptionalKeysComeFromComments()
    {
        var (program, _) = RegistryPrograms.Build(TestConfigs.Ha);
        var values = program.HarborRelease("eu-central-1").Values();

        var commentedOnly = ChartValuesSchema.PathsOf(values).Where(p => Chart.Knows(p) && !Chart.Declares(p)).ToArray();

        // The S3 key secret and the containers' resources are documented as commented-out keys in
        // values.yaml 1.19.1 and read by its templates; nothing else relies on a comment.
        Assert.All(commentedOnly, p => Assert.True(
            p is "persistence.imageChartStorage.s3.existingSecret" or "persistence.imageChartStorage.s3.secure" || p.Contains(".resources", StringComparison.Ordinal),
            $"{p} is known from a comment only"));
        Assert.Contains("persistence.imageChartStorage.s3.existingSecret", commentedOnly);
    }

    [Fact]
    public void HarborRunsBehindTheLoadBalancerWithTlsEndingThere()
    {
        var values = Build(replicas: 2, requireSpread: true);

        Assert.Equal("clusterIP", Text(values, "expose.type"));
        Assert.False(((Flag)values.At("expose.tls.enabled")).Value);
        Assert.Equal(HarborChart.ServiceName, Text(values, "expose.clusterIP.name"));
        Assert.Equal("https://eu-central-1.registry.example.com", Text(values, "externalURL"));
    }

    [Fact]
    public void StateIsExternalWithEncryptionInTransit()
    {
        var values = Build(replicas: 2, requireSpread: true);

        Assert.Equal("external", Text(values, "database.type"));
        Assert.Equal("require", Text(values, "database.external.sslmode"));
        Assert.Equal("db.internal", Text(values, "database.external.host"));
        Assert.Equal("external", Text(values, "redis.type"));
        Assert.True(((Flag)values.At("redis.external.tlsOptions.enable")).Value);
        Assert.Equal(new Ref("redis-secret", "metadata.name"), values.At("redis.external.existingSecret"));
        Assert.Equal("s3", Text(values, "persistence.imageChartStorage.type"));
        Assert.Equal(new Ref("s3-secret", "metadata.name"), values.At("persistence.imageChartStorage.s3.existingSecret"));
    }

    [Fact]
    public void NothingOnTheDataPathNeedsAVolume()
    {
        var values = Build(replicas: 3, requireSpread: true);

        Assert.False(((Flag)values.At("persistence.enabled")).Value);
        Assert.Equal([(Value)"database"], ((ListValue)values.At("jobservice.jobLoggers")).Items);
        Assert.Equal("RollingUpdate", Text(values, "updateStrategy.type"));
    }

    [Fact]
    public void BlobsAreServedThroughHarborNotByRedirectToS3()
    {
        var values = Build(replicas: 3, requireSpread: true);

        Assert.True(((Flag)values.At("persistence.imageChartStorage.disableredirect")).Value);
    }

    [Fact]
    public void EverySecretIsReferencedByTheNameOfAKubernetesSecret()
    {
        var values = Build(replicas: 2, requireSpread: true);

        Assert.Equal(new Ref("admin-secret", "metadata.name"), values.At("existingSecretAdminPassword"));
        Assert.Equal(new Ref("internal-secret", "metadata.name"), values.At("existingSecretSecretKey"));
        Assert.Equal(new Ref("internal-secret", "metadata.name"), values.At("core.existingSecret"));
        Assert.Equal(new Ref("internal-secret", "metadata.name"), values.At("core.existingXsrfSecret"));
        Assert.Equal(new Ref("token-secret", "metadata.name"), values.At("core.secretName"));
        Assert.Equal(new Ref("internal-secret", "metadata.name"), values.At("jobservice.existingSecret"));
        Assert.Equal(new Ref("internal-secret", "metadata.name"), values.At("registry.existingSecret"));
        Assert.Equal(new Ref("credentials-secret", "metadata.name"), values.At("registry.credentials.existingSecret"));
        Assert.Equal(HarborSharedSecrets.RegistryUser, Text(values, "registry.credentials.username"));
        Assert.Equal(new Ref("database-secret", "metadata.name"), values.At("database.external.existingSecret"));
    }

    [Fact]
    public void MetricsAreOn()
    {
        Assert.True(((Flag)Build(1, false).At("metrics.enabled")).Value);
    }

    [Theory]
    [InlineData(1, false, "ScheduleAnyway", false)]
    [InlineData(3, true, "DoNotSchedule", true)]
    public void EveryComponentGetsReplicasSpreadAndDisruptionBudget(int replicas, bool requireSpread, string zoneRule, bool budget)
    {
        var values = Build(replicas, requireSpread);

        foreach (var component in HarborValues.ReplicatedComponents)
        {
            var c = values.MapAt(component);
            Assert.Equal(new Number(replicas), c["replicas"]);
            Assert.Equal(budget, ((Flag)c.At("podDisruptionBudget.enabled")).Value);
            var zone = ((ListValue)c["topologySpreadConstraints"]).Items.Cast<MapValue>()
                .Single(t => t["topologyKey"] == (Value)"topology.kubernetes.io/zone");
            Assert.Equal((Value)zoneRule, zone["whenUnsatisfiable"]);
            // The chart adds the component's labelSelector itself; a second one would be a duplicate key.
            Assert.False(zone.ContainsKey("labelSelector"));
        }
    }

    [Fact]
    public void EveryContainerRequestsCpuAndMemory()
    {
        var values = Build(2, true);

        foreach (var path in new[] { "core", "exporter", "jobservice", "nginx", "portal", "registry.registry", "registry.controller", "trivy" })
        {
            var requests = values.MapAt($"{path}.resources.requests");
            Assert.True(requests.ContainsKey("cpu") && requests.ContainsKey("memory"), path);
        }
    }

    private static string Text(MapValue values, string path) => ((Text)values.At(path)).Value;

    private static MapValue Build(int replicas, bool requireSpread) => HarborValues.Build(new HarborValuesArgs
    {
        ExternalUrl = "https://eu-central-1.registry.example.com",
        Replicas = replicas,
        RequireZoneSpread = requireSpread,
        Secrets = new HarborSecretNames
        {
            Internal = new Ref("internal-secret", "metadata.name"),
            Admin = new Ref("admin-secret", "metadata.name"),
            Token = new Ref("token-secret", "metadata.name"),
            RegistryCredentials = new Ref("credentials-secret", "metadata.name"),
            Database = new Ref("database-secret", "metadata.name"),
            Redis = new Ref("redis-secret", "metadata.name"),
            S3 = new Ref("s3-secret", "metadata.name"),
        },
        DatabaseHost = "db.internal",
        DatabasePort = 5432,
        DatabaseName = "registry",
        DatabaseUsername = "harbor",
        RedisAddress = "cache.internal:6379",
        BucketName = "bucket",
        BucketRegion = "eu-central-1",
    });
}
