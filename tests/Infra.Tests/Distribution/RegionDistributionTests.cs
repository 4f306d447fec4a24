using HarborHa.Distribution;
using HarborHa.Model;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

public class RegionDistributionTests
{
    private static GeoProgram TwoSides => GeoPrograms.Of(GeoConfigs.TwoSides);

    private static GeoProgram Overseas => GeoPrograms.Of(GeoConfigs.OverseasPublic);

    public static TheoryData<string> Matrix() => GeoPrograms.Matrix();

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Every_Harbor_resource_uses_its_regions_provider_and_waits_for_its_regions_release_and_private_name(string name)
    {
        var program = GeoPrograms.Named(name).Program;

        Assert.NotEmpty(program.HarborResources());
        foreach (var resource in program.HarborResources())
        {
            var region = resource.HarborRegion();
            Assert.Equal(new Ref($"{region}-harbor-provider"), resource.Options.Provider);
            Assert.Contains(program.HarborRelease(region).Self, resource.Options.DependsOn);
            Assert.Contains(new Ref($"{region}-dns-private-record"), resource.Options.DependsOn);
        }
    }

    [Fact]
    public void Each_regions_provider_logs_in_to_its_private_endpoint_with_certificate_checks_and_the_password_its_chart_got()
    {
        var program = TwoSides.Program;
        foreach (var region in TwoSides.Config.Regions.Select(r => r.Name))
        {
            var provider = program.Get($"{region}-harbor-provider");

            Assert.Equal("pulumi:providers:harbor", provider.Type);
            Assert.Equal("3.10.21", provider.Options.Version);
            Assert.Equal("github://api.github.com/pulumiverse/pulumi-harbor", provider.Options.PluginDownloadUrl);
            Assert.Equal($"https://{region}.registry.example.com", provider.Text("url"));
            Assert.Equal(new Flag(false), provider.Prop("insecure"));
            Assert.Equal("admin", provider.Text("username"));

            // The chart reads the admin password from a Secret; the provider must log in with that same value.
            var release = program.HarborRelease(region);
            var values = (MapValue)release.Prop("values");
            var secret = program.Get(Assert.IsType<Ref>(values["existingSecretAdminPassword"]).Target);
            var key = ((Text)values["existingSecretAdminPasswordKey"]).Value;
            Assert.Equal(((MapValue)secret.Prop("stringData"))[key], provider.SecretRef("password"));
            Assert.Contains(release.Self, provider.Options.DependsOn);
        }
    }

    [Fact]
    public void Every_region_declares_the_same_projects_with_the_same_settings()
    {
        var regions = Overseas.Config.Regions.Select(r => r.Name).ToArray();
        var snapshot = ResourceSnapshot.Of(Overseas.Program);
        foreach (var project in new[] { "apps", "sandbox" })
        {
            var definitions = regions
                .Select(r => snapshot[$"{r}-harbor-project-{project}"].Replace(r, "<region>", StringComparison.Ordinal))
                .Distinct()
                .ToArray();
            Assert.Single(definitions);
        }

        var apps = Overseas.Program.Get("us-east-1-harbor-project-apps");
        Assert.Equal("apps", apps.Text("name"));
        Assert.Equal("high", apps.Text("deploymentSecurity"));
        Assert.Equal(new Number(500), apps.Prop("storageQuota"));
        Assert.Equal(new Flag(true), apps.Prop("vulnerabilityScanning"));
    }

