using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Cache;

/// <summary>
/// Inputs of <see cref="HarborCache"/>. Sizes default to the ha/geo row of the sizing table
/// (docs/sizing.md); smaller stacks pass their own sizes.
/// </summary>
public sealed record CacheArgs
{
    /// <summary>The region code; it names the resources. With <see cref="Redundancy.MultiAz"/> one node per AZ of the network.</summary>
    public required string Region { get; init; }

    /// <summary>The <c>random</c> provider that generates the auth token.</summary>
    public required Ref RandomProvider { get; init; }

    /// <summary>ARN of the region's customer-managed key for encryption at rest.</summary>
    public required Value KmsKeyArn { get; init; }

    /// <summary>
    /// Default <see cref="Redundancy.MultiAz"/>: a primary and one replica in each other AZ, automatic
    /// failover, Multi-AZ. <see cref="Redundancy.SingleAz"/>: one node.
    /// </summary>
    public Redundancy Redundancy { get; init; } = Redundancy.MultiAz;

    /// <summary>Default <see cref="Protection.Protected"/>: Pulumi <c>protect</c>, changes in the maintenance window.</summary>
    public Protection Protection { get; init; } = Protection.Protected;

    /// <summary>ElastiCache node type. Default cache.r6g.large.</summary>
    public string NodeType { get; init; } = "cache.r6g.large";

    /// <summary>Days of automatic snapshots. Default 7.</summary>
    public int SnapshotRetentionDays { get; init; } = 7;
}
