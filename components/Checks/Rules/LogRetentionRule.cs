using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// Every CloudWatch Logs group the program declares sets <c>retentionInDays</c> (CloudWatch keeps logs
/// forever otherwise), and every RDS instance that exports logs exports them into groups the program
/// declares (<c>/aws/rds/instance/&lt;identifier&gt;/&lt;log&gt;</c>): RDS creates missing groups itself,
/// without retention.
/// </summary>
public sealed class LogRetentionRule : ICheckRule
{
    public string Id => "log-retention";

    public string Reason => "every log group the stack or its services create has an explicit retention";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        var groups = index.OfType(ResourceTypes.CloudWatchLogGroup).ToArray();
        foreach (var group in groups.Where(g => Props.Number(g.Property("retentionInDays")) is null && g.Property("retentionInDays") is null))
        {
            yield return new Finding(group.Name, "sets no retentionInDays: CloudWatch Logs keeps its events forever");
        }

        var names = groups.Select(g => Props.Text(g.Property("name"))).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var instance in index.OfType(ResourceTypes.RdsInstance))
        {
            var exports = Props.Texts(instance.Property("enabledCloudwatchLogsExports"));
            if (exports.Count == 0)
            {
                continue;
            }

            var identifier = Props.Text(instance.Property("identifier"));
            var missing = identifier is null
                ? exports
                : exports.Where(log => !names.Contains($"/aws/rds/instance/{identifier}/{log}")).ToArray();
            if (missing.Count == 0)
            {
                continue;
            }

            var message = identifier is null
                ? $"exports {string.Join(", ", missing)} logs without a literal identifier, so their groups cannot be declared: RDS creates them without retention"
                : $"exports {string.Join(", ", missing)} logs into groups the program does not declare: RDS creates them without retention";
            var accepted = instance.Accepts(Id);
            yield return new Finding(instance.Name, accepted is null ? message : $"{message} (accepted: {accepted.Reason})", accepted is not null);
        }
    }
}
