using HarborHa.Configuration;
using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>Redis in transit: TLS required and an AUTH token (Harbor 2.13+ speaks Redis over TLS; DESIGN.md).</summary>
public sealed class RedisTlsRule : ICheckRule
{
    public string Id => "redis-tls";

    public string Reason => "Redis requires TLS (transitEncryptionEnabled, mode required) and an AUTH token";

    public IEnumerable<Finding> Evaluate(PulumiProgram program, StackConfig config)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.CacheReplicationGroup), Problems)
            .Select(f => IsDragonflyCache(f.Resource) ? f with { Message = f.Message + DragonflyException, Accepted = true } : f);
    }

    /// <summary>
    /// Dragonfly 2.5's manager and scheduler build plain <c>redis://</c> URLs (dragonfly#4907), so its own
    /// cache cannot use TLS (and ElastiCache allows an AUTH token only with TLS). A documented,
    /// accepted trade-off: the cache holds no registry data and its security group admits only the
    /// cluster's nodes (docs/distribution.md).
    /// </summary>
    private static bool IsDragonflyCache(string name) => name.EndsWith("-dragonfly-cache", StringComparison.Ordinal);

    private const string DragonflyException = " (accepted: Dragonfly cannot use Redis TLS, dragonfly#4907; reachable from the cluster nodes only)";

    private static IEnumerable<string> Problems(Resource r)
    {
        if (!Props.IsTrue(r.Property("transitEncryptionEnabled")))
        {
            yield return "transitEncryptionEnabled is not true";
        }

        // "preferred" accepts clear-text clients too; it exists only for migrating to TLS.
        if (Props.Text(r.Property("transitEncryptionMode")) is { } mode && mode != "required")
        {
            yield return $"transitEncryptionMode is {mode}, not required";
        }

        if (!Props.IsSet(r.Property("authToken")) && !Props.IsSet(r.Property("authTokenWo")) && !Props.IsSet(r.Property("userGroupIds")))
        {
            yield return "has no authToken (or RBAC user group): anyone who reaches the port can use Redis";
        }
    }
}
