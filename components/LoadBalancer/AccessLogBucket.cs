using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Model;

namespace HarborHa.LoadBalancer;

/// <summary>
/// A region's bucket for ALB access logs: SSE-S3 (the only encryption ALB log delivery supports,
/// ELB User Guide), versioned, public access blocked, TLS-only, objects owned by the bucket owner,
/// logs expired after <c>retentionDays</c>. Each load balancer writes under its own prefix.
/// </summary>
public sealed class AccessLogBucket
{
    public AccessLogBucket(PulumiProgram program, Ref provider, RegionConfig region, IReadOnlyList<string> prefixes, int retentionDays, bool protect)
    {
        string Name(string role) => LogicalName.Of(region.Name, "lb", role);
        var bucket = program.Declare(Name("logs"), "aws:s3/bucket:Bucket", provider, new MapValue
        {
            ["forceDestroy"] = !protect,
            ["tags"] = ProgramExtensions.NameTag(Name("logs")),
        }, new ResourceOptions { Protect = protect });
        var id = bucket.Id;
        var arn = bucket.Out("arn");
        var blocks = program.Declare(Name("logs-public-access"), "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", provider, new MapValue
        {
            ["bucket"] = id,
            ["blockPublicAcls"] = true,
            ["blockPublicPolicy"] = true,
            ["ignorePublicAcls"] = true,
            ["restrictPublicBuckets"] = true,
        });
        program.Declare(Name("logs-ownership"), "aws:s3/bucketOwnershipControls:BucketOwnershipControls", provider, new MapValue
        {
            ["bucket"] = id,
            ["rule"] = new MapValue { ["objectOwnership"] = "BucketOwnerEnforced" },
        });
        var encryption = program.Declare(Name("logs-encryption"), "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", provider, new MapValue
        {
            ["bucket"] = id,
            ["rules"] = Value.List(new MapValue
            {
                ["applyServerSideEncryptionByDefault"] = new MapValue { ["sseAlgorithm"] = "AES256" },
            }),
        });
        program.Declare(Name("logs-versioning"), "aws:s3/bucketVersioning:BucketVersioning", provider, new MapValue
        {
            ["bucket"] = id,
            ["versioningConfiguration"] = new MapValue { ["status"] = "Enabled" },
        });
        program.Declare(Name("logs-lifecycle"), "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", provider, new MapValue
        {
            ["bucket"] = id,
            ["rules"] = Value.List(new MapValue
            {
                ["id"] = "expire-access-logs",
                ["status"] = "Enabled",
                ["filter"] = new MapValue(),
                ["expiration"] = new MapValue { ["days"] = retentionDays },
                ["noncurrentVersionExpiration"] = new MapValue { ["noncurrentDays"] = 7 },
                ["abortIncompleteMultipartUpload"] = new MapValue { ["daysAfterInitiation"] = 1 },
            }),
        });
        var policy = program.Declare(Name("logs-policy"), "aws:s3/bucketPolicy:BucketPolicy", provider, new MapValue
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
                        ["Principal"] = ElbLogDelivery.Principal(region.Name, provider),
                        ["Action"] = "s3:PutObject",
                        ["Resource"] = new ListValue(prefixes.Select(p => (Value)new Interpolation(arn, $"/{p}/AWSLogs/*")).ToArray()),
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
        BucketId = id;
        // The load balancer checks that it may write when access logs are switched on.
        Ready = [policy.Self, encryption.Self];
    }

    /// <summary>The bucket name, for <c>accessLogs.bucket</c>.</summary>
    public Ref BucketId { get; }

    /// <summary>What a load balancer writing here waits for.</summary>
    public IReadOnlyList<Ref> Ready { get; }
}
