using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>Encryption at rest of every database (awsguard rds-storage-encrypted).</summary>
public sealed class RdsEncryptedRule : ICheckRule
{
    public string Id => "rds-encrypted";

    public string Reason => "database storage, snapshots and backups are encrypted at rest (storageEncrypted)";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        // A read replica takes its encryption from its source (RDS CreateDBInstanceReadReplica); the source is checked.
        return RuleHelpers.Each(
            index.OfType(ResourceTypes.RdsInstance, ResourceTypes.RdsCluster).Where(r => r.Property("replicateSourceDb") is null),
            r => RuleHelpers.When(!Props.IsTrue(r.Property("storageEncrypted")), "storageEncrypted is not true"));
    }
}
