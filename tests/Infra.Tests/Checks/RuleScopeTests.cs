using HarborHa.Checks;
using HarborHa.Checks.Rules;
using HarborHa.Model;
using Xunit;
using static HarborHa.Tests.Checks.ShippedPrograms;

namespace HarborHa.Tests.Checks;

/// <summary>
/// What each rule deliberately does not flag, on the programs we ship: dev's relaxed protection (read
/// from the providers' environment tag), trade-offs a resource accepts, and look-alikes.
/// </summary>
public sealed class RuleScopeTests
{
    private static IReadOnlyList<Finding> Run(ICheckRule rule, PulumiProgram program) => rule.Evaluate(program).ToArray();

    private static string[] Failed(PulumiProgram program) => CheckRunner.Run(program).Failures.Select(f => f.Rule.Id).ToArray();

    [Fact]
    public void Dev_stacks_are_not_held_to_protection_and_their_environment_comes_from_the_providers()
    {
        var dev = Dev();
        Assert.Contains(dev.Resources, r => ReplacementTable.IsStateful(r.Type) && !r.Options.Protect);
        Assert.Empty(Failed(dev));

        // The same unprotected resources tagged as a staging stack's are findings of every protection rule.
        Assert.Equal(["stateful-protected", "rds-deletion-protection", "lb-deletion-protection"], Failed(Dev().Environment("staging")));
    }

    [Fact]
    public void Protection_is_required_per_resource_unless_its_provider_says_dev()
    {
        var unprotected = Staging().Options(N("db-instance"), o => o with { Protect = false });
        Assert.Contains(Run(new StatefulProtectedRule(), unprotected), f => f.Resource == N("db-instance"));

        var devProvider = Staging().Options(N("db-instance"), o => o with { Protect = false })
            .Set(N("aws"), "defaultTags.tags.harbor-ha:environment", "dev");
        Assert.DoesNotContain(Run(new StatefulProtectedRule(), devProvider), f => f.Resource == N("db-instance"));

        // A provider without the tag errs on the safe side, as a stack without harbor-ha:environment is prod.
        var untagged = Staging().Options(N("db-instance"), o => o with { Protect = false }).Unset(N("aws"), "defaultTags");
        Assert.Contains(Run(new StatefulProtectedRule(), untagged), f => f.Resource == N("db-instance"));
    }

