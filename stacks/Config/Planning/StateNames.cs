namespace HarborHa.Planning;

/// <summary>
/// Names of state that AWS identifies by name rather than by Pulumi's logical name: S3 bucket
/// names (global across every account of a partition), RDS final snapshot identifiers and KMS
/// aliases (unique per account and region). They are derived from the stack's domain, which
/// differs per stack and per organisation, and the region code; never from sizes, list positions
/// or timestamps, so the same config always names the same state and two stacks sharing an
/// account never collide.
/// </summary>
public static class StateNames
{
    /// <summary>S3's limit on a bucket name (S3 user guide, general purpose bucket naming rules).</summary>
    public const int MaxBucketNameLength = 63;

    /// <summary>Prefixes S3 reserves for bucket names (S3 user guide, bucket naming rules).</summary>
    private static readonly string[] ReservedBucketPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];

    /// <summary>
    /// The domain with dots turned into dashes: <c>registry.example.com</c> → <c>registry-example-com</c>.
    /// Dots are allowed in bucket names but break virtual-hosted-style TLS, so they are avoided.
    /// </summary>
    public static string DomainSlug(string domain) => domain.Replace('.', '-');

    /// <summary>The region's registry bucket: <c>registry-example-com-ap-southeast-1-registry</c>.</summary>
    public static string RegistryBucket(string domain, string region) => $"{DomainSlug(domain)}-{region}-registry";

    /// <summary>
    /// The bucket in the region's DR region that receives the registry bucket's replica:
    /// <c>registry-example-com-ap-southeast-1-registry-dr</c>. Named after the source region, so a DR
    /// region can hold the copies of several regions.
    /// </summary>
    public static string DrBucket(string domain, string region) => RegistryBucket(domain, region) + "-dr";

    /// <summary>
    /// Identifier of the snapshot RDS takes when the region's database is deleted:
    /// <c>ap-southeast-1-registry-example-com-final</c>. RDS identifiers allow no two consecutive
    /// dashes, so runs of dashes collapse.
    /// </summary>
    /// <summary>
    /// A CloudWatch Logs group of the stack in a region: <c>/harbor-ha/registry-example-com/ap-southeast-1/vpc-flow-logs</c>.
    /// Group names are unique per account and region, so they carry the domain like the buckets do:
    /// two stacks (dev and staging) sharing an account and a region never collide.
    /// </summary>
    public static string LogGroup(string domain, string region, string purpose) => $"/harbor-ha/{DomainSlug(domain)}/{region}/{purpose}";

    /// <summary>A final snapshot identifier of another database of the region (e.g. Dragonfly's), scoped like <see cref="FinalSnapshot"/>.</summary>
    public static string FinalSnapshotOf(string domain, string region, string database) =>
        CollapseDashes($"{region}-{database}-{DomainSlug(domain)}-final");

    public static string FinalSnapshot(string domain, string region) => CollapseDashes($"{region}-{DomainSlug(domain)}-final");

    /// <summary>
    /// The region's RDS instance identifier: <c>harbor-ap-southeast-1-registry-example-com</c>, at most
    /// 63 characters, no double or trailing dash (RDS naming rules). It names the instance's log groups.
    /// </summary>
    public static string DatabaseIdentifier(string domain, string region)
    {
        var id = CollapseDashes($"harbor-{region}-{DomainSlug(domain)}");
        return (id.Length > 63 ? id[..63] : id).TrimEnd('-');
    }

    /// <summary>The CloudTrail bucket of a partition, in its home region: <c>registry-example-com-ap-southeast-1-audit</c>.</summary>
    public static string AuditBucket(string domain, string region) => $"{DomainSlug(domain)}-{region}-audit";

    /// <summary>Alias of the region's state key: <c>alias/harbor-ha/registry-example-com/ap-southeast-1/state</c>.</summary>
    public static string StateKeyAlias(string domain, string region) => $"alias/harbor-ha/{DomainSlug(domain)}/{region}/state";

    /// <summary>Alias, in the DR region, of the key that encrypts <paramref name="region"/>'s copies there.</summary>
    public static string DrKeyAlias(string domain, string region) => $"alias/harbor-ha/{DomainSlug(domain)}/{region}/dr";

    /// <summary>
    /// Why the domain cannot name the buckets of <paramref name="region"/>, or null when it can.
    /// Checked with the config, so a too-long domain is reported before anything is built.
    /// </summary>
    public static string? BucketNameProblem(string domain, string region)
    {
        var longest = DrBucket(domain, region);
        if (longest.Length > MaxBucketNameLength)
        {
            return $"is too long to name region {region}'s registry buckets: '{longest}' has {longest.Length} characters and S3 allows {MaxBucketNameLength}; use a domain of at most {domain.Length - (longest.Length - MaxBucketNameLength)} characters";
        }

        var reserved = ReservedBucketPrefixes.FirstOrDefault(p => longest.StartsWith(p, StringComparison.Ordinal));
        if (reserved is not null)
        {
            return $"cannot name S3 buckets: bucket names must not start with '{reserved}' (got '{longest}')";
        }

        return null;
    }

    private static string CollapseDashes(string text)
    {
        while (text.Contains("--", StringComparison.Ordinal))
        {
            text = text.Replace("--", "-", StringComparison.Ordinal);
        }

        return text;
    }
}
