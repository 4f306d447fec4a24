using HarborHa.Model;
using HarborHa.Tests.Support;
using Xunit;
using static HarborHa.Tests.State.StateTestSupport;

namespace HarborHa.Tests.State;

public sealed class StorageTests
{
    private static readonly PulumiProgram HaProgram = TestConfigs.Synth(TestConfigs.Ha);
    private static readonly PulumiProgram GeoProgram = TestConfigs.Synth(TestConfigs.Geo);
    private static readonly PulumiProgram DevProgram = TestConfigs.Synth(TestConfigs.SingleSite);

    public static TheoryData<string> Buckets => new() { "eu-central-1-storage-bucket", "eu-central-1-storage-dr-bucket" };

    [Fact]
    public void Bucket_names_come_from_the_domain_and_region()
    {
        Assert.Equal("registry-example-com-eu-central-1-registry", HaProgram.Get("eu-central-1-storage-bucket").Text("bucket"));
        Assert.Equal("registry-example-com-eu-central-1-registry-dr", HaProgram.Get("eu-central-1-storage-dr-bucket").Text("bucket"));
    }

    [Theory]
    [MemberData(nameof(Buckets))]
    public void Every_bucket_is_versioned_kms_encrypted_private_owner_enforced_and_tls_only(string bucket)
    {
        var region = HaProgram.ProviderRegion(HaProgram.Get(bucket));
        var key = bucket.Contains("-dr-", StringComparison.Ordinal) ? "eu-central-1-state-dr-key.arn" : "eu-central-1-state-key.arn";
        Resource Part(string role)
        {
            var part = HaProgram.Get($"{bucket}-{role}");
            Assert.Equal([$"{bucket}.id"], RefsIn(part.At("bucket")!));
            Assert.Equal(region, HaProgram.ProviderRegion(part));
            return part;
        }

        Assert.Equal("Enabled", Part("versioning").TextAt("versioningConfiguration.status"));

        var encryption = Part("encryption");
        Assert.Equal("aws:kms", encryption.TextAt("rules[0].applyServerSideEncryptionByDefault.sseAlgorithm"));
        Assert.Equal([key], RefsIn(encryption.At("rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId")!));

        var block = Part("public-access");
        foreach (var setting in new[] { "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets" })
        {
            Assert.True(block.FlagAt(setting), setting);
        }

        Assert.Equal("BucketOwnerEnforced", Part("ownership").TextAt("rule.objectOwnership"));

        var lifecycle = Part("lifecycle");
        var rules = ((ListValue)lifecycle.At("rules")!).Items.Cast<MapValue>().ToArray();
        Assert.Contains(rules, r => r.ContainsKey("abortIncompleteMultipartUpload"));
        Assert.Contains(rules, r => r.ContainsKey("noncurrentVersionExpiration"));

        var policy = Part("tls-only");
        var statement = (MapValue)((ListValue)((MapValue)((ToJson)policy.At("policy")!).Inner)["Statement"]).Items.Single();
        Assert.Equal("Deny", ((Text)statement["Effect"]).Value);
        Assert.Equal("false", ((Text)((MapValue)((MapValue)statement["Condition"])["Bool"])["aws:SecureTransport"]).Value);
        Assert.Equal([$"{bucket}.arn", $"{bucket}.arn"], RefsIn(statement["Resource"]));
    }

    [Fact]
    public void Dr_bucket_lives_in_the_dr_region_and_the_primary_in_its_own()
    {
        Assert.Equal("eu-central-1", HaProgram.ProviderRegion(HaProgram.Get("eu-central-1-storage-bucket")));
        Assert.Equal("eu-west-1", HaProgram.ProviderRegion(HaProgram.Get("eu-central-1-storage-dr-bucket")));
    }

