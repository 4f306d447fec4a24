using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

/// <summary>
/// What must hold of the replication a geo program declares, checked on its resources alone: the
/// primary is the only writer and reaches every other region exactly once, nothing loops, links
/// between partitions copy by chunk under a limit, and every registry endpoint is the target's
/// private endpoint, resolvable from the primary's network, logged in as the target's replicator
/// robot, and created only after what makes the target answer (Harbor probes an endpoint when it is
/// created and refuses an unreachable one). Tests run it on real programs and on mutations of them.
/// </summary>
public static class ReplicationInvariants
{
    public static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, Resource> resources, StackConfig config)
    {
        var problems = new List<string>();
        var primary = config.Primary.Name;
        var regions = config.Regions.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var rules = DeclaredReplication.Of(resources);
        var harbors = resources.Values.Where(r => r.Type == "pulumi:providers:harbor")
            .ToDictionary(p => DeclaredReplication.RegionOf(p.Text("url")), StringComparer.Ordinal);

        foreach (var rule in rules)
        {
            var name = rule.Rule.Name;
            if (rule.Source != primary)
            {
                problems.Add($"{name} is held by {rule.Source}, not by the primary {primary}");
            }

            if (rule.Target == primary)
            {
                problems.Add($"{name} pushes to the primary");
            }

            if (!regions.Contains(rule.Target))
            {
                problems.Add($"{name} pushes to {rule.Target}, which is not a region of the stack");
            }

            if (rule.Rule.Text("action") != "push")
            {
                problems.Add($"{name} is not a push rule");
            }

            if (Partitions.Of(rule.Source) != Partitions.Of(rule.Target))
            {
                if (!rule.Rule.Properties.TryGet("copyByChunk", out var chunk) || chunk != new Flag(true))
                {
                    problems.Add($"{name} crosses the border without copyByChunk");
                }

                if (!rule.Rule.Properties.TryGet("speed", out var speed) || speed is not Number { Value: > 0 })
                {
                    problems.Add($"{name} crosses the border without a speed limit");
                }
            }

            if (harbors.TryGetValue(rule.Target, out var target))
            {
                problems.AddRange(EndpointProblems(resources, rule, target));
            }
        }

        foreach (var replica in config.Regions.Where(r => !r.IsPrimary))
        {
            var incoming = rules.Where(r => r.Target == replica.Name && r.Source == primary).ToArray();
            var events = incoming.Where(r => r.Rule.Text("schedule") == "event_based").ToArray();
            if (events.Length != 1)
            {
                problems.Add($"{replica.Name} receives {events.Length} push rules from the primary (exactly 1 expected)");
            }

            // Beside the event rule, a scheduled catch-up rule to the same endpoint with the same filters that never overwrites.
            var catchUps = incoming.Except(events).ToArray();
            if (catchUps.Length != 1)
            {
                problems.Add($"{replica.Name} receives {catchUps.Length} scheduled catch-up rules from the primary (exactly 1 expected)");
            }
            else if (events.Length == 1)
            {
                var (catchUp, push) = (catchUps[0].Rule, events[0].Rule);
                if (catchUp.Text("schedule") is not { } cron || cron.Split(' ').Length != 6)
                {
                    problems.Add($"{catchUp.Name} has no Harbor cron schedule");
                }

                if (catchUp.Prop("override") != new Flag(false) || catchUp.Prop("deletion") != new Flag(false))
                {
                    problems.Add($"{catchUp.Name} overwrites or deletes in {replica.Name}; it must only fill gaps");
                }

                if (catchUp.Prop("registryId") != push.Prop("registryId") || catchUp.Prop("filters") != push.Prop("filters"))
                {
                    problems.Add($"{catchUp.Name} does not copy what {push.Name} copies");
                }
            }
        }

        if (Loop(rules) is { } loop)
        {
            problems.Add($"the rules form a loop: {string.Join(" -> ", loop)}");
        }

        return problems;
    }

    private static IEnumerable<string> EndpointProblems(IReadOnlyDictionary<string, Resource> resources, DeclaredReplication rule, Resource targetHarbor)
    {
        var endpoint = rule.Endpoint;
        if (endpoint.Text("providerName") != "harbor" || !endpoint.Properties.TryGet("insecure", out var insecure) || insecure != new Flag(false))
        {
            yield return $"{endpoint.Name} is not a Harbor endpoint with certificate checks";
        }

        // The same URL the target's own Harbor provider uses: its private endpoint, never a public or global name.
        var url = endpoint.Text("endpointUrl");
        if (url != targetHarbor.Text("url"))
        {
            yield return $"{endpoint.Name} pushes to {url}, not to {rule.Target}'s private endpoint {targetHarbor.Text("url")}";
        }

        if (url is not null && !ResolvesPrivately(resources, rule.Source, new Uri(url).Host))
        {
            yield return $"{endpoint.Name}: {new Uri(url).Host} does not resolve privately in {rule.Source}";
        }

        var robot = endpoint.Properties.TryGet("accessId", out var id) && id is Ref { Path: "fullName" } r && resources.TryGetValue(r.Target, out var found)
            ? found
            : null;
        if (robot is null || robot.Type != "harbor:index/robotAccount:RobotAccount" || robot.Text("name") != "replicator"
            || robot.Options.Provider != targetHarbor.Self)
        {
            yield return $"{endpoint.Name} does not log in as {rule.Target}'s replicator robot";
        }
        else if (!endpoint.Properties.TryGet("accessSecret", out var secret) || secret is not Secret { Inner: Ref s }
                 || !robot.Properties.TryGet("secret", out var robotSecret) || robotSecret is not Secret { Inner: Ref rs } || s != rs)
        {
            yield return $"{endpoint.Name} does not log in with the replicator's secret";
        }

        var waitsFor = Closure(resources, endpoint);
        foreach (var needed in targetHarbor.Options.DependsOn.Where(d => !waitsFor.Contains(d.Target)))
        {
            yield return $"{endpoint.Name} does not wait for {needed.Target}, which {rule.Target}'s Harbor needs to answer";
        }
    }

    /// <summary>
    /// Whether a VPC of <paramref name="region"/> resolves <paramref name="host"/> without the
    /// internet: a record in a private zone associated with the VPC, or a forwarding rule for the
    /// name associated with the VPC (names of the other partition, answered by its hub).
    /// </summary>
    private static bool ResolvesPrivately(IReadOnlyDictionary<string, Resource> resources, string region, string host)
    {
        var vpcs = resources.Values
            .Where(r => r.Type == "aws:ec2/vpc:Vpc" && r.Options.Provider is { } p && resources[p.Target].Text("region") == region)
            .Select(v => (Value)v.Id)
            .ToHashSet();
        var zones = resources.Values
            .Where(z => z.Type == "aws:route53/zone:Zone" && z.Properties.TryGet("vpcs", out var list)
                        && ((ListValue)list).Items.Cast<MapValue>().Any(v => vpcs.Contains(v["vpcId"])))
            .Select(z => z.Name)
            .Concat(resources.Values
                .Where(a => a.Type == "aws:route53/zoneAssociation:ZoneAssociation" && vpcs.Contains(a.Properties["vpcId"]))
                .Select(a => ((Ref)a.Properties["zoneId"]).Target))
            .ToHashSet(StringComparer.Ordinal);
        var recorded = resources.Values.Any(r => r.Type == "aws:route53/record:Record" && r.Text("name") == host
                                                 && r.Properties["zoneId"] is Ref z && zones.Contains(z.Target));
        var forwarded = resources.Values
            .Where(r => r.Type == "aws:route53/resolverRule:ResolverRule" && r.Text("domainName") == host && r.Text("ruleType") == "FORWARD")
            .Any(rule => resources.Values.Any(a => a.Type == "aws:route53/resolverRuleAssociation:ResolverRuleAssociation"
                                                   && a.Properties["resolverRuleId"] == rule.Id && vpcs.Contains(a.Properties["vpcId"])));
        return recorded || forwarded;
    }

    /// <summary>Everything a resource waits for: what it references, in properties and options, transitively.</summary>
    public static IReadOnlySet<string> Closure(IReadOnlyDictionary<string, Resource> resources, Resource resource)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Resource>([resource]);
        while (pending.TryPop(out var next))
        {
            foreach (var target in ValueWalker.Refs(next).Select(r => r.Target))
            {
                if (resources.TryGetValue(target, out var found) && seen.Add(target))
                {
                    pending.Push(found);
                }
            }
        }

        return seen;
    }

    private static IReadOnlyList<string>? Loop(IReadOnlyList<DeclaredReplication> rules)
    {
        var next = rules.GroupBy(r => r.Source, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Target).Distinct().Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        var path = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);

        IReadOnlyList<string>? Visit(string node)
        {
            var at = path.IndexOf(node);
            if (at >= 0)
            {
                return [.. path[at..], node];
            }

            if (!done.Add(node))
            {
                return null;
            }

            path.Add(node);
            foreach (var target in next.GetValueOrDefault(node, []))
            {
                if (Visit(target) is { } loop)
                {
                    return loop;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return next.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(l => l is not null);
    }
}
