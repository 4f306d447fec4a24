using HarborHa.Checks;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Checks;

/// <summary>docs/checks.md cannot rot: it names every rule, every awsguard policy and every replacement-table entry.</summary>
public sealed class ChecksDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(TestConfigs.RepoRoot(), "docs", "checks.md"));

    /// <summary>The policies @pulumi/awsguard registers (pulumi/pulumi-policy-aws, src/*.ts).</summary>
    public static readonly string[] AwsGuardPolicies =
    [
        "apigateway-stage-cached", "apigateway-method-cached-and-encrypted", "apigateway-endpoint-type",
        "ec2-instance-detailed-monitoring-enabled", "ec2-instance-no-public-ip", "ec2-volume-inuse", "elb-logging-enabled",
        "encrypted-volumes", "security-group-no-rule-management-conflicts", "redshift-cluster-configuration",
        "redshift-cluster-maintenance-settings", "redshift-cluster-public-access", "dynamodb-table-encryption-enabled",
        "rds-instance-backup-enabled", "rds-instance-multi-az-enabled", "rds-instance-public-access", "rds-storage-encrypted",
        "elasticsearch-encrypted-at-rest", "elasticsearch-in-vpc-only", "iam-role-no-policy-management-conflicts",
        "alb-http-to-https-redirection", "acm-certificate-expiration", "cmk-backing-key-rotation-enabled", "access-keys-rotated",
        "mfa-enabled-for-iam-console-access", "efs-encrypted", "elb-deletion-protection-enabled", "s3-bucket-logging-enabled",
    ];

    /// <summary>The lines of the doc from a heading to the next heading of the same or a higher level.</summary>
    private static IEnumerable<string> Section(string heading)
    {
        var level = heading.TakeWhile(c => c == '#').Count();
        return Doc.Split('\n')
            .SkipWhile(l => l != heading)
            .Skip(1)
            .TakeWhile(l => !(l.StartsWith('#') && l.TakeWhile(c => c == '#').Count() <= level));
    }

    [Fact]
    public void Every_rule_is_documented()
    {
        Assert.All(CheckRegistry.All, r => Assert.Contains($"| `{r.Id}` |", Doc, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_awsguard_policy_is_mapped_to_a_rule_or_a_reason()
    {
        foreach (var policy in AwsGuardPolicies)
        {
            var row = Section("## AWSGuard coverage").SingleOrDefault(l => l.StartsWith($"| `{policy}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"{policy} has no row");
            var cells = row!.Split('|').Select(c => c.Trim()).ToArray();
            var rule = cells[2].Trim('`');
            Assert.True(CheckRegistry.Find(rule) is not null || cells[3].StartsWith("not applicable", StringComparison.Ordinal) || cells[3].StartsWith("needs a cloud call", StringComparison.Ordinal),
                $"{policy}: '{cells[2]}' is not a rule and no reason is given");
        }
    }

    [Fact]
    public void The_replacement_table_in_the_doc_matches_the_code()
    {
        var rows = Section("### Replacement table").Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToArray();
        foreach (var e in ReplacementTable.Entries)
        {
            Assert.True(
                rows.Any(r => r.StartsWith($"| `{e.Type}` |", StringComparison.Ordinal) && r.EndsWith($"| {e.Consequence} |", StringComparison.Ordinal) && r.Contains($"`{e.Property}`", StringComparison.Ordinal)),
                $"{e.Type} {e.Property} is not in the doc's table with its consequence");
        }

        Assert.Equal(ReplacementTable.Entries.Count, rows.Sum(r => r.Split('|')[2].Split(',').Length));

        Assert.All(ReplacementTable.StatefulTypes, t => Assert.Contains($"`{t}`", Doc, StringComparison.Ordinal));
    }
}
