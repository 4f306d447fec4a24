using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>Redis in transit: TLS required and an AUTH token (Harbor 2.13+ speaks Redis over TLS; DESIGN.md).</summary>
public sealed class RedisTlsRule : ICheckRule
{
    public string Id => "redis-tls";

    public string Reason => "Redis requires TLS (transitEncryptionEnabled, mode required) and an AUTH token";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.CacheReplicationGroup), Problems);
    }

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
