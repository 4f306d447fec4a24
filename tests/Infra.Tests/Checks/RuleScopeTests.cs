using HarborHa.Checks;
using HarborHa.Checks.Rules;
using HarborHa.Model;
using Xunit;
using static HarborHa.Tests.Checks.SampleProgram;

namespace HarborHa.Tests.Checks;

/// <summary>What each rule deliberately does not flag: dev's relaxed protection, accepted single-site trade-offs, and look-alikes.</summary>
public sealed class RuleScopeTests
{
    private static string N(string role) => $"{R}-{role}";

    private static IReadOnlyList<Finding> Run(ICheckRule rule, PulumiProgram program, string environment = "prod", string topology = "ha") =>
        rule.Evaluate(program, Config(environment, topology)).ToArray();

    [Fact]
    public void Dev_does_not_require_protection_deletion_protection_or_final_snapshots()
    {
        var program = Build()
            .Options(N("db-instance"), o => o with { Protect = false })
            .Set(N("db-instance"), "deletionProtection", false)
            .Set(N("db-instance"), "skipFinalSnapshot", true)
            .Set(N("registry-alb"), "enableDeletionProtection", false);

        var report = CheckRunner.Run(program, Config(environment: "dev"));

        Assert.False(report.Failed);
        Assert.True(CheckRunner.Run(program, Config(environment: "staging")).Failed);
    }

    [Fact]
    public void Single_site_reports_a_shared_nat_as_accepted_and_ha_fails_on_it()
    {
        var program = Build().Set(N("network-private-route-internet-b"), "natGatewayId", new Ref(N("network-nat-a"), "id"));

        var single = CheckRunner.Run(program, Config(topology: "single-site"));
        var ha = CheckRunner.Run(program, Config(topology: "ha"));

        var accepted = Assert.Single(single.Results.Single(r => r.Rule.Id == "az-loss").Findings);
        Assert.True(accepted.Accepted);
        Assert.False(single.Failed);
        Assert.True(ha.Failed);
    }

    [Fact]
    public void A_single_az_database_is_listed_under_every_zone_when_its_zone_is_not_pinned()
    {
        var program = Build().Set(N("db-instance"), "multiAz", false);

        var report = AzLossAnalysis.Analyze(program, Config());

        Assert.All(report.Zones[R], zone => Assert.Contains(report.For(R, zone), l => l.Resource == N("db-instance")));

        var pinned = AzLossAnalysis.Analyze(program.Set(N("db-instance"), "availabilityZone", R + "b"), Config());
        Assert.Contains(pinned.For(R, R + "b"), l => l.Resource == N("db-instance"));
        Assert.DoesNotContain(pinned.For(R, R + "a"), l => l.Resource == N("db-instance"));
    }

    [Fact]
    public void A_subnet_tier_in_one_zone_is_a_single_point_of_failure()
    {
        var program = Build();
        foreach (var z in new[] { "b", "c" })
        {
            program = program.Set(N($"network-data-{z}"), "availabilityZone", R + "a");
        }

        var report = AzLossAnalysis.Analyze(program, Config());

        Assert.Contains(report.For(R, R + "a"), l => l.Resource == N("network-data") && l.What.Contains("only", StringComparison.Ordinal));
        Assert.Contains(report.For(R, R + "a"), l => l.Resource == N("db-subnets"));
    }

