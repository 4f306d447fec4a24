using HarborHa.Model;

namespace HarborHa.Common;

/// <summary>
/// The explicit providers of a region. China regions use the <c>aws-cn</c> partition's own
/// credentials profile and account; overseas regions the <c>aws</c> one (see
/// <see cref="AwsProviderRegistry"/>). Every AWS resource of the region names this provider, so
/// nothing can land in another region or account.
/// </summary>
public sealed class RegionProviders
{
    public RegionProviders(AwsProviderRegistry aws, string region)
    {
        Region = region;
        Aws = aws.For(region);
    }

    /// <summary>The region code, e.g. <c>ap-southeast-1</c>.</summary>
    public string Region { get; }

    public Partition Partition => Partitions.Of(Region);

    /// <summary>The region's AWS provider.</summary>
    public Ref Aws { get; }
}
