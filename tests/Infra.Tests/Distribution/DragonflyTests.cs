using HarborHa.Dragonfly;
using HarborHa.Model;
using HarborHa.Tests.Support;
using HarborHa.Tests.Support.HelmValues;
using YamlDotNet.RepresentationModel;

namespace HarborHa.Tests.Distribution;

public class DragonflyTests
{
    /// <summary>
    /// Keys that the chart's templates read (templates/manager/manager-deployment.yaml,
    /// scheduler/scheduler-statefulset.yaml, seed-client/seed-client-statefulset.yaml:
    /// <c>.Values.&lt;component&gt;.affinity</c>) but its values.yaml does not list.
    /// </summary>
    private static readonly HashSet<string> TemplateOnlyKeys = ["manager.affinity", "scheduler.affinity", "seedClient.affinity"];

    private static readonly ChartValuesSchema Chart = ChartValuesSchema.Load(SharedFixtures.DragonflyValues);

    /// <summary>Keys the chart does not know, by dotted path, ignoring the template-only keys (and what is below them).</summary>
    private static string[] UnknownKeys(MapValue values, IReadOnlySet<string>? allowed = null) =>
        Chart.Problems(values)
            .Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)])
            .Where(path => allowed is null || !allowed.Any(k => path == k || path.StartsWith(k + ".", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static GeoProgram Prod => GeoPrograms.Of(GeoConfigs.TwoSides);

    private static GeoProgram Dev => GeoPrograms.Of(GeoConfigs.OverseasPublic);

    private static MapValue Values(GeoProgram geo, string region) =>
        Assert.IsType<MapValue>(geo.Program.Get($"{region}-dragonfly-release").Prop("values"));

    /// <summary>The subnets of Harbor's own database in the region: the data tier.</summary>
    private static IReadOnlyList<Value> HarborDataSubnets(GeoProgram geo, string region) =>
        Assert.IsType<ListValue>(geo.Program.Get($"{region}-db-subnets").Prop("subnetIds")).Items;

    [Fact]
    public void Every_value_is_a_key_of_the_pinned_charts_values()
    {
        foreach (var geo in new[] { Prod, Dev })
        {
            foreach (var region in geo.Config.Regions)
            {
                Assert.Empty(UnknownKeys(Values(geo, region.Name), TemplateOnlyKeys));
            }
        }

        var withRegistry = DragonflyValues.For(Input() with { ImageRegistry = "mirror.example.com" });
        Assert.Empty(UnknownKeys(withRegistry, TemplateOnlyKeys));
    }

    [Fact]
    public void The_walker_catches_a_misspelt_key()
    {
        var values = new MapValue { ["manager"] = new MapValue { ["replica"] = 3 }, ["client"] = new MapValue { ["dfinit"] = new MapValue { ["enabled"] = true } } };

        Assert.Equal(["client.dfinit.enabled", "manager.replica"], UnknownKeys(values));
    }

    [Fact]
    public void Template_only_keys_are_really_absent_from_the_values_file()
    {
        // If a chart upgrade adds them to values.yaml, the exception list must shrink.
        foreach (var key in TemplateOnlyKeys)
        {
            Assert.False(Chart.Knows(key), key);
        }
    }

    [Fact]
    public void Secrets_in_the_values_are_secret_references_and_the_bundled_databases_are_off()
    {
        var values = Values(Prod, "eu-central-1");
        var mysql = Assert.IsType<MapValue>(values["externalMysql"]);
        Assert.Equal(new Ref("eu-central-1-dragonfly-db-password", "result"), Assert.IsType<Secret>(mysql["password"]).Inner);
        Assert.Equal(new Ref("eu-central-1-dragonfly-db", "address"), mysql["host"]);
        var jwt = (MapValue)((MapValue)((MapValue)((MapValue)values["manager"])["config"])["auth"])["jwt"];
        Assert.Equal(new Ref("eu-central-1-dragonfly-jwt-key", "result"), Assert.IsType<Secret>(jwt["key"]).Inner);
        Assert.Equal(new MapValue { ["enable"] = false }.ToArray(), ((MapValue)values["mysql"]).ToArray());
        Assert.Equal(new MapValue { ["enable"] = false }.ToArray(), ((MapValue)values["redis"]).ToArray());
        var redis = Assert.IsType<ListValue>(((MapValue)values["externalRedis"])["addrs"]);
        Assert.Equal(new Interpolation(new Ref("eu-central-1-dragonfly-cache", "primaryEndpointAddress"), ":6379").Parts,
            Assert.IsType<Interpolation>(Assert.Single(redis.Items)).Parts);
    }

    [Fact]
    public void Containerd_on_every_node_pulls_the_regional_and_global_names_through_the_local_peer_from_the_regional_Harbor()
    {
        var dfinit = (MapValue)((MapValue)Values(Prod, "cn-northwest-1")["client"])["dfinit"];
        Assert.Equal(new Flag(true), dfinit["enable"]);
        var containerd = (MapValue)((MapValue)((MapValue)dfinit["config"])["containerRuntime"])["containerd"];
        Assert.Equal(new Flag(false), containerd["proxyAllRegistries"]);
        var registries = Assert.IsType<ListValue>(containerd["registries"]).Items.Cast<MapValue>().ToArray();

        Assert.Equal(["cn-northwest-1.registry.example.com", "registry.example.com"], registries.Select(r => ((Text)r["hostNamespace"]).Value));
        Assert.All(registries, r => Assert.Equal(new Text("https://cn-northwest-1.registry.example.com"), r["serverAddr"]));
    }

    [Fact]
    public void Manager_scheduler_and_seed_peers_are_replicated_and_prefer_one_pod_per_zone()
    {
        var values = Values(Prod, "ap-southeast-1");
        foreach (var component in new[] { "manager", "scheduler", "seedClient" })
        {
            var settings = (MapValue)values[component];
            Assert.Equal(new Number(3), settings["replicas"]);
            var terms = Assert.IsType<ListValue>(((MapValue)((MapValue)settings["affinity"])["podAntiAffinity"])["preferredDuringSchedulingIgnoredDuringExecution"]);
            var zone = terms.Items.Cast<MapValue>().Single(t => ((MapValue)t["podAffinityTerm"])["topologyKey"] == new Text("topology.kubernetes.io/zone"));
            Assert.Equal(new Number(100), zone["weight"]);
        }

        Assert.Equal(new Number(1), ((MapValue)Values(Dev, "ap-southeast-1")["manager"])["replicas"]);
    }

    [Fact]
    public void The_cache_has_cluster_mode_off_no_TLS_encryption_at_rest_and_sits_in_the_data_subnets()
    {
        var cache = Prod.Program.Get("eu-central-1-dragonfly-cache");
        Assert.Equal("disabled", cache.Text("clusterMode"));
        Assert.Equal(new Flag(false), cache.Prop("transitEncryptionEnabled"));
        Assert.Equal(new Flag(true), cache.Prop("atRestEncryptionEnabled"));
        Assert.False(cache.Properties.ContainsKey("authToken"));
        Assert.Equal(new Flag(true), cache.Prop("automaticFailoverEnabled"));
        Assert.True(cache.Options.Protect);
        // The exception is carried by the resource that makes it, for the checks to report as accepted.
        var accepted = cache.Accepts(DragonflyCluster.RedisTlsRuleId);
        Assert.NotNull(accepted);
        Assert.Contains("dragonfly#4907", accepted.Reason, StringComparison.Ordinal);
        Assert.Equal(DragonflyCluster.RedisTlsRuleId, new HarborHa.Checks.Rules.RedisTlsRule().Id);
        var subnets = Prod.Program.Get(cache.RefProp("subnetGroupName").Target);
        Assert.Equal(HarborDataSubnets(Prod, "eu-central-1"), Assert.IsType<ListValue>(subnets.Prop("subnetIds")).Items);
    }

    [Fact]
    public void The_database_is_encrypted_private_protected_in_prod_and_in_the_data_subnets()
    {
        var db = Prod.Program.Get("cn-north-1-dragonfly-db");
        Assert.Equal("mysql", db.Text("engine"));
        Assert.Equal(new Flag(true), db.Prop("storageEncrypted"));
        Assert.Equal(new Flag(false), db.Prop("publiclyAccessible"));
        Assert.Equal(new Flag(true), db.Prop("deletionProtection"));
        Assert.Equal(new Flag(true), db.Prop("multiAz"));
        Assert.True(db.Options.Protect);
        Assert.Equal(new Ref("cn-north-1-dragonfly-db-password", "result"), db.SecretRef("password"));
        var subnets = Prod.Program.Get(db.RefProp("dbSubnetGroupName").Target);
        Assert.Equal(HarborDataSubnets(Prod, "cn-north-1"), Assert.IsType<ListValue>(subnets.Prop("subnetIds")).Items);
        // Identifiers are unique per account and region: scoped by the domain, apart from Harbor's own database's.
        Assert.Equal("cn-north-1-dragonfly-registry-example-com-final", db.Text("finalSnapshotIdentifier"));
        Assert.NotEqual(Prod.Program.Get("cn-north-1-db-instance").Text("finalSnapshotIdentifier"), db.Text("finalSnapshotIdentifier"));

        var dev = Dev.Program.Get("us-east-1-dragonfly-db");
        Assert.False(dev.Options.Protect);
        Assert.Equal(new Flag(true), dev.Prop("skipFinalSnapshot"));
        Assert.Equal(new Flag(false), dev.Prop("multiAz"));
    }

    [Theory]
    [InlineData("db-sg", 3306)]
    [InlineData("cache-sg", 6379)]
    public void Only_the_cluster_nodes_reach_the_database_and_the_cache(string group, int port)
    {
        var sg = Prod.Program.Get($"ap-southeast-1-dragonfly-{group}");
        var rules = Prod.Program.OfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
            .Where(r => r.Prop("securityGroupId") == sg.Id).ToArray();

        var rule = Assert.Single(rules);
        // The same source Harbor's own database admits: the cluster's nodes.
        var harborDb = Prod.Program.Get("ap-southeast-1-db-sg-from-cluster-nodes-5432");
        Assert.Equal(harborDb.Prop("referencedSecurityGroupId"), rule.Prop("referencedSecurityGroupId"));
        Assert.Equal(new Number(port), rule.Prop("fromPort"));
        Assert.False(rule.Properties.ContainsKey("cidrIpv4"));
        Assert.DoesNotContain(Prod.Program.OfType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"), r => r.Prop("securityGroupId") == sg.Id);
    }

    [Fact]
    public void The_release_pins_the_chart_in_its_own_namespace_on_the_regions_cluster()
    {
        var release = Prod.Program.Get("cn-north-1-dragonfly-release");
        Assert.Equal("dragonfly", release.Text("name"));
        Assert.Equal("dragonfly", release.Text("chart"));
        Assert.Equal("1.7.4", release.Text("version"));
        Assert.Equal("dragonfly-system", release.Text("namespace"));
        Assert.Equal(new Text("https://dragonflyoss.github.io/helm-charts/"), ((MapValue)release.Prop("repositoryOpts"))["repo"]);
        Assert.Equal(Prod.Program.HarborRelease("cn-north-1").Options.Provider, release.Options.Provider);
        Assert.Equal("pulumi:providers:kubernetes", Prod.Program.Get(release.Options.Provider!.Target).Type);
    }

    [Fact]
    public void China_regions_pull_Dragonfly_from_the_stacks_mirror_and_overseas_regions_from_the_charts_registry()
    {
        foreach (var region in Prod.Config.Regions)
        {
            var values = Values(Prod, region.Name);
            if (region.Side == HarborHa.Configuration.Side.China)
            {
                Assert.Equal(new Text("mirror.example.cn/harbor"), ((MapValue)values["global"])["imageRegistry"]);
            }
            else
            {
                Assert.False(values.ContainsKey("global"), region.Name);
            }
        }
    }

    private static DragonflyValuesInput Input() => new()
    {
        RegionalHost = "eu-central-1.registry.example.com",
        GlobalHost = "registry.example.com",
        RedisAddress = "redis:6379",
        DatabaseHost = new Ref("db", "address"),
        DatabasePassword = new Ref("pw", "result"),
        JwtKey = new Ref("jwt", "result"),
    };

    [Fact]
    public void Seed_peers_never_share_a_node_and_caches_collect_against_a_fixed_budget()
    {
        var values = Values(Prod, "cn-north-1");
        var seed = (MapValue)values["seedClient"];
        var antiAffinity = (MapValue)((MapValue)seed["affinity"])["podAntiAffinity"];
        var required = Assert.IsType<MapValue>(Assert.Single(((ListValue)antiAffinity["requiredDuringSchedulingIgnoredDuringExecution"]).Items));
        Assert.Equal((Value)"kubernetes.io/hostname", required["topologyKey"]);

        foreach (var (component, budget) in new[] { ("client", DragonflyValues.PeerCacheBudget), ("seedClient", DragonflyValues.SeedCacheBudget) })
        {
            var policy = (MapValue)((MapValue)((MapValue)((MapValue)values[component])["config"])["gc"])["policy"];
            Assert.Equal((Value)budget, policy["distThreshold"]);
            Assert.Equal(new Number(80), policy["distHighThresholdPercent"]);
        }
    }
}