    [Fact]
    public void Every_project_setting_of_the_config_reaches_the_project_in_every_region()
    {
        var geo = GeoPrograms.Of(GeoConfigs.TwoSides + """

              harbor-ha:projects:
                - name: apps
                  public: true
                  scanOnPush: false
                  sbomOnPush: true
                  requireCosign: true
                  preventVulnerable: critical
                  retention: { keepLastPushed: 5, schedule: hourly }
                - name: team
            """);
        foreach (var region in geo.Config.Regions.Select(r => r.Name))
        {
            var apps = geo.Program.Get($"{region}-harbor-project-apps");
            Assert.Equal(new Flag(true), apps.Prop("public"));
            Assert.Equal(new Flag(false), apps.Prop("vulnerabilityScanning"));
            Assert.Equal(new Flag(true), apps.Prop("autoSbomGeneration"));
            Assert.Equal(new Flag(true), apps.Prop("enableContentTrustCosign"));
            Assert.Equal("critical", apps.Text("deploymentSecurity"));
            Assert.False(apps.Properties.ContainsKey("storageQuota"));
            var retention = geo.Program.Get($"{region}-harbor-project-apps-retention");
            Assert.Equal("Hourly", retention.Text("schedule"));
            Assert.Single(Assert.IsType<ListValue>(retention.Prop("rules")).Items);

            var team = geo.Program.Get($"{region}-harbor-project-team");
            Assert.Equal(new Flag(false), team.Prop("public"));
            Assert.Equal(new Flag(true), team.Prop("vulnerabilityScanning"));
            Assert.False(team.Properties.ContainsKey("deploymentSecurity"));
        }

        var filter = (MapValue)Assert.IsType<ListValue>(geo.Program.Get("cn-north-1-harbor-replication-eu-central-1").Prop("filters")).Items[0];
        Assert.Equal(new Text("{apps,team}/**"), filter["name"]);
    }

    [Fact]
    public void Projects_are_protected_outside_dev()
    {
        Assert.All(TwoSides.Program.OfType("harbor:index/project:Project").Where(p => p.Name.Contains("-project-", StringComparison.Ordinal)),
            p => Assert.True(p.Options.Protect));
        Assert.All(Overseas.Program.OfType("harbor:index/project:Project"), p => Assert.False(p.Options.Protect));
    }

    [Fact]
    public void Retention_and_immutability_rules_apply_to_the_project_in_every_region()
    {
        foreach (var region in Overseas.Config.Regions.Select(r => r.Name))
        {
            var project = Overseas.Program.Get($"{region}-harbor-project-apps");
            var retention = Overseas.Program.Get($"{region}-harbor-project-apps-retention");
            Assert.Equal(project.Id, retention.Prop("scope"));
            Assert.Equal("Weekly", retention.Text("schedule"));
            var rules = Assert.IsType<ListValue>(retention.Prop("rules")).Items.Cast<MapValue>().ToArray();
            Assert.Contains(rules, r => r.TryGet("mostRecentlyPushed", out var n) && n == new Number(20));
            Assert.Contains(rules, r => r.TryGet("nDaysSinceLastPush", out var d) && d == new Number(90));

            var immutable = Overseas.Program.OfType("harbor:index/immutableTagRule:ImmutableTagRule")
                .Where(r => r.HarborRegion() == region).ToArray();
            Assert.Equal(["release-*", "v*"], immutable.Select(r => r.Text("tagMatching")).Order(StringComparer.Ordinal));
            Assert.All(immutable, r => Assert.Equal(project.Id, r.Prop("projectId")));
        }

        Assert.DoesNotContain(Overseas.Program.Resources, r => r.Name.Contains("sandbox-retention", StringComparison.Ordinal));
    }

    [Fact]
    public void Robots_exist_where_they_are_used_and_share_one_secret_per_role()
    {
        var program = TwoSides.Program;
        var robots = program.OfType("harbor:index/robotAccount:RobotAccount");
        Assert.Equal(["cn-north-1"], robots.Where(r => r.Text("name") == "ci").Select(r => r.HarborRegion()));
        Assert.Equal(TwoSides.Config.Regions.Select(r => r.Name).Order(StringComparer.Ordinal),
            robots.Where(r => r.Text("name") == "pull").Select(r => r.HarborRegion()).Order(StringComparer.Ordinal));
        Assert.Equal(["ap-southeast-1", "cn-northwest-1", "eu-central-1"],
            robots.Where(r => r.Text("name") == "replicator").Select(r => r.HarborRegion()).Order(StringComparer.Ordinal));

        foreach (var role in robots.GroupBy(r => r.Text("name")))
        {
            var secrets = role.Select(r => r.SecretRef("secret")).Distinct().ToArray();
            var secret = Assert.Single(secrets);
            var random = program.Get(secret.Target);
            Assert.Equal("random:index/randomPassword:RandomPassword", random.Type);
            Assert.Equal("result", secret.Path);
            Assert.All(role, r => Assert.Equal("system", r.Text("level")));
        }
    }

