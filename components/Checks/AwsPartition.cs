namespace HarborHa.Checks;

/// <summary>
/// The AWS partition of a region, read from its code alone: China regions (<c>cn-*</c>, Beijing and
/// Ningxia) are the separate <c>aws-cn</c> partition, every other region is <c>aws</c> (DESIGN.md,
/// the two partitions). Checks use it to compare providers without the stack's config.
/// </summary>
public static class AwsPartition
{
    public const string Aws = "aws";

    public const string China = "aws-cn";

    public static string Of(string region) => region.StartsWith("cn-", StringComparison.Ordinal) ? China : Aws;
}
