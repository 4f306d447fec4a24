using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>Database logs leave the instance (CloudWatch Logs), so they survive it.</summary>
public sealed class RdsLogExportsRule : ICheckRule
{
    public string Id => "rds-log-exports";

    public string Reason => "every database exports its logs to CloudWatch (PostgreSQL: the postgresql log)";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.RdsInstance), db =>
        {
            var exports = Props.Texts(db.Property("enabledCloudwatchLogsExports"));
            if (exports.Count == 0)
            {
                return ["enabledCloudwatchLogsExports is empty"];
            }

            var postgres = Props.Text(db.Property("engine"))?.StartsWith("postgres", StringComparison.Ordinal) == true;
            return RuleHelpers.When(postgres && !exports.Contains("postgresql"), "enabledCloudwatchLogsExports lacks postgresql");
        });
    }
}
