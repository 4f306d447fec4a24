using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Encryption;

/// <summary>
/// Customer-managed KMS keys for a region's state: one in the region (RDS storage and Performance
/// Insights, ElastiCache at rest, the registry bucket) and, when the region has a DR region, one
/// there for the copies (replicated RDS backups, the DR bucket): a KMS key never leaves its region.
/// The DR key belongs to the source region (named after it), so removing another region that
/// happens to live in the DR region never deletes the key that this region's copies depend on.
/// Keys rotate yearly and carry an explicit key policy (<see cref="KeyPolicy"/>): administered by the
/// named key administrators, used only through RDS, ElastiCache and S3 in the key's region. Protected keys are retained when removed from the program (docs/disaster-recovery.md).
/// </summary>
public sealed class StateKeys
{
    /// <summary>KMS's shortest and longest waiting periods before a scheduled key deletion.</summary>
    public const int DisposableDeletionWindowDays = 7;

    public const int ProtectedDeletionWindowDays = 30;

    public StateKeys(PulumiProgram program, AwsProviderRegistry aws, StateKeysArgs args)
    {
        var region = args.Region;
        // RDS (storage, Performance Insights, snapshots), ElastiCache (at rest) and S3 (the registry bucket).
        var key = DeclareKey(program, aws.For(region), LogicalName.Of(region, "state", "key"),
            args.KeyAlias,
            $"harbor-ha {region}: database, cache and registry bucket", args.Protection,
            KeyPolicy.Document(region, aws.For(region), args.KeyAdminArns, KeyPolicy.ViaServices(region, "rds", "elasticache", "s3"), []));
        Arn = key.Out("arn");
        if (args.DrRegion is { } drRegion)
        {
            if (Partitions.Of(drRegion) != Partitions.Of(region) || drRegion == region)
            {
                throw new ArgumentException($"the DR region of {region} must be another region of its partition, not {drRegion}", nameof(args));
            }

            var provider = aws.For(drRegion);
            // Replicated RDS backups and the S3 replica, both written by their service in the DR region.
            var drKey = DeclareKey(program, provider, LogicalName.Of(region, "state", "dr-key"),
                args.DrKeyAlias ?? throw new ArgumentException($"{region}: DrKeyAlias is required with DrRegion", nameof(args)),
                $"harbor-ha {region}: disaster-recovery copies in {drRegion}", args.Protection,
                KeyPolicy.Document(drRegion, aws.For(region), args.KeyAdminArns, KeyPolicy.ViaServices(drRegion, "rds", "s3"), []));
            Dr = new DrSite(drRegion, provider, drKey.Out("arn"));
        }
    }

    /// <summary>
    /// Only the DR key of a region that is lost (<paramref name="args"/>.Region is gone): its replicated
    /// backups and DR bucket stay readable. Same logical name and alias as the constructor's, so the key
    /// stays in state; the policy reads the account from the DR region's provider instead.
    /// </summary>
    public static DrSite CopiesOfLostRegion(PulumiProgram program, AwsProviderRegistry aws, StateKeysArgs args)
    {
        var drRegion = args.DrRegion ?? throw new ArgumentException($"{args.Region}: a lost region without a DR region has no copies", nameof(args));
        var provider = aws.For(drRegion);
        var drKey = DeclareKey(program, provider, LogicalName.Of(args.Region, "state", "dr-key"),
            args.DrKeyAlias ?? throw new ArgumentException($"{args.Region}: DrKeyAlias is required with DrRegion", nameof(args)),
            $"harbor-ha {args.Region}: disaster-recovery copies in {drRegion}", args.Protection,
            KeyPolicy.Document(drRegion, provider, args.KeyAdminArns, KeyPolicy.ViaServices(drRegion, "rds", "s3"), []));
        return new DrSite(drRegion, provider, drKey.Out("arn"));
    }

    /// <summary>ARN of the key in the region itself.</summary>
    public Ref Arn { get; }

    /// <summary>The DR region with its provider and key, or null when the region has no DR region.</summary>
    public DrSite? Dr { get; }

    private static Resource DeclareKey(PulumiProgram program, Ref provider, string name, string alias, string description, Protection protection, ToJson policy)
    {
        var isProtected = protection == Protection.Protected;
        var key = program.Declare(name, ResourceTypes.KmsKey, provider, new MapValue
        {
            ["description"] = description,
            ["enableKeyRotation"] = true,
            ["deletionWindowInDays"] = isProtected ? ProtectedDeletionWindowDays : DisposableDeletionWindowDays,
            ["policy"] = policy,
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
