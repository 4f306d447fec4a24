using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Storage;

/// <summary>Inputs of <see cref="RegistryStorage"/>.</summary>
public sealed record StorageArgs
{
    /// <summary>The region code; it names the resources.</summary>
    public required string Region { get; init; }

    /// <summary>Which bucket Harbor uses while the region is rebuilt. Default <see cref="StorageRestore.None"/>: its own.</summary>
    public StorageRestore Restore { get; init; } = StorageRestore.None;

    /// <summary>
    /// A bucket Harbor serves instead of the region's own: the replica bucket of a lost region that
    /// this region rebuilds (<see cref="RegistryStorage.ReplicaOfLostRegion"/>), so writes resume without
    /// copying it back first. Default null: the region's own bucket (or its DR bucket with <see cref="Restore"/>).
    /// </summary>
    public ServedBucket? Serve { get; init; }

    /// <summary>Name of the registry bucket: S3 names are global across accounts, so it should name the stack.</summary>
    public required string BucketName { get; init; }

    /// <summary>Name of the DR bucket ; used only with <see cref="Dr"/>.</summary>
    public required string DrBucketName { get; init; }

    /// <summary>ARN of the region's customer-managed key: the bucket's default encryption (SSE-KMS).</summary>
    public required Value KmsKeyArn { get; init; }

    /// <summary>
    /// Generation of the registry's access key . Default 1. A new
    /// generation is a new key resource (<c>registry-key-v2</c>, ...): created before the old one is
    /// deleted, as an IAM user may hold two keys, so Harbor never runs without a valid key.
    /// </summary>
    public int KeyVersion { get; init; } = 1;

    /// <summary>The stack's log buckets: each bucket writes S3 server access logs to its own region's.</summary>
    public required Logging.LogBuckets Logs { get; init; }

    /// <summary>The DR region, its provider and key; default null: no replica outside the region.</summary>
    public DrSite? Dr { get; init; }

    /// <summary>
    /// S3 Replication Time Control on the replication to <see cref="Dr"/>: 99.99% of objects replicated
    /// within 15 minutes (S3's SLA), with an event for each object that misses it. Default false:
    /// replication without a time bound, at no extra charge.
    /// </summary>
    public bool ReplicationTimeControl { get; init; }

    /// <summary>
    /// Default <see cref="Protection.Protected"/>: buckets are <c>protect</c>ed and refuse deletion
    /// while they hold objects. Disposable buckets are emptied on destroy.
    /// </summary>
    public Protection Protection { get; init; } = Protection.Protected;

    /// <summary>Days a replaced or deleted object version is kept . Default 30.</summary>
    public int NoncurrentVersionDays { get; init; } = 30;

    /// <summary>
    /// Days before S3 aborts an unfinished multipart upload (an interrupted layer push), whose parts
    /// are billed but invisible. Default 7: longer than any push, short enough not to pile up.
    /// </summary>
    public int AbortIncompleteUploadDays { get; init; } = 7;

    /// <summary>
    /// The S3 gateway endpoint of the region's VPC. The registry user's S3 permissions apply only to
    /// requests that arrive through it (<c>aws:SourceVpce</c>), so its access key is useless outside
    /// the VPC: a leaked key cannot read or delete images from anywhere else.
    /// </summary>
    public required Value VpcEndpointId { get; init; }

    /// <summary>
    /// The public addresses the region's private subnets reach the internet from (its NAT gateways).
    /// Used instead of <see cref="VpcEndpointId"/> while the region serves its DR bucket in another
    /// region (<see cref="StorageRestore.UseDr"/>), whose requests leave through NAT, not the
    /// endpoint. Default none.
    /// </summary>
    public IReadOnlyList<Value> NatPublicIps { get; init; } = [];

    /// <summary>
    /// S3 Object Lock default retention of the DR bucket: each replicated version cannot be deleted
    /// before it has been kept this long, by a leaked key, a bad garbage collection replicated as
    /// deletes, or a mistaken lifecycle change. Default governance mode, 30 days (the noncurrent-version
    /// window). Object Lock cannot be switched off once on.
    /// </summary>
    public ObjectLockRetention DrObjectLock { get; init; } = new(ObjectLockMode.Governance, 30);
}
