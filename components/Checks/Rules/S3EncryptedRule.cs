using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>Default encryption of every bucket, stated in the program rather than left to the account's defaults.</summary>
public sealed class S3EncryptedRule : ICheckRule
{
    private static readonly string[] Algorithms = ["AES256", "aws:kms", "aws:kms:dsse"];

    public string Id => "s3-encrypted";

    public string Reason => "every bucket declares default server-side encryption (SSE-S3 or SSE-KMS)";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.Buckets), bucket =>
        {
            var inline = bucket.Property("serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.sseAlgorithm");
            var separate = BucketSettings.Of(index, bucket, ResourceTypes.BucketEncryption, ResourceTypes.BucketEncryptionV2)
                .SelectMany(c => Props.Items(c.Property("rules")))
                .Select(rule => Props.At(rule, "applyServerSideEncryptionByDefault.sseAlgorithm"));
            var encrypted = separate.Append(inline).Any(a => Props.Text(a) is { } text && Algorithms.Contains(text));
            return RuleHelpers.When(!encrypted, "has no server-side encryption configuration with an AES256 or aws:kms default");
        });
    }
}
