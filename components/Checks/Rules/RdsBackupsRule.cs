using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// awsguard rds-instance-backup-enabled: automated backups on, with the retention stated (it is the
/// point-in-time recovery window that a disaster-recovery rebuild restores from).
/// </summary>
public sealed class RdsBackupsRule : ICheckRule
{
    public string Id => "rds-backups";

    public string Reason => "every database keeps automated backups (backupRetentionPeriod set, at least 1 day)";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.RdsInstance).Where(r => r.Property("replicateSourceDb") is null), db =>
        {
            var days = Props.Number(db.Property("backupRetentionPeriod"));
            return RuleHelpers.When(days is null or < 1, days is null ? "backupRetentionPeriod is not set" : "backupRetentionPeriod is 0: backups are off");
        });
    }
}
