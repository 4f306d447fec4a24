using HarborHa.Model;

namespace HarborHa.Registry;

/// <summary>
/// What Harbor needs from a region's state tier (database, cache, registry bucket). The state
/// components fill it when the stacks are wired; plain values go into Helm values, the
/// references marked secret go into Kubernetes Secrets only.
/// </summary>
public sealed record StateEndpoints
{
    /// <summary>PostgreSQL host (the RDS instance address).</summary>
    public required Value DatabaseHost { get; init; }

    /// <summary>PostgreSQL port.</summary>
    public required Value DatabasePort { get; init; }

    /// <summary>Database Harbor core uses (created by the state tier).</summary>
    public required Value DatabaseName { get; init; }

    /// <summary>Database user.</summary>
    public required Value DatabaseUsername { get; init; }

    /// <summary>Secret: the database user's password (e.g. <c>${db-password.result}</c>).</summary>
    public required Value DatabasePassword { get; init; }

    /// <summary>Redis primary endpoint of a cluster-mode-disabled replication group (Harbor uses several DB numbers).</summary>
    public required Value RedisHost { get; init; }

    /// <summary>Redis port.</summary>
    public required Value RedisPort { get; init; }

    /// <summary>Secret: the Redis AUTH token (TLS is on: Harbor 2.13+).</summary>
    public required Value RedisAuthToken { get; init; }

    /// <summary>The region's registry bucket.</summary>
    public required Value BucketName { get; init; }

    /// <summary>The bucket's region (the region itself, or its DR region while rebuilding with use-dr).</summary>
    public required Value BucketRegion { get; init; }

    /// <summary>Secret: access key id of the IAM user scoped to the bucket (Harbor's S3 driver cannot use IRSA).</summary>
    public required Value S3AccessKeyId { get; init; }

    /// <summary>Secret: that access key's secret.</summary>
    public required Value S3SecretAccessKey { get; init; }
}
