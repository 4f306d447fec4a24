using HarborHa.Model;
using HarborHa.Tests.Support;
using Xunit;
using static HarborHa.Tests.State.StateTestSupport;

namespace HarborHa.Tests.State;

public sealed class DatabaseTests
{
    private static readonly PulumiProgram HaProgram = TestConfigs.Synth(TestConfigs.Ha);
    private static readonly PulumiProgram DevProgram = TestConfigs.Synth(TestConfigs.SingleSite);

    [Fact]
    public void Instance_is_encrypted_private_gp3_postgres15_with_autoscaling_and_insights()
    {
        var db = HaProgram.Get("eu-central-1-db-instance");
        Assert.Equal("postgres", db.Text("engine"));
        Assert.Equal("15", db.Text("engineVersion"));
        Assert.Equal("gp3", db.Text("storageType"));
        Assert.True(db.FlagAt("storageEncrypted"));
        Assert.Equal(["eu-central-1-state-key.arn"], RefsIn(db.At("kmsKeyId")!));
        Assert.Equal(["eu-central-1-state-key.arn"], RefsIn(db.At("performanceInsightsKmsKeyId")!));
        Assert.True(db.FlagAt("performanceInsightsEnabled"));
        Assert.False(db.FlagAt("publiclyAccessible"));
        Assert.True(db.NumberAt("maxAllocatedStorage") > db.NumberAt("allocatedStorage"));
        Assert.Equal("registry", db.Text("dbName"));
        Assert.Equal(["eu-central-1-db-subnets.name"], RefsIn(db.At("dbSubnetGroupName")!));
    }

    [Fact]
    public void Subnet_group_holds_exactly_the_data_subnets()
    {
        var subnets = HaProgram.Get("eu-central-1-db-subnets");
        var ids = RefsIn(subnets.At("subnetIds")!);
        Assert.Equal(["eu-central-1-network-data-a.id", "eu-central-1-network-data-b.id", "eu-central-1-network-data-c.id"], ids);
    }

    [Fact]
    public void Parameter_group_forces_ssl_and_matches_the_engine_family()
    {
        var parameters = HaProgram.Get("eu-central-1-db-params");
        Assert.Equal("postgres15", parameters.Text("family"));
        Assert.Equal("rds.force_ssl", parameters.TextAt("parameters[0].name"));
        Assert.Equal("1", parameters.TextAt("parameters[0].value"));
        Assert.Equal(["eu-central-1-db-params.name"], RefsIn(HaProgram.Get("eu-central-1-db-instance").At("parameterGroupName")!));
    }

    [Fact]
    public void Only_the_cluster_nodes_reach_postgres_and_only_on_5432()
    {
        var rules = HaProgram.OfType(IngressRule)
            .Where(r => RefsIn(r.At("securityGroupId")!).Contains("eu-central-1-db-sg.id"))
            .ToArray();
        var rule = Assert.Single(rules);
        Assert.Equal(["eu-central-1-cluster-nodes-sg.id"], RefsIn(rule.At("referencedSecurityGroupId")!));
        Assert.Equal(5432, rule.NumberAt("fromPort"));
        Assert.Equal(5432, rule.NumberAt("toPort"));
        Assert.Null(rule.At("cidrIpv4"));
        Assert.Equal(["eu-central-1-db-sg.id"], RefsIn(HaProgram.Get("eu-central-1-db-instance").At("vpcSecurityGroupIds")!));
    }

    [Fact]
    public void Password_comes_from_a_secret_random_password_without_symbols()
    {
        var db = HaProgram.Get("eu-central-1-db-instance");
        Assert.Equal(["eu-central-1-db-password.result"], RefsIn(db.At("password")!));
        Assert.Contains("password", db.Options.AdditionalSecretOutputs);
        var password = HaProgram.Get("eu-central-1-db-password");
        Assert.Equal(RandomPassword, password.Type);
        Assert.False(password.FlagAt("special"));
        Assert.True(password.NumberAt("length") >= 16);
        Assert.Contains("result", password.Options.AdditionalSecretOutputs);
        Assert.Equal("global-random", password.Options.Provider!.Target);
    }

    [Fact]
    public void Protected_stack_keeps_a_deterministic_final_snapshot_and_refuses_deletion()
    {
        var db = HaProgram.Get("eu-central-1-db-instance");
        Assert.True(db.Options.Protect);
        Assert.True(db.FlagAt("deletionProtection"));
        Assert.False(db.FlagAt("skipFinalSnapshot"));
        Assert.False(db.FlagAt("deleteAutomatedBackups"));
        Assert.Equal("eu-central-1-registry-example-com-final", db.Text("finalSnapshotIdentifier"));
        Assert.Equal(14, db.NumberAt("backupRetentionPeriod"));
    }

