using HarborHa.Common;
using HarborHa.Model;
using HarborHa.Network;

namespace HarborHa.Database;

/// <summary>
/// Harbor's PostgreSQL: an RDS instance in the region's data subnets, reachable only from the
/// groups that <see cref="AllowFrom"/> names, encrypted with the region's key, SSL forced, with
/// automated backups (point-in-time recovery) replicated to the DR region when there is one.
/// Created from a snapshot or a point in time when the region's config names a restore source;
/// its logical names never change with restore settings or sizes.
/// </summary>
public sealed class HarborDatabase
{
    private readonly string _region;

    public HarborDatabase(PulumiProgram program, Ref provider, RegionalNetwork network, DatabaseArgs args)
    {
        _region = args.Region;
        var isProtected = args.Protection == Protection.Protected;

        // RDS master passwords exclude '/', '"', '@' and spaces, and Harbor puts the password into a
        // connection string: letters and digits only, long enough to need no symbols.
        Password = GeneratedSecret.Password(program, Name("password"), args.RandomProvider, 40);

        SecurityGroup = new SecurityGroup(program, provider, Name("sg"), network.VpcId,
            "harbor-ha PostgreSQL: only Harbor's nodes", allowAllEgress: false);

        var subnets = program.Declare(Name("subnets"), ResourceTypes.RdsSubnetGroup, provider, new MapValue
        {
            ["description"] = $"harbor-ha {_region} data subnets",
            ["subnetIds"] = new ListValue(network.SubnetIds[SubnetTier.Data].ToArray<Value>()),
            ["tags"] = ProgramExtensions.NameTag(Name("subnets")),
        });

        // rds.force_ssl rejects unencrypted connections (default off before PostgreSQL 16).
        var parameters = program.Declare(Name("params"), ResourceTypes.RdsParameterGroup, provider, new MapValue
        {
            ["family"] = DatabasePlan.ParameterGroupFamily,
            ["description"] = $"harbor-ha {_region} PostgreSQL: SSL required",
            ["parameters"] = Value.List(new MapValue { ["name"] = "rds.force_ssl", ["value"] = "1" }),
            ["tags"] = ProgramExtensions.NameTag(Name("params")),
        });

        var properties = new MapValue
        {
            ["engine"] = "postgres",
            ["engineVersion"] = DatabasePlan.EngineVersion,
            ["autoMinorVersionUpgrade"] = true,
            ["allowMajorVersionUpgrade"] = false,
            ["instanceClass"] = args.InstanceClass,
            ["storageType"] = "gp3",
            ["allocatedStorage"] = args.AllocatedStorageGb,
            ["maxAllocatedStorage"] = args.MaxAllocatedStorageGb,
            ["storageEncrypted"] = true,
            ["kmsKeyId"] = args.KmsKeyArn,
            ["dbName"] = DatabasePlan.DatabaseName,
            ["username"] = DatabasePlan.Username,
            ["password"] = Password,
            ["port"] = DatabasePlan.Port,
            ["dbSubnetGroupName"] = subnets.Out("name"),
            ["vpcSecurityGroupIds"] = Value.List(SecurityGroup.Id),
            ["parameterGroupName"] = parameters.Out("name"),
            ["publiclyAccessible"] = false,
            ["multiAz"] = args.Redundancy == Redundancy.MultiAz,
            ["backupRetentionPeriod"] = args.BackupRetentionDays,
            ["copyTagsToSnapshot"] = true,
            ["deletionProtection"] = isProtected,
            ["skipFinalSnapshot"] = !isProtected,
            // Kept after deletion, they are a restore source if the instance is deleted by mistake.
            ["deleteAutomatedBackups"] = !isProtected,
            ["applyImmediately"] = !isProtected,
            ["performanceInsightsEnabled"] = true,
            ["performanceInsightsKmsKeyId"] = args.KmsKeyArn,
            ["performanceInsightsRetentionPeriod"] = args.PerformanceInsightsRetentionDays,
            ["identifier"] = args.Identifier,
            ["enabledCloudwatchLogsExports"] = Value.List(DatabasePlan.LogExports),
            ["tags"] = ProgramExtensions.NameTag(Name("instance")),
        };
        if (isProtected)
        {
            properties.Add("finalSnapshotIdentifier", args.FinalSnapshotIdentifier);
        }

        AddRestoreSource(properties, args.Restore);
        // The groups RDS exports into, created first so that retention applies (RDS creates missing
        // groups with logs kept forever).
        var logGroups = DatabasePlan.LogExports.Select(log => program.Declare(Name($"logs-{log}"), ResourceTypes.CloudWatchLogGroup, provider, new MapValue
        {
            ["name"] = $"/aws/rds/instance/{args.Identifier}/{log}",
            ["retentionInDays"] = args.LogRetentionDays,
        }).Self).ToArray();
        var instance = program.Declare(Name("instance"), ResourceTypes.RdsInstance, provider, properties, new ResourceOptions
        {
            Protect = isProtected,
            // An instance created before the identifier was set keeps its generated one (a new identifier renames the database).
            IgnoreChanges = [.. DatabasePlan.CreateOnlyProperties, "identifier"],
            DependsOn = logGroups,
            AdditionalSecretOutputs = ["password"],
            // Multi-AZ creation, restores and storage changes routinely outlast the provider's 40-minute default.
            CustomTimeouts = new CustomTimeouts(Create: "120m", Update: "120m", Delete: "120m"),
        });
        if (args.Redundancy == Redundancy.SingleAz)
        {
            program.Accept(instance.Name, "az-loss", "single-site keeps one database in one AZ to save cost; use ha for AZ redundancy");
        }

        Address = instance.Out("address");
        Endpoint = instance.Out("endpoint");
        Arn = instance.Out("arn");
        Identifier = instance.Out("identifier");

        if (args.Dr is { } dr)
        {
            DeclareBackupReplication(program, dr, args.BackupRetentionDays);
        }
    }

