using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Storage;

/// <summary>
/// Where a region's Harbor keeps image layers and manifests: a versioned, KMS-encrypted,
/// private, TLS-only S3 bucket, replicated (with delete markers, and metrics) to a bucket with the
/// same protections in the region's DR region. Harbor's registry cannot use IAM roles for service
/// accounts for S3 (DESIGN.md), so the component also creates an IAM user whose only permissions
/// are the live bucket and its key, and an access key for it, exposed as secrets for the registry
/// tier's Kubernetes Secret.
/// </summary>
public sealed class RegistryStorage
{
    private readonly string _region;

    public RegistryStorage(PulumiProgram program, Ref provider, StorageArgs args)
    {
        _region = args.Region;
        var primary = new ProtectedBucket(program, provider, Name("bucket"), args.BucketName, _region, args.KmsKeyArn, args);
        var live = primary.Served;
        BucketRegion = _region;

        if (args.Dr is { } dr)
        {
            var replica = new ProtectedBucket(program, dr.Provider, Name("dr-bucket"), args.DrBucketName, dr.Region, dr.KmsKeyArn, args, args.DrObjectLock);
            DeclareReplication(program, provider, primary, replica, args.ReplicationTimeControl);
            DrBucketName = replica.Name;
            if (args.Restore == StorageRestore.UseDr)
            {
                // The rebuilt region serves straight from the replica; its own bucket stays, empty.
                live = replica.Served;
                BucketRegion = dr.Region;
            }
        }
        else if (args.Restore != StorageRestore.None)
        {
            throw new ProgramException($"region {_region} restores storage from its DR bucket but has no DR region");
        }

        if (args.Serve is { } served)
        {
            // A lost region rebuilt here: its replica bucket is served as is; this region's own bucket stays empty.
            live = served;
            BucketRegion = served.Region;
        }

        BucketName = live.Name;
        // Requests from the region's VPC reach a bucket of the same region through the S3 endpoint; the
        // DR bucket served while restoring lives in another region and is reached through NAT.
        if (live.Region != _region && args.NatPublicIps.Count == 0)
        {
            throw new ProgramException($"region {_region} serves its DR bucket in {live.Region}: the registry user's policy needs the region's NAT addresses");
        }

        var network = live.Region == _region
            ? new MapValue { ["StringEquals"] = new MapValue { ["aws:SourceVpce"] = args.VpcEndpointId } }
            : new MapValue { ["IpAddress"] = new MapValue { ["aws:SourceIp"] = new ListValue(args.NatPublicIps.Select(ip => (Value)new Interpolation(ip, "/32")).ToArray()) } };
        var key = DeclareRegistryUser(program, provider, live, args.KeyVersion, network);
        AccessKeyId = key.Id;
        SecretAccessKey = key.Out("secret");
    }

    /// <summary>
    /// Only the replica bucket of a lost region (<paramref name="args"/>.Region is gone), in its DR
    /// region: same logical name and settings as when the region was alive, so it stays in state,
    /// protected, and a region rebuilding the lost one can serve it (<see cref="StorageArgs.Serve"/>).
    /// </summary>
    public static ServedBucket ReplicaOfLostRegion(PulumiProgram program, StorageArgs args)
    {
        var dr = args.Dr ?? throw new ProgramException($"lost region {args.Region} has no DR region: no replica bucket to keep");
        var replica = new ProtectedBucket(program, dr.Provider, LogicalName.Of(args.Region, "storage", "dr-bucket"), args.DrBucketName, dr.Region, dr.KmsKeyArn, args, args.DrObjectLock);
        return replica.Served;
    }

    /// <summary>The bucket Harbor uses: the region's own, or the DR bucket while restoring with <c>use-dr</c>.</summary>
    public Ref BucketName { get; }

    /// <summary>The id of the replication rule to the DR bucket (a dimension of the replication metrics).</summary>
    public const string ReplicationRuleId = "registry-to-dr";

