using HarborHa.Cluster;
using HarborHa.Configuration;
using HarborHa.Distribution;
using HarborHa.Dragonfly;
using HarborHa.Registry;

namespace HarborHa.Stacks;

/// <summary>
/// Every image the program runs, as <c>repository:tag</c> at its source: what <c>infra images lock</c>
/// resolves. China regions pull Harbor's images from the configured mirror with the source's digests
/// (a byte-for-byte copy keeps them), so the source references stand for the mirror too.
/// </summary>
public static class ImageInventory
{
    /// <summary>The images of every topology and partition.</summary>
    public static IReadOnlyList<string> All { get; } =
        HarborImages.SourceReferences.Concat(LoadBalancerController.SourceReferences).Concat(DistributionImages).Append(Monitoring.ProbeImage.SourceReference).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Dragonfly's images and the readiness gates' probe (geo stacks).</summary>
    private static IEnumerable<string> DistributionImages => DragonflyImages.SourceReferences.Append(ReachabilityProbe.SourceReference);

    /// <summary>The images one stack runs (its partitions' controller images).</summary>
    public static IReadOnlyList<string> For(StackConfig config)
    {
        var controllers = config.Regions.Select(r => LoadBalancerController.ImageRepository(r.Name) ?? LoadBalancerController.DefaultImageRepository)
            .Select(repository => $"{repository}:{LoadBalancerController.ImageTag}");
        var distribution = config.Topology == Topology.Geo ? DistributionImages : [];
        return HarborImages.SourceReferences.Concat(controllers).Concat(distribution).Append(Monitoring.ProbeImage.SourceReference).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }
}