    [Fact]
    public void Replication_copies_kms_objects_and_delete_markers_to_the_dr_bucket_with_the_dr_key_and_metrics()
    {
        var replication = HaProgram.Get("eu-central-1-storage-replication");
        Assert.Equal("aws:s3/bucketReplicationConfig:BucketReplicationConfig", replication.Type);
        Assert.Equal(["eu-central-1-storage-bucket.id"], RefsIn(replication.At("bucket")!));
        Assert.Equal(["eu-central-1-storage-replication-role.arn"], RefsIn(replication.At("role")!));
        Assert.Equal("Enabled", replication.TextAt("rules[0].status"));
        Assert.Equal("Enabled", replication.TextAt("rules[0].sourceSelectionCriteria.sseKmsEncryptedObjects.status"));
        Assert.Equal("Enabled", replication.TextAt("rules[0].deleteMarkerReplication.status"));
        Assert.NotNull(replication.At("rules[0].filter"));
        Assert.Equal(["eu-central-1-storage-dr-bucket.arn"], RefsIn(replication.At("rules[0].destination.bucket")!));
        Assert.Equal(["eu-central-1-state-dr-key.arn"], RefsIn(replication.At("rules[0].destination.encryptionConfiguration.replicaKmsKeyId")!));
        Assert.Equal("Enabled", replication.TextAt("rules[0].destination.metrics.status"));
        var dependsOn = replication.Options.DependsOn.Select(d => d.Target).ToArray();
        Assert.Contains("eu-central-1-storage-bucket-versioning", dependsOn);
        Assert.Contains("eu-central-1-storage-dr-bucket-versioning", dependsOn);
    }

    [Fact]
    public void Replication_role_may_only_read_the_source_write_the_replica_and_use_each_key_through_s3()
    {
        var role = HaProgram.Get("eu-central-1-storage-replication-role");
        var trust = (MapValue)((ListValue)((MapValue)((ToJson)role.At("assumeRolePolicy")!).Inner)["Statement"]).Items.Single();
        Assert.Equal("s3.amazonaws.com", ((Text)((MapValue)trust["Principal"])["Service"]).Value);

        var statements = Statements(HaProgram.Get("eu-central-1-storage-replication-policy"));
        var resources = statements.SelectMany(s => RefsIn(s["Resource"])).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(
            ["eu-central-1-state-dr-key.arn", "eu-central-1-state-key.arn", "eu-central-1-storage-bucket.arn", "eu-central-1-storage-dr-bucket.arn"],
            resources);
        Assert.DoesNotContain(statements, s => Actions(s).Any(a => a.EndsWith('*')));
        var decrypt = Assert.Single(statements, s => Actions(s).Contains("kms:Decrypt"));
        Assert.Equal("s3.eu-central-1.amazonaws.com", ViaService(decrypt));
        var encrypt = Assert.Single(statements, s => Actions(s).Contains("kms:Encrypt"));
        Assert.Equal("s3.eu-west-1.amazonaws.com", ViaService(encrypt));
        var replicate = Assert.Single(statements, s => Actions(s).Contains("s3:ReplicateObject"));
        Assert.Equal(["eu-central-1-storage-dr-bucket.arn"], RefsIn(replicate["Resource"]));
    }

