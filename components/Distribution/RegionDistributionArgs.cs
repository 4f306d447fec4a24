using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Distribution;

/// <summary>What one region's Harbor is configured with. The same lists go to every region.</summary>
public sealed record RegionDistributionArgs
{
    /// <summary>The region's Harbor as the registry tier built it. Required.</summary>
    public required RegionHarbor Harbor { get; init; }

    /// <summary>The managed projects, declared in every region (Harbor does not replicate projects). Required; at least one must be replicated in a stack with replicas.</summary>
    public required IReadOnlyList<HarborProjectSpec> Projects { get; init; }

    /// <summary>The proxy-cache projects, declared in every region. Default none.</summary>
    public IReadOnlyList<ProxyCacheSpec> ProxyCaches { get; init; } = [];

    /// <summary>The robots' shared secrets, one per role for the whole stack. Required.</summary>
    public required DistributionCredentials Credentials { get; init; }

    /// <summary>
    /// Whether the managed projects refuse deletion (they hold the images). Default
    /// <see cref="Protection.Protected"/>; only a disposable stack passes <see cref="Protection.Disposable"/>.
    /// </summary>
    public Protection Protection { get; init; } = Protection.Protected;

    /// <summary>
    /// What else must exist before Harbor's API is reachable at the private endpoint, e.g. the
    /// region's private DNS record. Default none; the Harbor release is always waited for.
    /// </summary>
    public IReadOnlyList<Ref> DependsOn { get; init; } = [];

    /// <summary>Garbage collection of the region's Harbor. Default weekly, keeping untagged artifacts.</summary>
    public GarbageCollectionSpec GarbageCollection { get; init; } = new();

    /// <summary>Days until each robot expires. Default null: never (Harbor's default); stacks pass a lifetime and rotate.</summary>
    public int? RobotDurationDays { get; init; }

    /// <summary>
    /// Whether the primary's rules delete in this region what the primary deleted. Default
    /// <see cref="DeletedArtifacts.KeepInReplicas"/>: the replicator robot then has no delete permission.
    /// </summary>
    public DeletedArtifacts DeletedArtifacts { get; init; } = DeletedArtifacts.KeepInReplicas;

    /// <summary>The region's Dragonfly preheat registration. Default null: none (a token exists only once Dragonfly runs).</summary>
    public PreheatTarget? Preheat { get; init; }
}
