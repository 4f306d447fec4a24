using HarborHa.Common;
using HarborHa.Model;
using HarborHa.Network;

namespace HarborHa.Dragonfly;

/// <summary>
/// Dragonfly in one region: the chart (manager, scheduler, seed peers, a peer on every node with
/// dfinit) and its own state. State choices, both forced by the pinned chart and Dragonfly 2.5.0:
/// <list type="bullet">
/// <item>Database: the chart renders only a MySQL section for the manager (templates/manager/
/// manager-configmap.yaml), so the regional PostgreSQL cannot be reused; a small encrypted RDS MySQL
/// in the data subnets instead.</item>
/// <item>Cache: Redis with cluster mode off (Dragonfly uses database numbers 0-2) and without TLS:
/// the manager's job queue builds plain <c>redis://</c> URLs (internal/job/job.go; dragonfly#4907),
/// so preheat jobs fail against a TLS-only Redis. ElastiCache allows an auth token only with TLS, so
/// this cache has none; its security group admits the cluster's nodes only, and it holds job state,
/// never image data or credentials.</item>
/// </list>
/// </summary>
public sealed class DragonflyCluster
{
    public const string ChartName = "dragonfly";
    public const string ChartVersion = "1.7.4";
    public const string Namespace = "dragonfly-system";
    public const string DatabaseName = "manager";
    public const string DatabaseUser = "dragonfly";

    /// <summary>The id of the check that requires Redis TLS and an AUTH token, which this cache accepts not to meet.</summary>
    public const string RedisTlsRuleId = "redis-tls";

    /// <summary>The manager's REST address inside the cluster (chart service <c>&lt;fullname&gt;-manager</c>, port 8080).</summary>
    public const string ManagerEndpoint = $"http://{DragonflyValues.FullName}-manager.{Namespace}.svc.cluster.local:8080";

