namespace HarborHa.Database;

/// <summary>Fixed choices of Harbor's PostgreSQL, as pure values the component and tests share.</summary>
public static class DatabasePlan
{
    /// <summary>
    /// PostgreSQL major version. Harbor 2.15 builds its own database image on PostgreSQL 15
    /// (goharbor/harbor make/photon/db/Dockerfile.base installs postgresql15-server), so 15 is
    /// the version the pinned Harbor is tested against. Only the major version is pinned: RDS
    /// applies minor versions in the maintenance window.
    /// </summary>
    public const string EngineVersion = "15";

    /// <summary>The parameter group family matching <see cref="EngineVersion"/>.</summary>
    public const string ParameterGroupFamily = "postgres15";

    /// <summary>PostgreSQL's port; the security group opens only this one.</summary>
    public const int Port = 5432;

    /// <summary>
    /// Harbor's core database: the chart's <c>database.external.coreDatabase</c> default
    /// (harbor-helm values-1.19.1.yaml), created by RDS with the instance.
    /// </summary>
    public const string DatabaseName = "registry";

    /// <summary>The master user Harbor connects as.</summary>
    public const string Username = "harbor";

    /// <summary>
    /// Properties that only matter when the instance is created. A restore source is read once, when
    /// the instance is created from it; removing it after the rebuild must not replace the database.
    /// The KMS key is fixed at creation too (RDS cannot re-encrypt a live instance) and a restored
    /// database keeps the key of the copy it came from.
    /// </summary>
    public static readonly IReadOnlyList<string> CreateOnlyProperties = ["kmsKeyId", "restoreToPointInTime", "snapshotIdentifier"];

    /// <summary>What the instance exports to CloudWatch Logs (PostgreSQL's log and the upgrade log).</summary>
    public static readonly IReadOnlyList<string> LogExports = ["postgresql", "upgrade"];
}
