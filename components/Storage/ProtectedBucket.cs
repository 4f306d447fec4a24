using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Storage;

/// <summary>
/// One registry bucket with every protection DESIGN.md asks of a bucket, each as its own AWS
/// provider v7 resource: versioning, SSE-KMS by default (with an S3 Bucket Key, so S3 asks KMS
/// once per bucket key instead of once per object), all public access blocked, ACLs disabled,
/// lifecycle (abort stale multipart uploads, expire old versions) and a policy denying plain HTTP.
/// The primary and the DR bucket are both built by this class, so they cannot drift apart.
/// </summary>
internal sealed class ProtectedBucket
{
    public ProtectedBucket(PulumiProgram program, Ref provider, string logicalName, string bucketName, string region, Value kmsKeyArn, StorageArgs args, ObjectLockRetention? objectLock = null)
    {
        Region = region;
        KmsKeyArn = kmsKeyArn;
        var isProtected = args.Protection == Protection.Protected;
        string Part(string role) => $"{logicalName}-{role}";

        var bucket = program.Declare(logicalName, ResourceTypes.Bucket, provider, new MapValue
        {
            ["bucket"] = bucketName,
            // A protected bucket refuses to be deleted while it holds objects; a dev bucket is emptied.
            ["forceDestroy"] = !isProtected,
            ["tags"] = ProgramExtensions.NameTag(logicalName),
        }, new ResourceOptions { Protect = isProtected });
        Id = bucket.Id;
        Name = bucket.Out("bucket");
        Arn = bucket.Out("arn");
        Objects = new Interpolation(Arn, "/*");
        Served = new ServedBucket(Name, Arn, kmsKeyArn, region);
        args.Logs.For(region).LogAccessOf(program, provider, logicalName, Id);

        Versioning = program.Declare(Part("versioning"), ResourceTypes.BucketVersioning, provider, new MapValue
        {
            ["bucket"] = Id,
            ["versioningConfiguration"] = new MapValue { ["status"] = "Enabled" },
        }).Self;

        if (objectLock is not null)
        {
            // S3 enables Object Lock on new and on existing versioned buckets (this resource does both);
            // once on, it cannot be switched off. Versions written before get no retention.
            program.Declare(Part("object-lock"), ResourceTypes.BucketObjectLockConfiguration, provider, new MapValue
            {
                ["bucket"] = Id,
                ["objectLockEnabled"] = "Enabled",
                ["rule"] = new MapValue
                {
                    ["defaultRetention"] = new MapValue { ["mode"] = objectLock.ApiMode, ["days"] = objectLock.Days },
                },
            }, new ResourceOptions { DependsOn = [Versioning] });
        }

        program.Declare(Part("encryption"), ResourceTypes.BucketEncryption, provider, new MapValue
        {
            ["bucket"] = Id,
            ["rules"] = Value.List(new MapValue
            {
                ["applyServerSideEncryptionByDefault"] = new MapValue
                {
                    ["sseAlgorithm"] = "aws:kms",
                    ["kmsMasterKeyId"] = kmsKeyArn,
                },
                ["bucketKeyEnabled"] = true,
            }),
        });

        var publicAccess = program.Declare(Part("public-access"), ResourceTypes.BucketPublicAccessBlock, provider, new MapValue
        {
            ["bucket"] = Id,
            ["blockPublicAcls"] = true,
            ["blockPublicPolicy"] = true,
            ["ignorePublicAcls"] = true,
            ["restrictPublicBuckets"] = true,
        });

        program.Declare(Part("ownership"), ResourceTypes.S3BucketOwnershipControls, provider, new MapValue
        {
            ["bucket"] = Id,
            ["rule"] = new MapValue { ["objectOwnership"] = "BucketOwnerEnforced" },
        });

        program.Declare(Part("lifecycle"), ResourceTypes.S3BucketLifecycleConfiguration, provider, new MapValue
        {
            ["bucket"] = Id,
            ["rules"] = Value.List(
                new MapValue
                {
                    ["id"] = "abort-incomplete-multipart-uploads",
                    ["status"] = "Enabled",
                    ["filter"] = new MapValue(),
                    ["abortIncompleteMultipartUpload"] = new MapValue { ["daysAfterInitiation"] = args.AbortIncompleteUploadDays },
                },
                new MapValue
                {
                    ["id"] = "expire-noncurrent-versions",
                    ["status"] = "Enabled",
                    ["filter"] = new MapValue(),
                    ["noncurrentVersionExpiration"] = new MapValue { ["noncurrentDays"] = args.NoncurrentVersionDays },
                    // Once its versions have expired, a delete marker protects nothing.
                    ["expiration"] = new MapValue { ["expiredObjectDeleteMarker"] = true },
                }),
        }, new ResourceOptions { DependsOn = [Versioning] });

        program.Declare(Part("tls-only"), ResourceTypes.BucketPolicy, provider, new MapValue
        {
            ["bucket"] = Id,
            ["policy"] = new ToJson(RegistryStorage.Policy(new MapValue
            {
                ["Sid"] = "DenyPlainHttp",
                ["Effect"] = "Deny",
                ["Principal"] = "*",
                ["Action"] = "s3:*",
                ["Resource"] = Value.List(Arn, Objects),
                ["Condition"] = new MapValue { ["Bool"] = new MapValue { ["aws:SecureTransport"] = "false" } },
            })),
        }, new ResourceOptions { DependsOn = [publicAccess.Self] });
    }

    public string Region { get; }

    /// <summary>The bucket as the registry user's policy needs it.</summary>
    public ServedBucket Served { get; }

    public Value KmsKeyArn { get; }

    public Ref Id { get; }

    /// <summary>The bucket's name, as a reference so users of it depend on the bucket.</summary>
    public Ref Name { get; }

    public Ref Arn { get; }

    /// <summary>ARN pattern of every object in the bucket.</summary>
    public Value Objects { get; }

    /// <summary>The versioning resource: replication may only be configured after versioning is on.</summary>
    public Ref Versioning { get; }
}
