using HarborHa.Model;

namespace HarborHa.Registry;

/// <summary>
/// Names of the Kubernetes Secrets the chart reads through its <c>existingSecret</c>-style values.
/// Values are references to the Secrets' <c>metadata.name</c>: names, never contents.
/// </summary>
public sealed record HarborSecretNames
{
    /// <summary>Keys: <c>secret</c> (core), <c>secretKey</c>, <c>CSRF_KEY</c>, <c>JOBSERVICE_SECRET</c>, <c>REGISTRY_HTTP_SECRET</c>.</summary>
    public required Value Internal { get; init; }

    /// <summary>Key <c>HARBOR_ADMIN_PASSWORD</c>.</summary>
    public required Value Admin { get; init; }

    /// <summary>Type kubernetes.io/tls: the token signing key and certificate.</summary>
    public required Value Token { get; init; }

    /// <summary>Keys <c>REGISTRY_PASSWD</c>, <c>REGISTRY_HTPASSWD</c>.</summary>
    public required Value RegistryCredentials { get; init; }

    /// <summary>Key <c>password</c>.</summary>
    public required Value Database { get; init; }

    /// <summary>Key <c>REDIS_PASSWORD</c>.</summary>
    public required Value Redis { get; init; }

    /// <summary>Keys <c>REGISTRY_STORAGE_S3_ACCESSKEY</c>, <c>REGISTRY_STORAGE_S3_SECRETKEY</c>.</summary>
    public required Value S3 { get; init; }
}
