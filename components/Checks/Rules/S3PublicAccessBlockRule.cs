using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>Every bucket blocks public ACLs and policies (DESIGN.md, security defaults).</summary>
public sealed class S3PublicAccessBlockRule : ICheckRule
{
    private static readonly string[] Flags = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

    public string Id => "s3-public-access-block";

    public string Reason => "every bucket has a public access block with all four settings true";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.Buckets), bucket =>
        {
            var blocks = BucketSettings.Of(index, bucket, ResourceTypes.BucketPublicAccessBlock);
            if (blocks.Count == 0)
            {
                return ["has no public access block"];
            }

            var missing = Flags.Where(f => !blocks.Any(b => Props.IsTrue(b.Property(f)))).ToArray();
            return RuleHelpers.When(missing.Length > 0, $"public access block does not set {string.Join(", ", missing)} to true");
        });
    }
}