    [Fact]
    public void China_policies_name_china_endpoints_and_never_a_literal_aws_partition_arn()
    {
        var decrypt = Assert.Single(Statements(GeoProgram.Get("cn-north-1-storage-replication-policy")), s => Actions(s).Contains("kms:Decrypt"));
        Assert.Equal("s3.cn-north-1.amazonaws.com.cn", ViaService(decrypt));
        foreach (var resource in GeoProgram.Resources.Where(r => r.Name.StartsWith("cn-", StringComparison.Ordinal)))
        {
            var literals = ValueWalker.Descendants(resource.Properties).OfType<Text>().Select(t => t.Value);
            Assert.DoesNotContain(literals, t => t.StartsWith("arn:aws:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Registry_user_may_use_only_its_bucket_and_key_and_its_secret_stays_secret()
    {
        var statements = Statements(HaProgram.Get("eu-central-1-storage-registry-policy"));
        var resources = statements.SelectMany(s => RefsIn(s["Resource"])).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["eu-central-1-state-key.arn", "eu-central-1-storage-bucket.arn"], resources);
        Assert.DoesNotContain(statements, s => Actions(s).Any(a => a.EndsWith('*') || a.StartsWith("iam:", StringComparison.Ordinal)));

        var key = HaProgram.Get("eu-central-1-storage-registry-key");
        Assert.Equal("aws:iam/accessKey:AccessKey", key.Type);
        Assert.Equal(["eu-central-1-storage-registry-user.name"], RefsIn(key.At("user")!));
        Assert.Contains("secret", key.Options.AdditionalSecretOutputs);
    }

    [Fact]
    public void Use_dr_restore_points_harbor_and_the_registry_user_at_the_dr_bucket_without_renaming_anything()
    {
        var restored = TestConfigs.Synth(TestConfigs.Ha.With("      drRegion: eu-west-1", "      drRegion: eu-west-1\n      restore:\n        storage: use-dr"));
        Assert.Equal(HaProgram.Resources.Select(r => r.Name), restored.Resources.Select(r => r.Name));
        Assert.Equal(["eu-central-1-storage-dr-bucket.bucket"], RefsIn(restored.Outputs["euCentral1RegistryBucket"]));
        var resources = Statements(restored.Get("eu-central-1-storage-registry-policy")).SelectMany(s => RefsIn(s["Resource"])).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["eu-central-1-state-dr-key.arn", "eu-central-1-storage-dr-bucket.arn"], resources);
        Assert.Equal(["eu-central-1-storage-bucket.bucket"], RefsIn(HaProgram.Outputs["euCentral1RegistryBucket"]));
    }

    [Fact]
    public void Region_without_dr_region_has_no_replica_and_dev_buckets_empty_on_destroy()
    {
        Assert.Empty(DevProgram.OfType("aws:s3/bucketReplicationConfig:BucketReplicationConfig"));
        Assert.DoesNotContain(DevProgram.OfType(Bucket), b => b.Name.Contains("-dr-", StringComparison.Ordinal));
        var bucket = DevProgram.Get("ap-southeast-1-storage-bucket");
        Assert.True(bucket.FlagAt("forceDestroy"));
        Assert.False(bucket.Options.Protect);
        Assert.False(HaProgram.Get("eu-central-1-storage-bucket").FlagAt("forceDestroy"));
    }

    [Fact]
    public void Buckets_use_the_current_split_resources_not_the_deprecated_ones()
    {
        var types = GeoProgram.Resources.Select(r => r.Type).Where(t => t.StartsWith("aws:s3/", StringComparison.Ordinal)).ToHashSet();
        Assert.DoesNotContain(types, t => t.EndsWith("V2", StringComparison.Ordinal));
        foreach (var bucket in GeoProgram.OfType(Bucket))
        {
            foreach (var inline in new[] { "versioning", "serverSideEncryptionConfiguration", "lifecycleRules", "replicationConfiguration", "policy", "acl" })
            {
                Assert.False(bucket.Properties.ContainsKey(inline), $"{bucket.Name} sets deprecated inline {inline}");
            }
        }
    }

    private static MapValue[] Statements(Resource policy) =>
        ((ListValue)((MapValue)((ToJson)policy.At("policy")!).Inner)["Statement"]).Items.Cast<MapValue>().ToArray();

    private static string[] Actions(MapValue statement) =>
        statement["Action"] switch
        {
            Text t => [t.Value],
            ListValue l => l.Items.Cast<Text>().Select(t => t.Value).ToArray(),
            _ => [],
        };

    private static string ViaService(MapValue statement) =>
        ((Text)((MapValue)((MapValue)statement["Condition"])["StringEquals"])["kms:ViaService"]).Value;

    [Fact]
    public void Every_state_bucket_logs_access_to_the_log_bucket_of_its_own_region()
    {
        foreach (var bucket in GeoProgram.OfType(Bucket).Where(b => b.Name.Contains("-storage-", StringComparison.Ordinal)))
        {
            var logging = GeoProgram.Get($"{bucket.Name}-access-logging");
            var target = GeoProgram.Get(((Ref)logging.Properties["targetBucket"]).Target);
            Assert.Equal(bucket.Options.Provider, target.Options.Provider);
            Assert.Equal(bucket.Options.Provider, logging.Options.Provider);
            Assert.Equal((Value)$"s3/{bucket.Name}/", logging.Properties["targetPrefix"]);
        }

        // The DR bucket of ap-southeast-1 lives in ap-southeast-2, which only holds DR copies: it gets a log bucket there.
        Assert.Equal("${ap-southeast-2-aws}", GeoProgram.Get("ap-southeast-2-logs").Options.Provider!.Expression);
    }

    [Fact]
    public void Raising_the_key_version_rotates_only_the_access_key_and_what_holds_it()
    {
        var before = TestConfigs.Synth(TestConfigs.Ha);
        var after = TestConfigs.Synth(TestConfigs.Ha + "\n  harbor-ha:registryKeyVersion: 2");
        var diff = ProgramChanges.Between(before, after);

        Assert.Equal(["eu-central-1-storage-registry-key-v2"], diff.Added);
        Assert.Equal(["eu-central-1-storage-registry-key"], diff.Removed);
        // Only the Kubernetes Secret carrying the key changes (and is replaced, rolling the registry pods).
        Assert.Equal(["eu-central-1-harbor-s3-secret"], diff.Changed.Keys);
    }
}
