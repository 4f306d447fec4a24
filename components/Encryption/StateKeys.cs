using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Encryption;

/// <summary>
/// Customer-managed KMS keys for a region's state: one in the region (RDS storage and Performance
/// Insights, ElastiCache at rest, the registry bucket) and, when the region has a DR region, one
/// there for the copies (replicated RDS backups, the DR bucket): a KMS key never leaves its region.
/// The DR key belongs to the source region (named after it), so removing another region that
/// happens to live in the DR region never deletes the key that this region's copies depend on.
/// Keys rotate yearly and keep the default key policy (the account's IAM policies grant use).
/// Protected keys are retained when removed from the program (docs/disaster-recovery.md).
/// </summary>
public sealed class StateKeys
{
    /// <summary>KMS's shortest and longest waiting periods before a scheduled key deletion.</summary>
    public const int DisposableDeletionWindowDays = 7;

    public const int ProtectedDeletionWindowDays = 30;

    public StateKeys(PulumiProgram program, AwsProviderRegistry aws, StateKeysArgs args)
    {
        var region = args.Region;
        var key = DeclareKey(program, aws.For(region), LogicalName.Of(region, "state", "key"),
            args.KeyAlias,
            $"harbor-ha {region}: database, cache and registry bucket", args.Protection);
        Arn = key.Out("arn");
        if (args.DrRegion is { } drRegion)
        {
            if (Partitions.Of(drRegion) != Partitions.Of(region) || drRegion == region)
            {
                throw new ArgumentException($"the DR region of {region} must be another region of its partition, not {drRegion}", nameof(args));
            }

            var provider = aws.For(drRegion);
            var drKey = DeclareKey(program, provider, LogicalName.Of(region, "state", "dr-key"),
                args.DrKeyAlias ?? throw new ArgumentException($"{region}: DrKeyAlias is required with DrRegion", nameof(args)),
                $"harbor-ha {region}: disaster-recovery copies in {drRegion}", args.Protection);
            Dr = new DrSite(drRegion, provider, drKey.Out("arn"));
        }
    }

    /// <summary>ARN of the key in the region itself.</summary>
    public Ref Arn { get; }

    /// <summary>The DR region with its provider and key, or null when the region has no DR region.</summary>
    public DrSite? Dr { get; }

    private static Resource DeclareKey(PulumiProgram program, Ref provider, string name, string alias, string description, Protection protection)
    {
        var isProtected = protection == Protection.Protected;
        var key = program.Declare(name, ResourceTypes.KmsKey, provider, new MapValue
        {
            ["description"] = description,
            ["enableKeyRotation"] = true,
            ["deletionWindowInDays"] = isProtected ? ProtectedDeletionWindowDays : DisposableDeletionWindowDays,
            ["tags"] = ProgramExtensions.NameTag(name),
        }, new ResourceOptions
        {
            Protect = isProtected,
            // A key outlives the program that made it: every snapshot, replicated backup, object
            // version and restored database encrypted with it is unreadable without it. Removing a
            // protected key from the program releases it from Pulumi; deleting it is a manual step.
            RetainOnDelete = isProtected,
        });
        program.Declare($"{name}-alias", ResourceTypes.KmsAlias, provider, new MapValue
        {
            ["name"] = alias,
            ["targetKeyId"] = key.Id,
        });
        return key;
    }
}
