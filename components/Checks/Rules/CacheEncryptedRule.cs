using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>Encryption at rest of every cache.</summary>
public sealed class CacheEncryptedRule : ICheckRule
{
    public string Id => "cache-encrypted";

    public string Reason => "Redis data and snapshots are encrypted at rest (atRestEncryptionEnabled)";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        var groups = RuleHelpers.Each(index.OfType(ResourceTypes.CacheReplicationGroup),
            r => RuleHelpers.When(!Props.IsTrue(r.Property("atRestEncryptionEnabled")), "atRestEncryptionEnabled is not true"));
        // A stand-alone cache cluster cannot turn on at-rest encryption (ElastiCache supports it on replication groups only).
        var clusters = RuleHelpers.Each(index.OfType(ResourceTypes.CacheCluster),
            _ => ["a stand-alone cache cluster cannot be encrypted at rest: use a replication group"]);
        return groups.Concat(clusters);
    }
}
