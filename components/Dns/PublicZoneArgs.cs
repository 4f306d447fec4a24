using HarborHa.Common;

namespace HarborHa.Dns;

/// <summary>Inputs of <see cref="PublicZone"/>.</summary>
public sealed record PublicZoneArgs
{
    /// <summary>The registry domain, e.g. <c>registry.example.com</c>.</summary>
    public required string Domain { get; init; }

    /// <summary>
    /// The partition whose Route 53 holds the zone. Default <see cref="Partition.Aws"/>: alias records
    /// cannot point across partitions and serving a public name from China needs an ICP recordal,
    /// so China-only stacks pass <see cref="Partition.AwsCn"/>.
    /// </summary>
    public Partition Partition { get; init; } = Partition.Aws;

    /// <summary>Default <see cref="Protection.Protected"/>: deleting the zone changes its name servers and breaks delegation.</summary>
    public Protection Protection { get; init; } = Protection.Protected;
}