    [Fact]
    public void The_pull_robot_covers_every_project_by_scope_and_the_replicator_only_replicated_ones()
    {
        static string[] Namespaces(Resource robot) => Assert.IsType<ListValue>(robot.Prop("permissions")).Items.Cast<MapValue>()
            .Where(p => p["kind"] == new Text("project"))
            .Select(p => p["namespace"] is Ref r ? r.Target : Assert.IsType<Text>(p["namespace"]).Value)
            .Order(StringComparer.Ordinal).ToArray();

        // "Cover all projects": no project resource named, so no proxy cache can hold the robot back.
        var pull = Overseas.Program.Get("us-east-1-harbor-robot-pull");
        Assert.Equal(["*"], Namespaces(pull));
        Assert.Equal(new Text("system"), pull.Prop("level"));

        var replicator = Overseas.Program.Get("us-east-1-harbor-robot-replicator");
        Assert.Equal(["us-east-1-harbor-project-apps"], Namespaces(replicator));
        var system = Assert.IsType<ListValue>(replicator.Prop("permissions")).Items.Cast<MapValue>().Single(p => p["kind"] == new Text("system"));
        Assert.Equal(new Text("/"), system["namespace"]);
    }

    [Fact]
    public void Default_proxy_caches_front_docker_hub_ghcr_quay_and_the_kubernetes_registry_overseas_and_chain_from_China()
    {
        foreach (var region in TwoSides.Config.Regions.Select(r => r.Name))
        {
            foreach (var (name, provider, endpoint) in new[]
            {
                ("dockerhub", "docker-hub", "https://hub.docker.com"),
                ("ghcr", "github", "https://ghcr.io"),
                ("quay", "docker-registry", "https://quay.io"),
                ("k8s", "docker-registry", "https://registry.k8s.io"),
            })
            {
                if (!TwoSides.Program.Contains($"{region}-harbor-upstream-{name}"))
                {
                    // Only a China spoke, which resolves no overseas name, goes without.
                    Assert.Equal("cn-northwest-1", region);
                    continue;
                }

                var upstream = TwoSides.Program.Get($"{region}-harbor-upstream-{name}");
                if (region.StartsWith("cn-", StringComparison.Ordinal))
                {
                    // TwoSides' overseas hub is ap-southeast-1 (lowest slot); the China primary chains to its project.
                    Assert.Equal("harbor", upstream.Text("providerName"));
                    Assert.Equal("https://ap-southeast-1.registry.example.com", upstream.Text("endpointUrl"));
                    Assert.Equal(new Text("robot$pull"), upstream.Prop("accessId"));
                    Assert.Contains(new Ref($"ap-southeast-1-harbor-proxy-{name}"), upstream.Options.DependsOn);
                }
                else
                {
                    Assert.Equal(provider, upstream.Text("providerName"));
                    Assert.Equal(endpoint, upstream.Text("endpointUrl"));
                    Assert.False(upstream.Properties.ContainsKey("accessSecret"));
                }

                var project = TwoSides.Program.Get($"{region}-harbor-proxy-{name}");
                Assert.Equal(name, project.Text("name"));
                Assert.Equal(upstream.Out("registryId"), project.Prop("registryId"));
            }
        }
    }

