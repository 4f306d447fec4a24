using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// PostgreSQL refuses clear-text connections: its parameter group sets <c>rds.force_ssl</c> to 1
/// (RDS for PostgreSQL, "Requiring an SSL connection"). Stated in the program, not left to the
/// engine version's default.
/// </summary>
public sealed class PostgresSslRule : ICheckRule
{
    public string Id => "postgres-ssl";

    public string Reason => "PostgreSQL databases use a parameter group that sets rds.force_ssl = 1";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(
            index.OfType(ResourceTypes.RdsInstance).Where(r => Props.Text(r.Property("engine")) is { } e && e.StartsWith("postgres", StringComparison.Ordinal)),
            db =>
            {
                var group = index.Target(db.Property("parameterGroupName"));
                if (group is null || group.Type != ResourceTypes.RdsParameterGroup)
                {
                    return ["parameterGroupName does not reference a parameter group of this program, so SSL is not enforced by it"];
                }

                var forced = Props.Items(group.Property("parameters")).Any(p =>
                    Props.Text(Props.At(p, "name")) == "rds.force_ssl" && Props.Text(Props.At(p, "value")) == "1");
                return RuleHelpers.When(!forced, $"its parameter group {group.Name} does not set rds.force_ssl to 1");
            });
    }
}