    /// <summary>Region of <see cref="BucketName"/> (the registry's <c>s3.region</c>).</summary>
    public string BucketRegion { get; }

    /// <summary>The DR bucket's name, or null when the region has no DR region.</summary>
    public Ref? DrBucketName { get; }

    /// <summary>The registry user's access key id.</summary>
    public Ref AccessKeyId { get; }

    /// <summary>The registry user's secret access key; secret in state and in every output it flows into.</summary>
    public Ref SecretAccessKey { get; }

    private string Name(string role) => LogicalName.Of(_region, "storage", role);

    /// <summary>
    /// S3 replication of SSE-KMS objects needs three things (S3 user guide, replicating encrypted
    /// objects): the rule opts in to KMS-encrypted objects, names the destination key, and the role
    /// may decrypt with the source key and encrypt with the destination key, each only through S3 in
    /// that key's region.
    /// </summary>
    private void DeclareReplication(PulumiProgram program, Ref provider, ProtectedBucket source, ProtectedBucket destination, bool timeControl)
    {
        var role = program.Declare(Name("replication-role"), ResourceTypes.IamRole, provider, new MapValue
        {
            ["description"] = $"S3 replicates harbor-ha {_region} registry objects to {destination.Region}",
            ["assumeRolePolicy"] = new ToJson(Policy(new MapValue
            {
                ["Effect"] = "Allow",
                ["Principal"] = new MapValue { ["Service"] = "s3.amazonaws.com" },
                ["Action"] = "sts:AssumeRole",
                // Only S3 acting for this account's buckets may assume it (confused deputy; IAM User Guide).
                ["Condition"] = new MapValue
                {
                    ["StringEquals"] = new MapValue { ["aws:SourceAccount"] = new Invoke(ResourceTypes.GetCallerIdentity, new MapValue(), provider, "accountId") },
                },
            })),
            ["tags"] = ProgramExtensions.NameTag(Name("replication-role")),
        });
        var policy = program.Declare(Name("replication-policy"), ResourceTypes.IamRolePolicy, provider, new MapValue
        {
            ["role"] = role.Id,
            ["policy"] = new ToJson(Policy(
                Allow(Value.List("s3:GetReplicationConfiguration", "s3:ListBucket"), Value.List(source.Arn)),
                // Retention and legal hold are read for replicas in an Object Lock bucket (S3 User Guide, replication and Object Lock).
                Allow(Value.List("s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging", "s3:GetObjectRetention", "s3:GetObjectLegalHold"), Value.List(source.Objects)),
                Allow(Value.List("s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"), Value.List(destination.Objects)),
                ThroughS3(Allow(Value.List("kms:Decrypt"), Value.List(source.KmsKeyArn)), source.Region),
                ThroughS3(Allow(Value.List("kms:Encrypt", "kms:GenerateDataKey"), Value.List(destination.KmsKeyArn)), destination.Region))),
        });
        program.Declare(Name("replication"), ResourceTypes.S3BucketReplicationConfig, provider, new MapValue
        {
            ["bucket"] = source.Id,
            ["role"] = role.Out("arn"),
            ["rules"] = Value.List(new MapValue
            {
                ["id"] = ReplicationRuleId,
                ["status"] = "Enabled",
                // An explicit empty prefix selects every object with the current (V2) rule schema,
                // which is what allows delete-marker replication.
                ["filter"] = new MapValue { ["prefix"] = "" },
                // Harbor's garbage collection deletes blobs; the DR copy follows, keeping the deleted
                // versions for the noncurrent-version window like the source does.
                ["deleteMarkerReplication"] = new MapValue { ["status"] = "Enabled" },
                ["sourceSelectionCriteria"] = new MapValue
                {
                    ["sseKmsEncryptedObjects"] = new MapValue { ["status"] = "Enabled" },
                },
                ["destination"] = Destination(destination, timeControl),
            }),
        }, new ResourceOptions { DependsOn = [source.Versioning, destination.Versioning, policy.Self] });
    }

