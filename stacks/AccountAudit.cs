using HarborHa.Audit;
using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Logging;
using HarborHa.Model;
using HarborHa.Planning;

namespace HarborHa.Stacks;

/// <summary>
/// Detection and audit for the accounts the stack deploys to (<c>harbor-ha:audit</c>): per partition
/// with regions, a multi-region CloudTrail trail homed in that side's hub region; a GuardDuty
/// detector in every region the stack puts data in (its regions and their DR regions). Declared in
/// prod by default; with <c>managedElsewhere</c> the organization provides them and the stack
/// declares nothing (<c>infra validate</c> lists what it assumes).
/// </summary>
public static class AccountAudit
{
    public static void Declare(PulumiProgram program, StackConfig config, AwsProviderRegistry aws, LogBuckets logs, Protection protection)
    {
        if (!config.Audit.Enabled)
        {
            return;
        }

        foreach (var hub in config.Regions.Where(r => r.IsHub).OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            _ = new AccountTrail(program, aws.For(hub.Name), new AccountTrailArgs
            {
                Region = hub.Name,
                TrailName = $"harbor-ha-{StateNames.DomainSlug(config.Domain)}",
                BucketName = StateNames.AuditBucket(config.Domain, hub.Name),
                Logs = logs.For(hub.Name),
                RetentionDays = config.Audit.RetentionDays,
                Protection = protection,
            });
        }

        foreach (var region in DetectorRegions(config))
        {
            _ = new ThreatDetection(program, aws.For(region), region);
        }
    }

    /// <summary>Where GuardDuty runs: every region of the stack and every DR region, sorted.</summary>
    public static IReadOnlyList<string> DetectorRegions(StackConfig config) =>
        config.Regions.Select(r => r.Name).Concat(config.Regions.Select(r => r.DrRegion).OfType<string>())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>What a stack with <c>managedElsewhere</c> relies on the organization for, one line each.</summary>
    public static IReadOnlyList<string> Assumptions(StackConfig config)
    {
        if (!config.Audit.ManagedElsewhere)
        {
            return [];
        }

        var partitions = config.Regions.Select(r => r.Side).Distinct().Order()
            .Select(s => s == Side.China ? "aws-cn" : "aws");
        return
        [
            .. partitions.Select(p => $"a multi-region CloudTrail trail with log file validation in the {p} account(s), into a bucket with Object Lock"),
            $"a GuardDuty detector with S3 protection and EKS audit log monitoring in {string.Join(", ", DetectorRegions(config))}",
        ];
    }
}
