using HarborHa.Model;

namespace HarborHa.Dragonfly;

/// <summary>What the Helm values of one region's Dragonfly are built from.</summary>
public sealed record DragonflyValuesInput
{
    /// <summary>The region's registry name, <c>&lt;region&gt;.&lt;domain&gt;</c>; the nodes' containerd mirrors it through the peer.</summary>
    public required string RegionalHost { get; init; }

    /// <summary>The global name, <c>&lt;domain&gt;</c>; pulls by it are served by the region's Harbor too.</summary>
    public required string GlobalHost { get; init; }

    /// <summary>Redis address as <c>host:port</c> (the primary endpoint of Dragonfly's own cache).</summary>
    public required Value RedisAddress { get; init; }

    /// <summary>MySQL host name (the RDS instance's address).</summary>
    public required Value DatabaseHost { get; init; }

    /// <summary>MySQL password, secret.</summary>
    public required Value DatabasePassword { get; init; }

    /// <summary>The manager's JWT signing key, secret (the chart's default is a published constant).</summary>
    public required Value JwtKey { get; init; }

    /// <summary>Pods of the manager, the scheduler and the seed peers each. Default 3: one per AZ.</summary>
    public int Replicas { get; init; } = 3;

    /// <summary>Digests of the images by source reference (<see cref="DragonflyImages.SourceReferences"/>). Default none: tags only.</summary>
    public IReadOnlyDictionary<string, string> ImageDigests { get; init; } = new Dictionary<string, string>();

    /// <summary>Registry to pull Dragonfly's images from; default null: the chart's docker.io.</summary>
    public string? ImageRegistry { get; init; }
}