    public DragonflyCluster(PulumiProgram program, DragonflyArgs args)
    {
        var region = args.Region;
        string Name(params string[] role) => LogicalName.Of([region, "dragonfly", .. role]);
        var aws = args.AwsProvider;
        var protect = args.Protection == Protection.Protected;
        var highlyAvailable = args.Redundancy == Redundancy.MultiAz;
        var stateful = new ResourceOptions { Protect = protect };

        var dbPassword = GeneratedSecret.Password(program, Name("db-password"), args.RandomProvider, 32);
        var jwtKey = GeneratedSecret.Password(program, Name("jwt-key"), args.RandomProvider, 48);

        var dbGroup = new SecurityGroup(program, aws, Name("db-sg"), args.VpcId, "harbor-ha Dragonfly manager database", allowAllEgress: false);
        dbGroup.AllowFrom(args.Nodes, 3306, "Dragonfly manager to MySQL");
        var dbSubnets = program.Declare(Name("db-subnets"), ResourceTypes.RdsSubnetGroup, aws, new MapValue
        {
            ["description"] = "harbor-ha Dragonfly database: data subnets, no internet route",
            ["subnetIds"] = new ListValue(args.DataSubnetIds.Cast<Value>().ToArray()),
            ["tags"] = ProgramExtensions.NameTag(Name("db-subnets")),
        });
        var database = program.Declare(Name("db"), ResourceTypes.RdsInstance, aws, new MapValue
        {
            ["engine"] = "mysql",
            ["engineVersion"] = "8.4",
            ["instanceClass"] = args.DbInstanceClass,
            ["allocatedStorage"] = 20,
            ["maxAllocatedStorage"] = 100,
            ["storageType"] = "gp3",
            ["storageEncrypted"] = true,
            ["dbName"] = DatabaseName,
            ["username"] = DatabaseUser,
            ["password"] = new Secret(dbPassword),
            ["dbSubnetGroupName"] = dbSubnets.Out("name"),
            ["vpcSecurityGroupIds"] = Value.List(dbGroup.Id),
            ["publiclyAccessible"] = false,
            ["multiAz"] = highlyAvailable,
            ["backupRetentionPeriod"] = 7,
            ["copyTagsToSnapshot"] = true,
            ["autoMinorVersionUpgrade"] = true,
            ["deletionProtection"] = protect,
            ["skipFinalSnapshot"] = !protect,
            ["finalSnapshotIdentifier"] = args.FinalSnapshotIdentifier,
            // RDS log exports (awsguard rds-instance-logging): errors and slow queries to CloudWatch Logs.
            ["enabledCloudwatchLogsExports"] = Value.List("error", "slowquery"),
            ["tags"] = ProgramExtensions.NameTag(Name("db")),
        }, stateful with { AdditionalSecretOutputs = ["password"] });

        var cacheGroup = new SecurityGroup(program, aws, Name("cache-sg"), args.VpcId, "harbor-ha Dragonfly Redis", allowAllEgress: false);
        cacheGroup.AllowFrom(args.Nodes, 6379, "Dragonfly manager and scheduler to Redis");
        var cacheSubnets = program.Declare(Name("cache-subnets"), ResourceTypes.CacheSubnetGroup, aws, new MapValue
        {
            ["description"] = "harbor-ha Dragonfly Redis: data subnets, no internet route",
            ["subnetIds"] = new ListValue(args.DataSubnetIds.Cast<Value>().ToArray()),
            ["tags"] = ProgramExtensions.NameTag(Name("cache-subnets")),
        });
        var cache = program.Declare(Name("cache"), ResourceTypes.CacheReplicationGroup, aws, new MapValue
        {
            ["description"] = "harbor-ha Dragonfly manager and scheduler state",
            ["engine"] = "redis",
            ["engineVersion"] = "7.1",
            ["nodeType"] = args.CacheNodeType,
            ["port"] = 6379,
            ["clusterMode"] = "disabled",
            ["numCacheClusters"] = highlyAvailable ? 2 : 1,
            ["automaticFailoverEnabled"] = highlyAvailable,
            ["multiAzEnabled"] = highlyAvailable,
            ["atRestEncryptionEnabled"] = true,
            // Off on purpose: Dragonfly 2.5.0's job queue cannot speak TLS to Redis (see the class summary).
            ["transitEncryptionEnabled"] = false,
            ["subnetGroupName"] = cacheSubnets.Out("name"),
            ["securityGroupIds"] = Value.List(cacheGroup.Id),
            ["autoMinorVersionUpgrade"] = true,
            ["tags"] = ProgramExtensions.NameTag(Name("cache")),
        }, stateful);
        // The trade-offs are made here, so they are recorded here: checks report the findings as accepted, with these reasons.
        program.Accept(cache.Name, RedisTlsRuleId,
            "Dragonfly 2.5 cannot use Redis TLS (dragonfly#4907) and ElastiCache allows an AUTH token only with TLS; "
            + "the cache holds job state only, never image data or credentials, and admits the cluster's nodes only");
        if (args.Redundancy == Redundancy.SingleAz)
        {
            program.Accept(database.Name, "az-loss", "dev runs Dragonfly's database in one AZ to save cost; protected stacks run it Multi-AZ");
            program.Accept(cache.Name, "az-loss", "dev runs Dragonfly's Redis as one node in one AZ to save cost; protected stacks add a replica");
        }

        var values = DragonflyValues.For(new DragonflyValuesInput
        {
            RegionalHost = args.RegionalHost,
            GlobalHost = args.GlobalHost,
            RedisAddress = new Interpolation(cache.Out("primaryEndpointAddress"), ":6379"),
            DatabaseHost = database.Out("address"),
            DatabasePassword = dbPassword,
            JwtKey = jwtKey,
            Replicas = highlyAvailable ? 3 : 1,
            ImageRegistry = args.ImageRegistry,
            ImageDigests = args.ImageDigests,
        });
        Release = program.Declare(Name("release"), ResourceTypes.HelmRelease, args.KubernetesProvider, new MapValue
        {
            ["name"] = ChartName,
            ["chart"] = ChartName,
            ["version"] = ChartVersion,
            ["repositoryOpts"] = new MapValue { ["repo"] = args.ChartRepository },
            ["namespace"] = Namespace,
            ["createNamespace"] = true,
            ["values"] = values,
            ["timeout"] = 900,
            ["maxHistory"] = 10,
            // Like Harbor's: a failed upgrade rolls back by itself.
            ["atomic"] = true,
        }, new ResourceOptions { DependsOn = args.DependsOn }).Self;
    }

    /// <summary>The Helm release: what Harbor's preheat instance waits for.</summary>
    public Ref Release { get; }
}
