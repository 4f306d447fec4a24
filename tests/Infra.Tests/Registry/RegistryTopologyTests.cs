using HarborHa.Model;
using HarborHa.Registry;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Registry;

/// <summary>Invariants over whole programs with Harbor in every region.</summary>
public sealed class RegistryTopologyTests
{
    /// <summary>Resource types whose outputs are secrets: nothing of theirs may reach Helm values.</summary>
    private static readonly IReadOnlySet<string> SecretBearing = new HashSet<string>(StringComparer.Ordinal)
    {
        "random:index/randomPassword:RandomPassword",
        "tls:index/privateKey:PrivateKey",
        "aws:iam/accessKey:AccessKey",
        "kubernetes:core/v1:Secret",
    };

    public static TheoryData<string> Topologies => new() { TestConfigs.SingleSite, TestConfigs.Ha, TestConfigs.Geo };

    [Theory]
    [MemberData(nameof(Topologies))]
    public void NoHelmValueReferencesASecret(string stackYaml)
    {
        var (program, _) = RegistryPrograms.Build(stackYaml);

        foreach (var release in program.Releases())
        {
            Assert.Empty(SecretLeaks(program, release.Values()));
        }
    }

    [Fact]
    public void TheSecretScanFindsAPasswordPutIntoValues()
    {
        var (program, _) = RegistryPrograms.Build(TestConfigs.SingleSite);
        var values = program.HarborRelease("ap-southeast-1").Values();
        var leaked = new MapValue(values.Where(v => v.Key != "database"))
        {
            ["database"] = new MapValue { ["external"] = new MapValue { ["password"] = new Ref("ap-southeast-1-db-password", "result") } },
            ["registry"] = new MapValue { ["secret"] = new Secret("literal") },
        };

        Assert.Equal(2, SecretLeaks(program, leaked).Count);
    }

    /// <summary>
    /// Everything in a values tree that would put a secret into state and previews in plain text:
    /// <c>fn::secret</c>, secret config, and outputs of secret-bearing resources (of a Kubernetes
    /// Secret only its name may be used).
    /// </summary>
    private static List<string> SecretLeaks(PulumiProgram program, MapValue values)
    {
        var secretConfig = program.Config.Where(c => c.IsSecret).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var leaks = ValueWalker.Descendants(values).OfType<Secret>().Select(s => $"fn::secret {s.Inner}").ToList();
        foreach (var reference in ValueWalker.Refs(values))
        {
            if (secretConfig.Contains(reference.Target))
            {
                leaks.Add($"secret config {reference.Expression}");
            }
            else if (program.Contains(reference.Target) && program.Get(reference.Target) is var target
                && SecretBearing.Contains(target.Type)
                && !(target.Type == "kubernetes:core/v1:Secret" && reference.Path == "metadata.name"))
            {
                leaks.Add($"{reference.Expression} ({target.Type})");
            }
        }

        return leaks;
    }

    [Theory]
    [InlineData(TestConfigs.Ha)]
    [InlineData(TestConfigs.Geo)]
    public void HighlyAvailableTopologiesRunEveryComponentTwiceOrMoreSpreadOverZones(string stackYaml)
    {
        var (program, regions) = RegistryPrograms.Build(stackYaml);

        foreach (var region in regions)
        {
            var values = program.HarborRelease(region.Region.Name).Values();
            foreach (var component in HarborValues.ReplicatedComponents)
            {
                var c = values.MapAt(component);
                Assert.True(((Number)c["replicas"]).Value >= 2, $"{region.Region.Name} {component}");
                Assert.True(((Flag)c.At("podDisruptionBudget.enabled")).Value, $"{region.Region.Name} {component}");
                Assert.Contains(((ListValue)c["topologySpreadConstraints"]).Items.Cast<MapValue>(), t =>
                    t["topologyKey"] == (Value)"topology.kubernetes.io/zone" && t["whenUnsatisfiable"] == (Value)"DoNotSchedule");
            }

            Assert.True(region.Region.AzCount >= 3);
            Assert.True(((Number)program.Get($"{region.Region.Name}-cluster-nodes").Prop("scalingConfig.minSize")).Value >= 3);
        }
    }

    [Fact]
    public void SingleReplicasOnlyInSingleSite()
    {
        foreach (var stackYaml in new[] { TestConfigs.SingleSite, TestConfigs.Ha, TestConfigs.Geo })
        {
            var config = TestConfigs.Parse(stackYaml);
            var (program, regions) = RegistryPrograms.Build(config);
            var singles = regions
                .SelectMany(r => HarborValues.ReplicatedComponents.Select(c => ((Number)program.HarborRelease(r.Region.Name).Values().At($"{c}.replicas")).Value))
                .Count(n => n < 2);

            Assert.Equal(config.Topology == HarborHa.Configuration.Topology.SingleSite, singles > 0);
        }
    }