    [Fact]
    public void Names_that_refer_to_secrets_are_not_secrets()
    {
        var program = Build()
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
        var plain = Build();
        plain.DeclareConfig(new ConfigDeclaration("dbPassword", "string", IsSecret: false));
        plain.Set(N("db-instance"), "password", new Ref("dbPassword"));
        var secret = Build();
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
        var program = Build().Set(N("db-instance"), "password", "Sup3rS3cretValue");

        var finding = Assert.Single(Run(new NoLiteralSecretsRule(), program));

        Assert.DoesNotContain("Sup3rS3cretValue", finding.Message, StringComparison.Ordinal);
        Assert.Contains("password", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Private_sources_may_reach_state_but_public_ones_may_not()
    {
        Resource Rule(string cidr) => new(N("db-sg-from-peer"), "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            new MapValue { ["securityGroupId"] = new Ref(N("db-sg"), "id"), ["cidrIpv4"] = cidr, ["ipProtocol"] = "tcp", ["fromPort"] = 5432, ["toPort"] = 5432 },
            new ResourceOptions { Provider = new Ref(N("aws")) });

        Assert.Empty(Run(new StatefulNotPublicRule(), Build().With(Rule("10.0.0.0/9"))));
        Assert.NotEmpty(Run(new StatefulNotPublicRule(), Build().With(Rule("198.51.100.7/32"))));
    }

    [Fact]
    public void Only_an_application_load_balancer_may_take_the_internet_on_443()
    {
        var network = Build().Set(N("registry-alb"), "loadBalancerType", "network");

        var findings = Run(new OpenIngressRule(), network);

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Contains("no application load balancer", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_tls_only_policy_given_as_json_text_counts()
    {
        var program = Build().Set(N("storage-registry-policy"), "policy",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":false}}}]}""");

        Assert.Empty(Run(new S3TlsOnlyRule(), program));
    }

    [Fact]
    public void Deprecated_inline_bucket_settings_count()
    {
        var program = Build()
            .Without(N("storage-registry-versioning"), N("storage-registry-encryption"), N("storage-registry-logging"))
            .Set(N("storage-registry"), "versioning", new MapValue { ["enabled"] = true })
            .Set(N("storage-registry"), "serverSideEncryptionConfiguration", new MapValue
            {
                ["rule"] = new MapValue { ["applyServerSideEncryptionByDefault"] = new MapValue { ["sseAlgorithm"] = "AES256" } },
            })
            .Set(N("storage-registry"), "logging", new MapValue { ["targetBucket"] = new Ref(N("storage-logs"), "id") });

        Assert.False(CheckRunner.Run(program, Config()).Failed);
    }

    [Fact]
    public void Kubernetes_resources_use_the_provider_of_their_own_region()
    {
        var program = Build()
            .With(new Resource("eu-west-1-k8s", "pulumi:providers:kubernetes", new MapValue(), new ResourceOptions { Version = "4.34.2" }))
            .Options(N("harbor-namespace"), o => o with { Provider = new Ref("eu-west-1-k8s") });

        var findings = Run(new ProviderRegionRule(), program);

        Assert.Contains(findings, f => f.Resource == N("harbor-namespace") && f.Message.Contains("eu-west-1", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Resource == "eu-west-1-k8s");
    }

    [Fact]
    public void A_dr_region_provider_is_allowed()
    {
        var program = Build()
            .With(new Resource("ap-southeast-2-aws", "pulumi:providers:aws", new MapValue { ["region"] = "ap-southeast-2", ["profile"] = "harbor-global" }, new ResourceOptions { Version = "7.48.0" }))
            .With(new Resource("ap-southeast-2-storage-replica-kms", "aws:kms/key:Key", new MapValue { ["enableKeyRotation"] = true },
                new ResourceOptions { Provider = new Ref("ap-southeast-2-aws"), Protect = true }));

        Assert.False(CheckRunner.Run(program, Config()).Failed);
    }

    [Fact]
    public void A_stand_alone_cache_cluster_fails_encryption_and_availability()
    {
        var program = Build().With(new Resource(N("cache-memcached"), "aws:elasticache/cluster:Cluster",
            new MapValue { ["engine"] = "memcached", ["subnetGroupName"] = new Ref(N("cache-subnets"), "name") },
            new ResourceOptions { Provider = new Ref(N("aws")), Protect = true }));

        var failed = CheckRunner.Run(program, Config()).Failures.Select(f => f.Rule.Id).ToArray();

        Assert.Equal(["cache-encrypted", "az-loss"], failed);
    }

    [Theory]
    [InlineData("ap-southeast-1-storage-dr-bucket", "ap-southeast-2", true)]
    [InlineData("ap-southeast-1-db-backups-dr", "ap-southeast-2", true)]
    [InlineData("ap-southeast-1-storage-bucket", "ap-southeast-2", false)]
    [InlineData("ap-southeast-1-storage-dr-bucket", "eu-west-1", false)]
    public void A_dr_copy_named_for_its_region_lives_in_that_regions_dr_region(string name, string providerRegion, bool allowed)
    {
        var program = Build()
            .With(new Resource($"{providerRegion}-aws", "pulumi:providers:aws", new MapValue { ["region"] = providerRegion, ["profile"] = "harbor-global" }, new ResourceOptions { Version = "7.48.0" }))
            .With(new Resource(name, "aws:s3/bucketVersioning:BucketVersioning",
                new MapValue { ["bucket"] = "x", ["versioningConfiguration"] = new MapValue { ["status"] = "Enabled" } },
                new ResourceOptions { Provider = new Ref($"{providerRegion}-aws") }));

        var flagged = Run(new ProviderRegionRule(), program).Any(f => f.Resource == name);

        Assert.Equal(!allowed, flagged);
    }
}
