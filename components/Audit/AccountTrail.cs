using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Audit;

/// <summary>
/// The account's API audit record in one partition: a multi-region CloudTrail trail (global service
/// events included, log file validation on) into a bucket of its own that is versioned, private,
/// TLS-only, SSE-S3 encrypted and under S3 Object Lock for the retention period, so a compromised
/// administrator cannot quietly delete the record of what was done. CloudTrail writes only for this
/// trail (<c>aws:SourceArn</c>, CloudTrail User Guide, bucket policy for CloudTrail).
/// </summary>
public sealed class AccountTrail
{
    public AccountTrail(PulumiProgram program, Ref provider, AccountTrailArgs args)
    {
        var partition = Partitions.Of(args.Region);
        var isProtected = args.Protection == Protection.Protected;
        string Name(string role) => LogicalName.Of(args.Region, "audit", role);
        var account = new Invoke(ResourceTypes.GetCallerIdentity, new MapValue(), provider, "accountId");

        var bucket = program.Declare(Name("bucket"), ResourceTypes.Bucket, provider, new MapValue
        {
            ["bucket"] = args.BucketName,
            // Object Lock is switched on at creation; it cannot be switched off.
            ["objectLockEnabled"] = true,
            ["forceDestroy"] = !isProtected,
            ["tags"] = ProgramExtensions.NameTag(Name("bucket")),
        }, new ResourceOptions { Protect = isProtected });
        var arn = bucket.Out("arn");
        args.Logs.LogAccessOf(program, provider, Name("bucket"), bucket.Id);
        var versioning = program.Declare(Name("bucket-versioning"), ResourceTypes.BucketVersioning, provider, new MapValue
        {
            ["bucket"] = bucket.Id,
            ["versioningConfiguration"] = new MapValue { ["status"] = "Enabled" },
        });
        program.Declare(Name("bucket-object-lock"), ResourceTypes.BucketObjectLockConfiguration, provider, new MapValue
        {
            ["bucket"] = bucket.Id,
            ["objectLockEnabled"] = "Enabled",
            ["rule"] = new MapValue
            {
                ["defaultRetention"] = new MapValue
                {
                    ["mode"] = new ObjectLockRetention(args.LockMode, args.RetentionDays).ApiMode,
                    ["days"] = args.RetentionDays,
                },
            },
        }, new ResourceOptions { DependsOn = [versioning.Self] });
        program.Declare(Name("bucket-encryption"), ResourceTypes.BucketEncryption, provider, new MapValue
        {
            ["bucket"] = bucket.Id,
            ["rules"] = Value.List(new MapValue
            {
                ["applyServerSideEncryptionByDefault"] = new MapValue { ["sseAlgorithm"] = "AES256" },
            }),
        });
        var publicAccess = program.Declare(Name("bucket-public-access"), ResourceTypes.BucketPublicAccessBlock, provider, new MapValue
        {
            ["bucket"] = bucket.Id,
            ["blockPublicAcls"] = true,
            ["blockPublicPolicy"] = true,
            ["ignorePublicAcls"] = true,
            ["restrictPublicBuckets"] = true,
        });
        program.Declare(Name("bucket-ownership"), ResourceTypes.S3BucketOwnershipControls, provider, new MapValue
        {
            ["bucket"] = bucket.Id,
            ["rule"] = new MapValue { ["objectOwnership"] = "BucketOwnerEnforced" },
        });
        program.Declare(Name("bucket-lifecycle"), ResourceTypes.S3BucketLifecycleConfiguration, provider, new MapValue
        {
            ["bucket"] = bucket.Id,
            ["rules"] = Value.List(new MapValue
            {
                ["id"] = "expire-after-retention",
                ["status"] = "Enabled",
                ["filter"] = new MapValue(),
                ["expiration"] = new MapValue { ["days"] = args.RetentionDays },
                ["noncurrentVersionExpiration"] = new MapValue { ["noncurrentDays"] = 1 },
            }),
        }, new ResourceOptions { DependsOn = [versioning.Self] });

        // The trail's ARN from its name: the bucket policy must exist before the trail (CloudTrail checks it).
        var trailArn = new Join("", Value.List($"arn:{partition.ArnName()}:cloudtrail:{args.Region}:", account, $":trail/{args.TrailName}"));
        var service = ServicePrincipal.Of("cloudtrail", partition);
        var policy = program.Declare(Name("bucket-policy"), ResourceTypes.BucketPolicy, provider, new MapValue
        {
            ["bucket"] = bucket.Id,
            ["policy"] = new ToJson(new MapValue
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = Value.List(
                    new MapValue
                    {
                        ["Sid"] = "CloudTrailAclCheck",
                        ["Effect"] = "Allow",
                        ["Principal"] = new MapValue { ["Service"] = service },
                        ["Action"] = "s3:GetBucketAcl",
                        ["Resource"] = arn,
                        ["Condition"] = new MapValue { ["StringEquals"] = new MapValue { ["aws:SourceArn"] = trailArn } },
                    },
                    new MapValue
                    {
                        ["Sid"] = "CloudTrailWrite",
                        ["Effect"] = "Allow",
                        ["Principal"] = new MapValue { ["Service"] = service },
                        ["Action"] = "s3:PutObject",
                        ["Resource"] = new Join("", Value.List(arn, "/AWSLogs/", account, "/*")),
                        ["Condition"] = new MapValue
                        {
                            ["StringEquals"] = new MapValue
                            {
                                ["aws:SourceArn"] = trailArn,
                                ["s3:x-amz-acl"] = "bucket-owner-full-control",
                            },
                        },
                    },
                    new MapValue
                    {
                        ["Sid"] = "DenyInsecureTransport",
                        ["Effect"] = "Deny",
                        ["Principal"] = "*",
                        ["Action"] = "s3:*",
                        ["Resource"] = Value.List(arn, new Interpolation(arn, "/*")),
                        ["Condition"] = new MapValue { ["Bool"] = new MapValue { ["aws:SecureTransport"] = "false" } },
                    }),
            }),
        }, new ResourceOptions { DependsOn = [publicAccess.Self] });

        var trail = program.Declare(Name("trail"), ResourceTypes.CloudTrail, provider, new MapValue
        {
            ["name"] = args.TrailName,
            ["s3BucketName"] = bucket.Id,
            ["isMultiRegionTrail"] = true,
            ["includeGlobalServiceEvents"] = true,
            ["enableLogFileValidation"] = true,
            ["enableLogging"] = true,
            ["tags"] = ProgramExtensions.NameTag(Name("trail")),
        }, new ResourceOptions { DependsOn = [policy.Self] });
        TrailArn = trail.Out("arn");
    }

    public Ref TrailArn { get; }
}
