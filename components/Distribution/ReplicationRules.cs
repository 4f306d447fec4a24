using HarborHa.Model;

namespace HarborHa.Distribution;

/// <summary>
/// The primary's push replication: per link of the <see cref="ReplicationPlan"/>, a registry
/// endpoint for the target's private endpoint (logging in as the target's replicator robot), an
/// event-based push rule, and a scheduled catch-up rule with the same filters that copies only what
/// is missing. Nothing is declared in the replicas: they never replicate.
/// </summary>
public static class ReplicationRules
{
    /// <summary>
    /// Declares the rules of <paramref name="links"/> in the primary's Harbor. Refuses a plan that
    /// breaks <see cref="ReplicationPlan.Violations"/> over <paramref name="regions"/>: a rule back to
    /// the primary or between replicas would replicate every push forever.
    /// </summary>
    /// <param name="regions">Every region's configured Harbor, the primary among them.</param>
    /// <param name="links">The plan, from <see cref="ReplicationPlan.For"/>.</param>
    /// <param name="settings">Tag filter, deletion and overwrite behaviour of every rule.</param>
    /// <param name="credentials">The robots' shared secrets: the replicator's is the endpoints' password.</param>
    /// <param name="gates">
    /// What endpoints across the border wait for (VPN, name resolution, a ping Job). Required when a
    /// link crosses the border: Harbor refuses an endpoint it cannot reach when it is created.
    /// </param>
    public static IReadOnlyList<Resource> Declare(
        IReadOnlyCollection<RegionDistribution> regions,
        IReadOnlyList<ReplicationLink> links,
        ReplicationSettings settings,
        DistributionCredentials credentials,
        ReachabilityGates? gates = null)
    {
        var violations = ReplicationPlan.Violations(regions.Select(r => r.Site).ToArray(), links);
        if (violations.Count > 0)
        {
            throw new ProgramException("the replication plan is unsafe:\n  " + string.Join("\n  ", violations));
        }

        var byName = regions.ToDictionary(r => r.Region, StringComparer.Ordinal);
        var primary = regions.Single(r => r.Site.Role == DistributionRole.Primary);
        var rules = new List<Resource>();
        var filters = Filters(primary.ReplicatedProjectNames, settings.Tags);
        foreach (var link in links)
        {
            var target = byName[link.Target];
            var replicator = target.Replicator
                ?? throw new ProgramException($"{link.Target} has no replicator robot; is it the primary?");
            var reachable = link.CrossesBorder
                ? (gates ?? throw new ProgramException($"the link {link.Source} -> {link.Target} crosses the border: its endpoint needs reachability gates"))
                    .Across(primary.Harbor, target.Harbor, target.Answers)
                : [];
            var endpoint = primary.Declare(primary.Name("target", link.Target), ResourceTypes.HarborRegistry, new MapValue
            {
                ["name"] = $"harbor-{link.Target}",
                ["providerName"] = "harbor",
                ["endpointUrl"] = target.PrivateEndpoint,
                ["accessId"] = replicator.Out("fullName"),
                ["accessSecret"] = credentials.SecretOf(RobotRole.Replicator),
                ["insecure"] = false,
                ["description"] = $"{link.Target}'s private endpoint, over the private network (managed by harbor-ha)",
            }, dependsOn: reachable);
            var properties = new MapValue
            {
                ["name"] = $"push-to-{link.Target}",
                ["description"] = $"every push in {link.Source} goes to {link.Target} (managed by harbor-ha)",
                ["action"] = "push",
                ["registryId"] = endpoint.Out("registryId"),
                ["schedule"] = "event_based",
                ["enabled"] = true,
                ["filters"] = filters,
                ["deletion"] = settings.DeletedArtifacts == DeletedArtifacts.DeleteInReplicas,
                ["override"] = settings.ExistingArtifacts == ExistingArtifacts.Overwrite,
                // The provider's documented default (-1) flattens every namespace level; keep paths as they are.
                ["destNamespaceReplace"] = 0,
                ["copyByChunk"] = link.CopyByChunk,
                ["speed"] = link.SpeedKbits,
                // Runs the rule once when it is created or changed: a new region gets the existing images, not just new pushes.
                ["executeOnChanged"] = true,
            };
            rules.Add(primary.Declare(primary.Name("replication", link.Target), ResourceTypes.HarborReplication, properties));

            // Beside it, the same copy on a schedule that only fills gaps (no overwrite, no deletion):
            // Harbor retries a failed task a few times only, and later pushes copy only new artifacts.
            var catchUp = new MapValue();
            foreach (var (key, value) in properties)
            {
                catchUp.Add(key, key switch
                {
                    "name" => $"catch-up-to-{link.Target}",
                    "description" => $"copies to {link.Target} what its event rule missed (managed by harbor-ha)",
                    "schedule" => settings.CatchUpSchedule,
                    "deletion" => false,
                    "override" => false,
                    "executeOnChanged" => false,
                    _ => value,
                });
            }

            rules.Add(primary.Declare(primary.Name("replication", link.Target, "catch-up"), ResourceTypes.HarborReplication, catchUp));
        }

        return rules;
    }

    /// <summary>Harbor's doublestar name filter over the replicated projects, and the tag filter if configured.</summary>
    public static ListValue Filters(IReadOnlyList<string> projects, string? tags)
    {
        if (projects.Count == 0)
        {
            throw new ProgramException("no project is replicated; a push rule would copy every repository, proxy caches included");
        }

        var names = projects.Count == 1 ? $"{projects[0]}/**" : $"{{{string.Join(',', projects)}}}/**";
        var filters = new List<Value> { new MapValue { ["name"] = names } };
        if (tags is not null)
        {
            filters.Add(new MapValue { ["tag"] = tags, ["decoration"] = "matches" });
        }

        return new ListValue(filters);
    }
}
