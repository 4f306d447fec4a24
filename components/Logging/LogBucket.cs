using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Logging;

/// <summary>
/// An AWS region's log bucket (<c>&lt;region&gt;-logs</c>): ALB access logs under <c>alb/</c> and S3
/// server access logs under <c>s3/</c> of every harbor-ha bucket in that region. SSE-S3, because
/// neither ALB log delivery nor S3 server access logging writes to SSE-KMS buckets (ELB User Guide;
/// S3 User Guide, "Enabling Amazon S3 server access logging"); versioned, public access blocked,
/// TLS-only, objects owned by the bucket owner, logs expired after the retention. It is a log
/// target itself, so it does not log its own access (that would loop).
/// </summary>
public sealed class LogBucket
{
    public const string AlbPrefix = "alb";
    public const string S3Prefix = "s3";

    public LogBucket(PulumiProgram program, Ref provider, string region, int retentionDays, Protection protection)
    {
        var protect = protection == Protection.Protected;
        string Name(string role) => LogicalName.Of(region, "logs", role);
        var bucket = program.Declare(LogicalName.Of(region, "logs"), ResourceTypes.Bucket, provider, new MapValue
        {
            ["forceDestroy"] = !protect,
            ["tags"] = ProgramExtensions.NameTag(LogicalName.Of(region, "logs")),
        }, new ResourceOptions { Protect = protect });
        var id = bucket.Id;
        var arn = bucket.Out("arn");
        var blocks = program.Declare(Name("public-access"), ResourceTypes.BucketPublicAccessBlock, provider, new MapValue
        {
            ["bucket"] = id,
            ["blockPublicAcls"] = true,
            ["blockPublicPolicy"] = true,
            ["ignorePublicAcls"] = true,
            ["restrictPublicBuckets"] = true,
        });
        program.Declare(Name("ownership"), ResourceTypes.S3BucketOwnershipControls, provider, new MapValue
        {
            ["bucket"] = id,
            ["rule"] = new MapValue { ["objectOwnership"] = "BucketOwnerEnforced" },
        });
        var encryption = program.Declare(Name("encryption"), ResourceTypes.BucketEncryption, provider, new MapValue
        {
            ["bucket"] = id,
            ["rules"] = Value.List(new MapValue
            {
                ["applyServerSideEncryptionByDefault"] = new MapValue { ["sseAlgorithm"] = "AES256" },
            }),
        });
        program.Declare(Name("versioning"), ResourceTypes.BucketVersioning, provider, new MapValue
        {
            ["bucket"] = id,
            ["versioningConfiguration"] = new MapValue { ["status"] = "Enabled" },
        });
        program.Declare(Name("lifecycle"), ResourceTypes.S3BucketLifecycleConfiguration, provider, new MapValue
        {
            ["bucket"] = id,
            ["rules"] = Value.List(new MapValue
            {
                ["id"] = "expire-logs",
                ["status"] = "Enabled",
                ["filter"] = new MapValue(),
                ["expiration"] = new MapValue { ["days"] = retentionDays },
                ["noncurrentVersionExpiration"] = new MapValue { ["noncurrentDays"] = 7 },
                ["abortIncompleteMultipartUpload"] = new MapValue { ["daysAfterInitiation"] = 1 },
            }),
        });
        // S3 logging writes as a service principal: only for buckets of this account (no confused deputy).
        var account = new Invoke(ResourceTypes.GetCallerIdentity, new MapValue(), provider, "accountId");
        var policy = program.Declare(Name("policy"), ResourceTypes.BucketPolicy, provider, new MapValue
        {
            ["bucket"] = id,
            ["policy"] = new ToJson(new MapValue
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = Value.List(
                    new MapValue
                    {
                        ["Sid"] = "ElbLogDelivery",
                        ["Effect"] = "Allow",
                        ["Principal"] = ElbLogDelivery.Principal(region, provider),
                        ["Action"] = "s3:PutObject",
                        ["Resource"] = new Interpolation(arn, $"/{AlbPrefix}/*"),
                    },
                    new MapValue
                    {
                        ["Sid"] = "S3ServerAccessLogs",
                        ["Effect"] = "Allow",
                        ["Principal"] = new MapValue { ["Service"] = "logging.s3.amazonaws.com" },
                        ["Action"] = "s3:PutObject",
                        ["Resource"] = new Interpolation(arn, $"/{S3Prefix}/*"),
                        ["Condition"] = new MapValue { ["StringEquals"] = new MapValue { ["aws:SourceAccount"] = account } },
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
        }, new ResourceOptions { DependsOn = [blocks.Self] });
        Region = region;
        BucketId = id;
        Ready = [policy.Self, encryption.Self];
    }

    public string Region { get; }

    /// <summary>The bucket name, for <c>accessLogs.bucket</c> and <c>targetBucket</c>.</summary>
    public Ref BucketId { get; }

    /// <summary>What a writer waits for: delivery is checked when logging is switched on.</summary>
    public IReadOnlyList<Ref> Ready { get; }

    /// <summary>Turns on S3 server access logging of a bucket in the same region into this bucket.</summary>
    public void LogAccessOf(PulumiProgram program, Ref provider, string bucketLogicalName, Ref bucketId)
    {
        program.Declare($"{bucketLogicalName}-access-logging", ResourceTypes.BucketLogging, provider, new MapValue
        {
            ["bucket"] = bucketId,
            ["targetBucket"] = BucketId,
            ["targetPrefix"] = $"{S3Prefix}/{bucketLogicalName}/",
        }, new ResourceOptions { DependsOn = Ready });
    }
}