    /// <summary>
    /// Replication metrics (bytes and operations pending, latency) always. With Replication Time
    /// Control, its 15-minute objective (the only value S3 accepts) and the event threshold, which S3
    /// accepts only together with RTC (S3 user guide, replicating objects with S3 RTC).
    /// </summary>
    private static MapValue Destination(ProtectedBucket destination, bool timeControl)
    {
        var metrics = new MapValue { ["status"] = "Enabled" };
        var result = new MapValue
        {
            ["bucket"] = destination.Arn,
            ["storageClass"] = "STANDARD",
            ["encryptionConfiguration"] = new MapValue { ["replicaKmsKeyId"] = destination.KmsKeyArn },
            ["metrics"] = metrics,
        };
        if (timeControl)
        {
            metrics.Add("eventThreshold", new MapValue { ["minutes"] = ReplicationTimeMinutes });
            result.Add("replicationTime", new MapValue
            {
                ["status"] = "Enabled",
                ["time"] = new MapValue { ["minutes"] = ReplicationTimeMinutes },
            });
        }

        return result;
    }

    /// <summary>S3 RTC's objective: the only value S3 accepts for the time and the event threshold.</summary>
    public const int ReplicationTimeMinutes = 15;

    /// <summary>
    /// The registry's IAM user may list the live bucket and read, write and delete its objects
    /// (the S3 storage driver's documented permissions, including multipart uploads) only from the
    /// region's VPC, and use the bucket's key only through S3. Nothing else in the account.
    /// </summary>
    private Resource DeclareRegistryUser(PulumiProgram program, Ref provider, ServedBucket live, int keyVersion, MapValue network)
    {
        var user = program.Declare(Name("registry-user"), ResourceTypes.IamUser, provider, new MapValue
        {
            ["path"] = "/harbor-ha/",
            ["tags"] = ProgramExtensions.NameTag(Name("registry-user")),
        });
        program.Declare(Name("registry-policy"), ResourceTypes.IamUserPolicy, provider, new MapValue
        {
            ["user"] = user.Out("name"),
            ["policy"] = new ToJson(Policy(
                Only(Allow(Value.List("s3:ListBucket", "s3:GetBucketLocation", "s3:ListBucketMultipartUploads"), Value.List(live.Arn)), network),
                Only(Allow(Value.List("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"), Value.List(live.Objects)), network),
                ThroughS3(Allow(Value.List("kms:Decrypt", "kms:GenerateDataKey"), Value.List(live.KmsKeyArn)), live.Region))),
        });
        // Generation 1 keeps the original name, so existing stacks do not rotate on upgrade.
        var keyName = keyVersion == 1 ? Name("registry-key") : Name($"registry-key-v{keyVersion}");
        return program.Declare(keyName, ResourceTypes.IamAccessKey, provider, new MapValue
        {
            ["user"] = user.Out("name"),
        }, new ResourceOptions { AdditionalSecretOutputs = ["secret"] });
    }

    internal static MapValue Policy(params MapValue[] statements) => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new ListValue(statements),
    };

    internal static MapValue Allow(ListValue actions, ListValue resources) => new()
    {
        ["Effect"] = "Allow",
        ["Action"] = actions,
        ["Resource"] = resources,
    };

    /// <summary>Adds a network condition (where requests must come from) to a statement.</summary>
    private static MapValue Only(MapValue statement, MapValue condition) => new(statement) { ["Condition"] = condition };

    /// <summary>Restricts a KMS statement to calls S3 makes in <paramref name="region"/> on the principal's behalf.</summary>
    private static MapValue ThroughS3(MapValue statement, string region) => new(statement)
    {
        ["Condition"] = new MapValue
        {
            ["StringEquals"] = new MapValue { ["kms:ViaService"] = $"s3.{region}.{Partitions.Of(region).DnsSuffix()}" },
        },
    };
}
