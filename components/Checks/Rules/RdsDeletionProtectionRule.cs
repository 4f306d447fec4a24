using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// Outside dev, a database survives a mistaken delete twice over: RDS refuses it (deletion
/// protection), and should it happen anyway a final snapshot is kept. A database is in dev when
/// its AWS provider's default tags say so (<see cref="StackEnvironment"/>).
/// </summary>
public sealed class RdsDeletionProtectionRule : ICheckRule
{
    public string Id => "rds-deletion-protection";

    public string Reason => "outside dev, databases have deletionProtection and take a final snapshot";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.RdsInstance, ResourceTypes.RdsCluster).Where(db => !StackEnvironment.IsDev(index, db)), Problems);
    }

    private static IEnumerable<string> Problems(Resource db)
    {
        if (!Props.IsTrue(db.Property("deletionProtection")))
        {
            yield return "deletionProtection is not true";
        }

        if (Props.IsTrue(db.Property("skipFinalSnapshot")))
        {
            yield return "skipFinalSnapshot is true";
        }

        if (!Props.IsSet(db.Property("finalSnapshotIdentifier")))
        {
            yield return "finalSnapshotIdentifier is not set";
        }
    }
}
