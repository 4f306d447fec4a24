namespace HarborHa.Registry;

/// <summary>
/// Keys inside the Kubernetes Secrets, as the chart's templates read them (chart 1.19.1,
/// templates/core/core-dpl.yaml, registry/registry-dpl.yaml, jobservice/jobservice-dpl.yaml,
/// _helpers.tpl). Some are fixed by the chart, the others are set in values to these names.
/// </summary>
public static class HarborSecretKeys
{
    public const string AdminPassword = "HARBOR_ADMIN_PASSWORD";

    /// <summary>Fixed by the chart for <c>core.existingSecret</c>.</summary>
    public const string CoreSecret = "secret";

    /// <summary>Fixed by the chart for <c>existingSecretSecretKey</c>.</summary>
    public const string EncryptionKey = "secretKey";

    public const string Xsrf = "CSRF_KEY";

    public const string Jobservice = "JOBSERVICE_SECRET";

    public const string RegistryHttp = "REGISTRY_HTTP_SECRET";

    /// <summary>Fixed by the chart for <c>registry.credentials.existingSecret</c>.</summary>
    public const string RegistryPassword = "REGISTRY_PASSWD";

    /// <summary>Fixed by the chart for <c>registry.credentials.existingSecret</c>.</summary>
    public const string RegistryHtpasswd = "REGISTRY_HTPASSWD";

    /// <summary>Fixed by the chart for <c>database.external.existingSecret</c>.</summary>
    public const string DatabasePassword = "password";

    /// <summary>Fixed by the chart for <c>redis.external.existingSecret</c>.</summary>
    public const string RedisPassword = "REDIS_PASSWORD";

    /// <summary>Fixed by the chart for <c>persistence.imageChartStorage.s3.existingSecret</c>.</summary>
    public const string S3AccessKey = "REGISTRY_STORAGE_S3_ACCESSKEY";

    /// <summary>Fixed by the chart for <c>persistence.imageChartStorage.s3.existingSecret</c>.</summary>
    public const string S3SecretKey = "REGISTRY_STORAGE_S3_SECRETKEY";
}
