using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Network;

namespace HarborHa.Dragonfly;

/// <summary>One region's Dragonfly: where it runs and what its state is sized as.</summary>
public sealed record DragonflyArgs
{
    public required RegionConfig Region { get; init; }

    public required Ref AwsProvider { get; init; }

    public required Ref KubernetesProvider { get; init; }

    /// <summary>The global random provider (database password, JWT key).</summary>
    public required Ref RandomProvider { get; init; }

    public required Ref VpcId { get; init; }

    /// <summary>The cluster's nodes: the only source the database and cache accept.</summary>
    public required SecurityGroup Nodes { get; init; }

    /// <summary>Data-tier subnets (no internet route) in every AZ used.</summary>
    public required IReadOnlyList<Ref> DataSubnetIds { get; init; }

    /// <summary>The region's registry name, <c>&lt;region&gt;.&lt;domain&gt;</c>.</summary>
    public required string RegionalHost { get; init; }

    /// <summary>The global name, <c>&lt;domain&gt;</c>.</summary>
    public required string GlobalHost { get; init; }

    /// <summary>What the release waits for: the cluster's nodes and DNS (as Harbor's does). Default none.</summary>
    public IReadOnlyList<Ref> DependsOn { get; init; } = [];

    /// <summary>Multi-AZ database, cache with a replica and automatic failover, three pods per component. Default true.</summary>
    public bool HighlyAvailable { get; init; } = true;

    /// <summary>Protect the database and cache from deletion. Default true; stacks pass <c>IsProtected</c>.</summary>
    public bool Protect { get; init; } = true;

    /// <summary>ElastiCache node type. Default cache.t4g.small.</summary>
    public string CacheNodeType { get; init; } = "cache.t4g.small";

    /// <summary>RDS instance class. Default db.t4g.small.</summary>
    public string DbInstanceClass { get; init; } = "db.t4g.small";

    /// <summary>Registry for Dragonfly's images; default null: docker.io.</summary>
    public string? ImageRegistry { get; init; }

    /// <summary>Helm repository of the chart. Default https://dragonflyoss.github.io/helm-charts/.</summary>
    public string ChartRepository { get; init; } = "https://dragonflyoss.github.io/helm-charts/";
}