    [Fact]
    public void Dev_database_is_disposable_and_single_az()
    {
        var db = DevProgram.Get("ap-southeast-1-db-instance");
        Assert.False(db.Options.Protect);
        Assert.False(db.FlagAt("deletionProtection"));
        Assert.True(db.FlagAt("skipFinalSnapshot"));
        Assert.Null(db.At("finalSnapshotIdentifier"));
        Assert.False(db.FlagAt("multiAz"));
        Assert.Equal(7, db.NumberAt("backupRetentionPeriod"));
    }

    [Fact]
    public void Automated_backups_replicate_to_the_dr_region_with_the_dr_key()
    {
        var replication = HaProgram.Get("eu-central-1-db-backups-dr");
        Assert.Equal("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", replication.Type);
        Assert.Equal("eu-west-1", HaProgram.ProviderRegion(replication));
        Assert.Equal(["eu-central-1-db-instance.arn"], RefsIn(replication.At("sourceDbInstanceArn")!));
        Assert.Equal(["eu-central-1-state-dr-key.arn"], RefsIn(replication.At("kmsKeyId")!));
        Assert.Equal("eu-west-1", HaProgram.ProviderRegion(HaProgram.Get("eu-central-1-state-dr-key")));
        Assert.Equal(14, replication.NumberAt("retentionPeriod"));
        Assert.True(replication.Options.DeleteBeforeReplace);
    }

    [Fact]
    public void Region_without_dr_region_has_no_backup_replication()
    {
        Assert.Empty(DevProgram.OfType("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication"));
        Assert.DoesNotContain(DevProgram.Resources, r => r.Name.Contains("dr-key", StringComparison.Ordinal));
    }

    [Fact]
    public void Snapshot_restore_sets_snapshot_identifier_and_keeps_every_name()
    {
        var restored = TestConfigs.Synth(TestConfigs.Ha.With("      drRegion: eu-west-1",
            "      drRegion: eu-west-1\n      restore:\n        databaseSnapshot: eu-central-1-registry-example-com-final"));
        var db = restored.Get("eu-central-1-db-instance");
        Assert.Equal("eu-central-1-registry-example-com-final", db.Text("snapshotIdentifier"));
        Assert.Null(db.At("restoreToPointInTime"));
        Assert.Equal(HaProgram.Resources.Select(r => r.Name), restored.Resources.Select(r => r.Name));
    }

    [Fact]
    public void Point_in_time_restore_uses_the_backup_arn_and_the_time_or_the_latest()
    {
        // Replicated backups are restored in the region that holds them: the ARN names the region rebuilt.
        const string arn = "arn:aws:rds:eu-central-1:123456789012:auto-backup:ab-abcdefghijklmnopqrstuvwxyz";
        var atTime = TestConfigs.Synth(TestConfigs.Ha.With("      drRegion: eu-west-1",
            $"      drRegion: eu-west-1\n      restore:\n        databaseBackupArn: {arn}\n        databaseRestoreTime: 2026-11-30T08:00:00Z")).Get("eu-central-1-db-instance");
        Assert.Equal(arn, atTime.TextAt("restoreToPointInTime.sourceDbInstanceAutomatedBackupsArn"));
        Assert.Equal("2026-11-30T08:00:00Z", atTime.TextAt("restoreToPointInTime.restoreTime"));
        Assert.Null(atTime.At("restoreToPointInTime.useLatestRestorableTime"));
        Assert.Null(atTime.At("snapshotIdentifier"));

        var latest = TestConfigs.Synth(TestConfigs.Ha.With("      drRegion: eu-west-1",
            $"      drRegion: eu-west-1\n      restore:\n        databaseBackupArn: {arn}")).Get("eu-central-1-db-instance");
        Assert.True(latest.FlagAt("restoreToPointInTime.useLatestRestorableTime"));
        Assert.Null(latest.At("restoreToPointInTime.restoreTime"));
    }

    [Fact]
    public void Restore_inputs_and_the_key_are_ignored_after_creation_so_removing_them_never_replaces()
    {
        var db = HaProgram.Get("eu-central-1-db-instance");
        Assert.Contains("snapshotIdentifier", db.Options.IgnoreChanges);
        Assert.Contains("restoreToPointInTime", db.Options.IgnoreChanges);
        Assert.Contains("kmsKeyId", db.Options.IgnoreChanges);
        Assert.DoesNotContain("instanceClass", db.Options.IgnoreChanges);
    }
}