    /// <summary>Host name of the instance (Harbor's <c>database.external.host</c>).</summary>
    public Ref Address { get; }

    /// <summary><c>host:port</c> of the instance.</summary>
    public Ref Endpoint { get; }

    public Ref Arn { get; }

    /// <summary>The instance identifier: the dimension of its CloudWatch metrics and the source of snapshots.</summary>
    public Ref Identifier { get; }

    public int Port { get; } = DatabasePlan.Port;

    public string DatabaseName { get; } = DatabasePlan.DatabaseName;

    public string Username { get; } = DatabasePlan.Username;

    /// <summary>The master password: the random password's result, secret in state and in every output it flows into.</summary>
    public Ref Password { get; }

    /// <summary>The instance's security group; it admits nothing until <see cref="AllowFrom"/> is called.</summary>
    public SecurityGroup SecurityGroup { get; }

    /// <summary>Lets members of <paramref name="clients"/> (the cluster's nodes) connect on the PostgreSQL port.</summary>
    public void AllowFrom(SecurityGroup clients) =>
        SecurityGroup.AllowFrom(clients, DatabasePlan.Port, "Harbor (core, jobservice, exporter) to PostgreSQL");

    private string Name(string role) => LogicalName.Of(_region, "db", role);

    private static void AddRestoreSource(MapValue properties, DatabaseRestore? restore)
    {
        if (restore?.SnapshotIdentifier is { } snapshot)
        {
            properties.Add("snapshotIdentifier", snapshot);
        }
        else if (restore?.AutomatedBackupsArn is { } backups)
        {
            var pointInTime = new MapValue { ["sourceDbInstanceAutomatedBackupsArn"] = backups };
            if (restore.RestoreTime is { } time)
            {
                pointInTime.Add("restoreTime", time);
            }
            else
            {
                pointInTime.Add("useLatestRestorableTime", true);
            }

            properties.Add("restoreToPointInTime", pointInTime);
        }
    }

    /// <summary>
    /// Replicates snapshots and transaction logs to the DR region, where they can be restored to any
    /// point in the retention window. Declared with the DR region's provider (the API is called in
    /// the destination region) and encrypted with the DR region's key.
    /// </summary>
    private void DeclareBackupReplication(PulumiProgram program, DrSite dr, int retentionDays) =>
        program.Declare(Name("backups-dr"), ResourceTypes.RdsInstanceAutomatedBackupsReplication, dr.Provider, new MapValue
        {
            ["sourceDbInstanceArn"] = Arn,
            ["kmsKeyId"] = dr.KmsKeyArn,
            ["retentionPeriod"] = retentionDays,
        }, new ResourceOptions
        {
            // RDS allows one replication per source instance and DR region: stop the old before starting the new.
            DeleteBeforeReplace = true,
            CustomTimeouts = new CustomTimeouts(Create: "120m", Delete: "120m"),
        });
}