    /// <summary>Types Pulumi YAML refuses to register (pulumi-yaml, pkg/pulumiyaml/packages.go).</summary>
    [Theory]
    [MemberData(nameof(Topologies))]
    public void NoResourceIsOfATypePulumiYamlRefuses(string stackYaml)
    {
        var refused = new[]
        {
            "kubernetes:apiextensions.k8s.io:CustomResource", "kubernetes:kustomize:Directory", "kubernetes:yaml:ConfigFile",
            "kubernetes:yaml:ConfigGroup", "kubernetes:helm.sh/v2:Chart", "kubernetes:helm.sh/v3:Chart",
        };

        Assert.DoesNotContain(RegistryPrograms.Build(stackYaml).Program.Resources, r => refused.Contains(r.Type));
    }

    [Theory]
    [MemberData(nameof(Topologies))]
    public void EveryRegionServesItsOwnHostName(string stackYaml)
    {
        var (program, regions) = RegistryPrograms.Build(stackYaml);

        foreach (var region in regions)
        {
            var host = $"{region.Region.Name}.registry.example.com";
            Assert.Equal((Value)$"https://{host}", program.HarborRelease(region.Region.Name).Values()["externalURL"]);
            Assert.Equal((Value)$"https://{host}", program.Outputs[$"{region.OutputPrefix}RegistryUrl"]);
        }
    }

    [Fact]
    public void China_regions_pull_harbor_and_trivy_databases_from_the_mirror_and_overseas_regions_do_not()
    {
        var program = TestConfigs.Synth(TestConfigs.Geo);
        var china = (MapValue)program.Get("cn-north-1-harbor-release").Properties["values"];
        foreach (var (path, image) in HarborImages.Components)
        {
            var node = path.Split('.').Aggregate(china, (map, part) => (MapValue)map[part]);
            Assert.Equal((Value)$"mirror.example.cn/harbor/goharbor/{image}", ((MapValue)node["image"])["repository"]);
        }

        Assert.Equal([(Value)"mirror.example.cn/harbor/aquasec/trivy-db"], ((ListValue)((MapValue)china["trivy"])["dbRepository"]).Items);
        var overseas = (MapValue)program.Get("eu-central-1-harbor-release").Properties["values"];
        // Overseas: the chart's own registry and tag, named explicitly so that the image lock can pin them.
        Assert.Equal((Value)"docker.io/goharbor/harbor-core", ((MapValue)((MapValue)overseas["core"])["image"])["repository"]);
        Assert.Equal((Value)HarborImages.Tag, ((MapValue)((MapValue)overseas["core"])["image"])["tag"]);
        Assert.False(((MapValue)overseas["trivy"]).ContainsKey("dbRepository"));
        Assert.Equal("mirror.example.cn/harbor", Assert.IsType<Text>(((MapValue)((MapValue)program.Get("cn-north-1-dragonfly-release").Properties["values"])["global"])["imageRegistry"]).Value);
    }

    [Fact]
    public void A_stack_with_a_china_region_must_name_an_image_mirror()
    {
        var withoutMirror = TestConfigs.Geo.Replace("  harbor-ha:chinaImageMirror: mirror.example.cn/harbor\n", "", StringComparison.Ordinal);
        var error = Assert.Throws<HarborHa.Configuration.ConfigException>(() => TestConfigs.Parse(withoutMirror));
        Assert.Contains(error.Errors, e => e.Key == "harbor-ha:chinaImageMirror" && e.Message.Contains("docker.io", StringComparison.Ordinal));
    }

    [Fact]
    public void Database_connections_of_every_core_and_exporter_pod_fit_what_rds_allows()
    {
        // max_connections on RDS PostgreSQL is about memory / 9.5 MB: db.r6g.large (16 GiB) about 1,700,
        // db.t4g.medium (4 GiB) about 400. Harbor opens a pool per core and per exporter pod.
        foreach (var (yaml, limit) in new[] { (TestConfigs.Ha, 1700), (TestConfigs.SingleSite, 400) })
        {
            var config = TestConfigs.Parse(yaml);
            var values = (MapValue)TestConfigs.Synth(yaml).Get($"{config.Regions.Single().Name}-harbor-release").Properties["values"];
            var perPod = ((Number)((MapValue)values["database"])["maxOpenConns"]).Value;
            Assert.True(2 * config.Sizing.HarborReplicas * perPod < limit, $"{2 * config.Sizing.HarborReplicas * perPod} >= {limit}");
        }
    }
}
