using HarborHa.Configuration;
using HarborHa.Model;

namespace HarborHa.Distribution;

/// <summary>What one region's Harbor is configured with. The same lists go to every region.</summary>
public sealed record RegionDistributionArgs
{
    /// <summary>The region as the other tiers built it.</summary>
    public required RegionHarbor Harbor { get; init; }

    /// <summary><c>harbor-ha:projects</c>, declared in every region (Harbor does not replicate projects).</summary>
    public required IReadOnlyList<ProjectConfig> Projects { get; init; }

    /// <summary><c>harbor-ha:proxyCaches</c>, declared in every region.</summary>
    public required IReadOnlyList<ProxyCacheConfig> ProxyCaches { get; init; }

    /// <summary>The robots' shared secrets.</summary>
    public required DistributionCredentials Credentials { get; init; }

    /// <summary>Refuse deletion of projects (they hold the images). Default true; stacks pass <c>IsProtected</c>.</summary>
    public bool Protect { get; init; } = true;

    /// <summary>
    /// What else must exist before Harbor's API is reachable at the private endpoint, e.g. the
    /// region's private DNS record. Default none; the Harbor release is always waited for.
    /// </summary>
    public IReadOnlyList<Ref> DependsOn { get; init; } = [];

    /// <summary>The region's Dragonfly preheat registration; default null: none.</summary>
    public PreheatTarget? Preheat { get; init; }
}

/// <summary>A Dragonfly manager that Harbor can ask to preheat images.</summary>
/// <param name="Endpoint">The manager's REST address inside the cluster.</param>
/// <param name="Token">A personal access token of the manager (scope <c>job</c>), secret.</param>
/// <param name="Release">The Dragonfly Helm release, waited for.</param>
public sealed record PreheatTarget(string Endpoint, Value Token, Ref Release);