    [Fact]
    public void Single_site_reports_its_single_points_of_failure_as_accepted_with_the_reason_each_resource_gives()
    {
        var report = CheckRunner.Run(Dev());

        var azLoss = report.Results.Single(r => r.Rule.Id == "az-loss");
        Assert.False(report.Failed);
        Assert.True(report.AzLossAccepted);
        Assert.Equal([N("cache-group"), N("db-instance"), N("network-nat-a")], azLoss.Findings.Select(f => f.Resource).Distinct());
        Assert.All(azLoss.Findings, f => Assert.True(f.Accepted));
        Assert.Contains(azLoss.Findings, f => f.Message.EndsWith("(accepted: single-site keeps one database in one AZ to save cost; use ha for AZ redundancy)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_single_point_of_failure_on_a_resource_that_does_not_accept_it_fails_even_in_single_site()
    {
        var program = Dev().Unaccept(N("network-nat-a"), "az-loss");

        var report = CheckRunner.Run(program);

        Assert.Equal(["az-loss"], report.Failures.Select(f => f.Rule.Id));
        Assert.Equal([N("network-nat-a")], report.Failures.Single().Findings.Where(f => !f.Accepted).Select(f => f.Resource).Distinct());
        Assert.False(report.AzLossAccepted);
    }

    [Fact]
    public void An_acceptance_covers_only_the_rule_it_names()
    {
        // Dragonfly's cache accepts redis-tls; switching off its encryption at rest is still a failure.
        var program = Prod().Set(N("dragonfly-cache"), "atRestEncryptionEnabled", false);

        var report = CheckRunner.Run(program);

        Assert.Equal(["cache-encrypted"], report.Failures.Select(f => f.Rule.Id));
        Assert.All(report.Results.Single(r => r.Rule.Id == "redis-tls").Findings, f => Assert.True(f.Accepted));
    }

    [Fact]
    public void A_cache_named_like_dragonflys_is_not_excused_by_its_name()
    {
        var cache = Staging().Get(N("cache-group"));
        var program = Staging().With(cache with
        {
            Name = N("dragonfly-cache"),
            Properties = new MapValue(cache.Properties.Where(e => e.Key is not ("transitEncryptionEnabled" or "authToken"))),
        });

        var findings = CheckRunner.Run(program).Results.Single(r => r.Rule.Id == "redis-tls").Findings;

        Assert.Contains(findings, f => f.Resource == N("dragonfly-cache") && !f.Accepted);
    }

    [Fact]
    public void A_single_az_database_is_listed_under_every_zone_when_its_zone_is_not_pinned()
    {
        var program = Staging().Set(N("db-instance"), "multiAz", false);

        var report = AzLossAnalysis.Analyze(program);

        Assert.Equal([Overseas + "a", Overseas + "b", Overseas + "c"], report.Zones[Overseas]);
        Assert.All(report.Zones[Overseas], zone => Assert.Contains(report.For(Overseas, zone), l => l.Resource == N("db-instance")));

        var pinned = AzLossAnalysis.Analyze(program.Set(N("db-instance"), "availabilityZone", Overseas + "b"));
        Assert.Contains(pinned.For(Overseas, Overseas + "b"), l => l.Resource == N("db-instance"));
        Assert.DoesNotContain(pinned.For(Overseas, Overseas + "a"), l => l.Resource == N("db-instance"));
    }

    [Fact]
    public void A_subnet_tier_in_one_zone_is_a_single_point_of_failure()
    {
        var program = Staging();
        foreach (var z in new[] { "b", "c" })
        {
            program = program.Set(N($"network-data-{z}"), "availabilityZone", Overseas + "a");
        }

        var report = AzLossAnalysis.Analyze(program);

        Assert.Contains(report.For(Overseas, Overseas + "a"), l => l.Resource == N("network-data") && l.What.Contains("only", StringComparison.Ordinal));
        Assert.Contains(report.For(Overseas, Overseas + "a"), l => l.Resource == N("db-subnets"));
    }

    [Fact]
    public void The_zones_of_a_region_are_those_of_its_subnets_and_dr_only_regions_have_none()
    {
        var report = AzLossAnalysis.Analyze(Prod());

        Assert.Equal(["cn-north-1a", "cn-north-1b", "cn-north-1d"], report.Zones[China]);
        Assert.Equal(["ap-southeast-1", "cn-north-1", "cn-northwest-1", "eu-central-1", "us-east-1"], report.Zones.Keys);
        Assert.Empty(report.Losses);
    }

    [Fact]
    public void Names_that_refer_to_secrets_are_not_secrets()
    {
        var program = Staging()
            .Set(N("harbor-s3-secret"), "metadata.annotations", new MapValue
            {
                ["existingSecret"] = "harbor-s3",
                ["secretName"] = "harbor-tls",
                ["masterUserSecretKmsKeyId"] = "alias/x",
                ["passwordLength"] = "32",
            });

        Assert.Empty(Run(new NoLiteralSecretsRule(), program));
        Assert.True(NoLiteralSecretsRule.LooksSecret("harborAdminPassword"));
        Assert.True(NoLiteralSecretsRule.LooksSecret("tunnel1_preshared_key"));
        Assert.True(NoLiteralSecretsRule.LooksSecret("REGISTRY_STORAGE_S3_SECRETKEY"));
        Assert.False(NoLiteralSecretsRule.LooksSecret("authTokenUpdateStrategy"));
        Assert.False(NoLiteralSecretsRule.LooksSecret("httpTokens"));
    }

    [Fact]
    public void A_secret_read_from_config_must_be_declared_secret()
    {
        var plain = Staging();
        plain.DeclareConfig(new ConfigDeclaration("dbPassword", "string", IsSecret: false));
        plain.Set(N("db-instance"), "password", new Ref("dbPassword"));
        var secret = Staging();
        secret.DeclareConfig(new ConfigDeclaration("dbPassword", "string", IsSecret: true));
        secret.Set(N("db-instance"), "password", new Ref("dbPassword"));

        var findings = Run(new NoLiteralSecretsRule(), plain);

        Assert.Contains(findings, f => f.Resource == N("db-instance") && f.Message.Contains("not declared secret", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Resource == "dbPassword");
        Assert.Empty(Run(new NoLiteralSecretsRule(), secret));
    }

    [Fact]
    public void Secret_findings_never_quote_the_secret()
    {
        var program = Staging().Set(N("db-instance"), "password", "Sup3rS3cretValue");

        var finding = Assert.Single(Run(new NoLiteralSecretsRule(), program));

        Assert.DoesNotContain("Sup3rS3cretValue", finding.Message, StringComparison.Ordinal);
        Assert.Contains("password", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Private_sources_may_reach_state_but_public_ones_may_not()
    {
        Resource Rule(string cidr) => Extra(N("db-sg-from-peer"), ResourceTypes.IngressRule,
            new MapValue { ["securityGroupId"] = new Ref(N("db-sg"), "id"), ["cidrIpv4"] = cidr, ["ipProtocol"] = "tcp", ["fromPort"] = 5432, ["toPort"] = 5432 },
            N("aws"));

        Assert.Empty(Run(new StatefulNotPublicRule(), Staging().With(Rule("10.0.0.0/9"))));
        Assert.NotEmpty(Run(new StatefulNotPublicRule(), Staging().With(Rule("198.51.100.7/32"))));
    }

    [Fact]
    public void Only_an_application_load_balancer_may_take_the_internet_on_80_and_443()
    {
        var network = Staging().Set(N("lb-public-alb"), "loadBalancerType", "network")
            .Set(N("lb-public-sg-from-clients-203-0-113-0-24-443"), "cidrIpv4", "0.0.0.0/0")
            .Set(N("lb-public-sg-from-clients-203-0-113-0-24-80"), "cidrIpv4", "0.0.0.0/0");

        var findings = Run(new OpenIngressRule(), network);

        Assert.Equal([N("lb-public-sg-from-clients-203-0-113-0-24-443"), N("lb-public-sg-from-clients-203-0-113-0-24-80")], findings.Select(f => f.Resource).Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Contains("no application load balancer", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_tls_only_policy_given_as_json_text_counts()
    {
        var program = Staging().Set(N("storage-bucket-tls-only"), "policy",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":false}}}]}""");

        Assert.Empty(Run(new S3TlsOnlyRule(), program));
    }

    [Fact]
    public void A_policy_document_with_a_duplicate_key_is_not_read()
    {
        Assert.Null(BucketSettings.FromJson("""{"Effect":"Deny","Effect":"Allow"}"""));
        Assert.NotNull(BucketSettings.FromJson("""{"Effect":"Deny"}"""));
    }

    [Fact]
    public void Deprecated_inline_bucket_settings_count()
    {
        var program = Staging()
            .Without(N("storage-bucket-versioning"), N("storage-bucket-encryption"), N("storage-bucket-access-logging"))
            .Set(N("storage-bucket"), "versioning", new MapValue { ["enabled"] = true })
            .Set(N("storage-bucket"), "serverSideEncryptionConfiguration", new MapValue
            {
                ["rule"] = new MapValue { ["applyServerSideEncryptionByDefault"] = new MapValue { ["sseAlgorithm"] = "AES256" } },
            })
            .Set(N("storage-bucket"), "logging", new MapValue { ["targetBucket"] = new Ref(N("logs"), "id") });

        Assert.Empty(Failed(program));
    }

    [Fact]
    public void Kubernetes_resources_use_the_provider_of_their_own_region()
    {
        var program = Staging()
            .With(new Resource("ap-southeast-2-k8s", ResourceTypes.KubernetesProvider, new MapValue(), new ResourceOptions { Version = "4.34.2" }))
            .Options(N("harbor-namespace"), o => o with { Provider = new Ref("ap-southeast-2-k8s") });

        var findings = Run(new ProviderRegionRule(), program);

        Assert.Contains(findings, f => f.Resource == N("harbor-namespace") && f.Message.Contains("ap-southeast-2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_stand_alone_cache_cluster_fails_encryption_and_availability()
    {
        var program = Staging().With(Extra(N("cache-memcached"), ResourceTypes.CacheCluster,
            new MapValue { ["engine"] = "memcached", ["subnetGroupName"] = new Ref(N("cache-subnets"), "name") }, N("aws"), protect: true));

        Assert.Equal(["cache-encrypted", "az-loss"], Failed(program));
    }

    [Theory]
    [InlineData("ap-southeast-1-storage-archive-dr-bucket", "ap-southeast-2", true)]
    [InlineData("ap-southeast-1-db-snapshots-dr", "ap-southeast-2", true)]
    [InlineData("ap-southeast-1-storage-archive-bucket", "ap-southeast-2", false)]
    [InlineData("ap-southeast-1-storage-archive-dr-bucket", "us-east-1", false)]
    [InlineData("ap-southeast-1-storage-archive-dr-bucket", "ap-southeast-1", true)]
    public void A_dr_copy_named_for_its_region_lives_in_that_regions_one_dr_region(string name, string providerRegion, bool allowed)
    {
        // staging's DR copies of ap-southeast-1 live in ap-southeast-2; us-east-1 holds only the DNS zone.
        var program = Staging().With(new Resource(name, ResourceTypes.BucketVersioning,
            new MapValue { ["bucket"] = "x", ["versioningConfiguration"] = new MapValue { ["status"] = "Enabled" } },
            new ResourceOptions { Provider = new Ref($"{providerRegion}-aws") }));

        var flagged = Run(new ProviderRegionRule(), program).Any(f => f.Resource == name);

        Assert.Equal(!allowed, flagged);
    }
}
