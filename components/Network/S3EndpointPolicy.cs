using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Network;

/// <summary>
/// The policy of a region's S3 gateway endpoint. A gateway endpoint carries every request from the
/// private and data subnets to S3 in its region, and its default policy allows anything to any
/// bucket. This one allows the stack's own buckets (what Harbor's storage driver does to them) and,
/// read-only, the AWS-owned buckets the nodes pull from:
/// <list type="bullet">
/// <item><c>prod-&lt;region&gt;-starport-layer-bucket</c>: image layers of every ECR registry, the EKS add-on
/// images included (ECR User Guide, "Amazon ECR interface VPC endpoints", minimum S3 bucket permissions);</item>
/// <item><c>al2023-repos-&lt;region&gt;-de612dc2</c>: the Amazon Linux 2023 package repositories of the nodes'
/// AMI (AL2023 User Guide, S3 gateway endpoint access to the repositories);</item>
/// <item><c>prod-registry-k8s-io-&lt;region&gt;</c> (overseas): registry.k8s.io redirects layer downloads to
/// an S3 bucket in the client's region, which Harbor's default <c>registry.k8s.io</c> proxy cache follows.</item>
/// </list>
/// Anything else (another account's bucket, a write anywhere but the stack's buckets) is refused at
/// the endpoint, whatever credentials ask for it.
/// </summary>
public static class S3EndpointPolicy
{
    /// <summary>What the registry's storage driver does to its bucket (distribution's S3 driver documentation).</summary>
    public static readonly IReadOnlyList<string> BucketActions =
    [
        "s3:AbortMultipartUpload", "s3:DeleteObject", "s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket",
        "s3:ListBucketMultipartUploads", "s3:ListMultipartUploadParts", "s3:PutObject",
    ];

    /// <summary>The AWS-owned buckets of a region that nodes read through the endpoint.</summary>
    public static IReadOnlyList<string> AwsOwnedBuckets(string region)
    {
        var buckets = new List<string> { $"prod-{region}-starport-layer-bucket", $"al2023-repos-{region}-de612dc2" };
        if (Partitions.Of(region) == Partition.Aws)
        {
            buckets.Add($"prod-registry-k8s-io-{region}");
        }

        return buckets;
    }

    public static ToJson Document(string region, IReadOnlyList<string> stackBuckets)
    {
        var arn = $"arn:{Partitions.Of(region).ArnName()}:s3:::";
        var statements = new List<Value>();
        if (stackBuckets.Count > 0)
        {
            statements.Add(new MapValue
            {
                ["Sid"] = "StackBuckets",
                ["Effect"] = "Allow",
                ["Principal"] = "*",
                ["Action"] = Value.List(BucketActions),
                ["Resource"] = Value.List(stackBuckets.SelectMany(b => new[] { arn + b, $"{arn}{b}/*" })),
            });
        }

        statements.Add(new MapValue
        {
            ["Sid"] = "AwsOwnedReadOnly",
            ["Effect"] = "Allow",
            ["Principal"] = "*",
            ["Action"] = "s3:GetObject",
            ["Resource"] = Value.List(AwsOwnedBuckets(region).Select(b => $"{arn}{b}/*")),
        });
        return new ToJson(new MapValue
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new ListValue(statements.ToArray()),
        });
    }
}
