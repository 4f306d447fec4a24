using HarborHa.Cluster;
using HarborHa.Model;

namespace HarborHa.Monitoring;

/// <summary>Inputs of <see cref="MetricProbe"/>.</summary>
public sealed record MetricProbeArgs
{
    /// <summary>The region code; it names the resources and is where metrics are published.</summary>
    public required string Region { get; init; }

    /// <summary>Name part: <c>probe</c>, <c>replication-probe</c>.</summary>
    public required string Role { get; init; }

    public required string Description { get; init; }

    /// <summary>The region's AWS provider (the probe's IAM role).</summary>
    public required Ref AwsProvider { get; init; }

    /// <summary>The cluster's Kubernetes provider.</summary>
    public required Ref KubernetesProvider { get; init; }

    /// <summary>The cluster's OIDC issuer (IAM roles for service accounts).</summary>
    public required OidcIssuer Issuer { get; init; }

    /// <summary>The namespace the probe runs in (Harbor's: its NetworkPolicies admit the namespace's own pods).</summary>
    public required Value Namespace { get; init; }

    /// <summary>The namespace's fixed name: the IAM role's trust policy names it.</summary>
    public required string NamespaceName { get; init; }

    /// <summary>The image, from <see cref="ProbeImage.For"/>.</summary>
    public required string Image { get; init; }

    /// <summary>The shell script the job runs; it publishes into <see cref="MetricProbe.MetricNamespace"/>.</summary>
    public required string Script { get; init; }

    /// <summary>Environment of the script (name → value, or a <c>secretKeyRef</c> map). Default none.</summary>
    public IReadOnlyDictionary<string, Value> Environment { get; init; } = new Dictionary<string, Value>();

    /// <summary>Whether the probe may list nodes (a ClusterRole bound to its service account). Default false.</summary>
    public bool ReadsNodes { get; init; }

    /// <summary>Cron schedule. Default every minute.</summary>
    public string Schedule { get; init; } = "* * * * *";

    /// <summary>What must exist first (Harbor's release: its namespace and services).</summary>
    public IReadOnlyList<Ref> DependsOn { get; init; } = [];
}