    [Fact]
    public void Upstream_credentials_come_from_a_declared_secret_setting_never_from_a_literal()
    {
        var declaration = Assert.Single(Overseas.Program.Config, c => c.Name == "dockerhubToken");
        Assert.True(declaration.IsSecret);
        var upstream = Overseas.Program.Get("ap-southeast-1-harbor-upstream-dockerhub");
        Assert.Equal("acme", upstream.Text("accessId"));
        Assert.Equal(new Ref("dockerhubToken"), upstream.SecretRef("accessSecret"));
    }

    [Fact]
    public void No_credential_input_of_a_Harbor_resource_is_a_literal()
    {
        string[] credentials = ["secret", "password", "accessSecret", "token"];
        foreach (var program in new[] { TwoSides.Program, Overseas.Program })
        {
            foreach (var resource in program.Resources.Where(r => r.Package == "harbor"))
            {
                foreach (var name in credentials.Where(resource.Properties.ContainsKey))
                {
                    Assert.IsType<Ref>(Assert.IsType<Secret>(resource.Prop(name)).Inner);
                }
            }
        }
    }

    [Fact]
    public void Dragonfly_is_registered_for_preheat_only_where_a_token_is_configured()
    {
        var preheat = Assert.Single(Overseas.Program.OfType("harbor:index/preheatInstance:PreheatInstance"));
        Assert.Equal("eu-central-1", preheat.HarborRegion());
        Assert.Equal("dragonfly", preheat.Text("vendor"));
        Assert.Equal("OAUTH", preheat.Text("authMode"));
        Assert.Equal("http://dragonfly-manager.dragonfly-system.svc.cluster.local:8080", preheat.Text("endpoint"));
        Assert.Equal(new Ref("dragonflyTokenEuCentral1"), preheat.SecretRef("token"));
        Assert.Contains(new Ref("eu-central-1-dragonfly-release"), preheat.Options.DependsOn);
        Assert.Empty(TwoSides.Program.OfType("harbor:index/preheatInstance:PreheatInstance"));
    }

    [Fact]
    public void Without_dragonfly_nothing_of_it_is_declared()
    {
        var program = GeoPrograms.Of(GeoConfigs.TwoSides + "\n  harbor-ha:dragonfly:\n    enabled: false").Program;

        Assert.DoesNotContain(program.Resources, r => r.Name.Contains("dragonfly", StringComparison.Ordinal));
        Assert.Empty(program.OfType("harbor:index/preheatInstance:PreheatInstance"));
        Assert.NotEmpty(program.OfType("harbor:index/replication:Replication"));
    }

    [Theory]
    [InlineData("v*", "v-")]
    [InlineData("release-*", "release-")]
    [InlineData("**", "")]
    public void Tag_pattern_slugs_are_valid_name_parts_that_do_not_depend_on_order(string pattern, string start)
    {
        var slug = RegionDistribution.PatternSlug(pattern);

        Assert.True(LogicalName.IsValid(slug), slug);
        Assert.StartsWith(start, slug, StringComparison.Ordinal);
        Assert.Equal(slug, RegionDistribution.PatternSlug(pattern));
        Assert.NotEqual(RegionDistribution.PatternSlug("v?"), RegionDistribution.PatternSlug("v*"));
    }

    [Fact]
    public void Every_region_collects_garbage_weekly_and_keeps_untagged_artifacts_so_deleted_ones_leave_s3()
    {
        foreach (var region in TwoSides.Config.Regions.Select(r => r.Name))
        {
            var gc = TwoSides.Program.Get($"{region}-harbor-gc");
            Assert.Equal("harbor:index/garbageCollection:GarbageCollection", gc.Type);
            Assert.Equal(new GarbageCollectionSpec().Schedule, gc.Text("schedule"));
            Assert.Equal(new Flag(false), gc.Prop("deleteUntagged"));
            Assert.Equal(new Ref($"{region}-harbor-provider"), gc.Options.Provider);
        }
    }
}
