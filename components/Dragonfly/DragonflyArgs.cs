using HarborHa.Common;
using HarborHa.Model;
using HarborHa.Network;

namespace HarborHa.Dragonfly;

/// <summary>One region's Dragonfly: where it runs, the names it serves, and how its state is sized and guarded.</summary>
public sealed record DragonflyArgs
{
    /// <summary>AWS region code; it prefixes every logical name (<c>&lt;region&gt;-dragonfly-…</c>). Required.</summary>
    public required string Region { get; init; }

    /// <summary>The region's AWS provider (database, cache, security groups). Required.</summary>
    public required Ref AwsProvider { get; init; }

    /// <summary>The region's Kubernetes provider (its EKS cluster), for the Helm release. Required.</summary>
    public required Ref KubernetesProvider { get; init; }

    /// <summary>The global random provider (database password, JWT key). Required.</summary>
    public required Ref RandomProvider { get; init; }

    /// <summary>The region's VPC, home of the security groups. Required.</summary>
    public required Ref VpcId { get; init; }

    /// <summary>The cluster's nodes: the only source the database and cache accept. Required.</summary>
    public required SecurityGroup Nodes { get; init; }

    /// <summary>Data-tier subnets (no internet route) in every AZ used. Required.</summary>
    public required IReadOnlyList<Ref> DataSubnetIds { get; init; }

    /// <summary>The region's registry name, <c>&lt;region&gt;.&lt;domain&gt;</c>: containerd pulls it through the local peer. Required.</summary>
    public required string RegionalHost { get; init; }

    /// <summary>The global name, <c>&lt;domain&gt;</c>: containerd pulls it through the local peer from the regional Harbor too. Required.</summary>
    public required string GlobalHost { get; init; }

    /// <summary>
    /// The database's final snapshot identifier. Required: identifiers are unique per account and
    /// region, so the caller scopes it (e.g. by domain) where two stacks can share an account.
    /// </summary>
    public required string FinalSnapshotIdentifier { get; init; }

    /// <summary>What the release waits for: the cluster's nodes and DNS (as Harbor's does). Default none.</summary>
    public IReadOnlyList<Ref> DependsOn { get; init; } = [];

    /// <summary>
    /// Default <see cref="Redundancy.MultiAz"/>: a Multi-AZ database, a cache with a replica and
    /// automatic failover, three pods of each component spread over the AZs. <see cref="Redundancy.SingleAz"/>
    /// is one of each, for disposable stacks.
    /// </summary>
    public Redundancy Redundancy { get; init; } = Redundancy.MultiAz;

    /// <summary>
    /// Default <see cref="Protection.Protected"/>: the database and cache refuse deletion, RDS keeps a
    /// final snapshot. <see cref="Protection.Disposable"/> lets <c>pulumi destroy</c> remove them.
    /// </summary>
    public Protection Protection { get; init; } = Protection.Protected;

    /// <summary>ElastiCache node type. Default cache.t4g.small: job state only, small.</summary>
    public string CacheNodeType { get; init; } = "cache.t4g.small";

    /// <summary>RDS instance class. Default db.t4g.small: the manager's metadata only, small.</summary>
    public string DbInstanceClass { get; init; } = "db.t4g.small";

    /// <summary>Registry for Dragonfly's images. Default null: the chart's docker.io (unreachable from China: pass a mirror there).</summary>
    public string? ImageRegistry { get; init; }

    /// <summary>Digests of Dragonfly's images by source reference (<see cref="DragonflyImages.SourceReferences"/>), from the image lock. Default none: pinned tags only.</summary>
    public IReadOnlyDictionary<string, string> ImageDigests { get; init; } = new Dictionary<string, string>();

    /// <summary>Helm repository of the chart. Default https://dragonflyoss.github.io/helm-charts/, the project's own.</summary>
    public string ChartRepository { get; init; } = "https://dragonflyoss.github.io/helm-charts/";
}
