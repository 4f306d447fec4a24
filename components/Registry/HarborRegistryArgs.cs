using HarborHa.Model;

namespace HarborHa.Registry;

/// <summary>Inputs of <see cref="HarborRegistry"/>.</summary>
public sealed record HarborRegistryArgs
{
    /// <summary>The region code; it names the resources.</summary>
    public required string Region { get; init; }

    /// <summary>The URL clients use: <c>https://&lt;region&gt;.&lt;domain&gt;</c>.</summary>
    public required string ExternalUrl { get; init; }

    /// <summary>
    /// The VPC's CIDR: the only source outside Harbor's namespace that may connect, and only to nginx
    /// (the load balancers' IP targets); see <see cref="HarborNetworkPolicy"/>.
    /// </summary>
    public required string VpcCidr { get; init; }

    /// <summary>The region's <c>pulumi:providers:kubernetes</c>.</summary>
    public required Ref KubernetesProvider { get; init; }

    public required StateEndpoints State { get; init; }

    /// <summary>The database to snapshot before each chart version runs (the way back from a failed upgrade).</summary>
    public required SnapshotSource Database { get; init; }

    public required HarborSharedSecrets Shared { get; init; }

    /// <summary>
    /// Target group ARNs of the region's load balancers by load balancer role (<c>public</c>,
    /// <c>internal</c>); one TargetGroupBinding each, named after the role.
    /// </summary>
    public required IReadOnlyDictionary<string, Ref> TargetGroups { get; init; }

    /// <summary>What must run first: the Load Balancer Controller (its CRD and webhooks), nodes and DNS.</summary>
    public required IReadOnlyList<Ref> DependsOn { get; init; }

    /// <summary>Replicas of each component.</summary>
    public required int Replicas { get; init; }

    /// <summary>Require pods spread over AZs (ha, geo). Single-site only prefers it.</summary>
    public required bool RequireZoneSpread { get; init; }

    /// <summary>Chart version. Default <see cref="HarborChart.Version"/>.</summary>
    public string ChartVersion { get; init; } = HarborChart.Version;

    /// <summary>Values other tiers need on top of the registry's own (e.g. image distribution's); merged deep. Default none.</summary>
    public MapValue ExtraValues { get; init; } = new();

    /// <summary>
    /// Seconds Helm waits for an install or upgrade; a first install runs database migrations and
    /// waits for target health through the readiness gates. Default 1200.
    /// </summary>
    public int TimeoutSeconds { get; init; } = 1200;
}
