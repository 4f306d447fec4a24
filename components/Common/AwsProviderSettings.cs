namespace HarborHa.Common;

/// <summary>How <see cref="AwsProviderRegistry"/> configures each partition's providers.</summary>
public sealed record AwsProviderSettings
{
    /// <summary>Credentials profile per partition. Default: none, the ambient credentials.</summary>
    public IReadOnlyDictionary<Partition, string> Profiles { get; init; } = new Dictionary<Partition, string>();

    /// <summary>
    /// The one account each partition's providers may deploy to (<c>allowedAccountIds</c>). Default: any;
    /// pinning it makes a run with the wrong credentials fail before it changes anything.
    /// </summary>
    public IReadOnlyDictionary<Partition, string> AccountIds { get; init; } = new Dictionary<Partition, string>();

    /// <summary>Tags on every AWS resource (provider default tags), e.g. owner and environment. Default: none.</summary>
    public IReadOnlyDictionary<string, string> DefaultTags { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// When set, every provider also tags its resources with its own region code under this key (cost
    /// reports per region). Default: none. Must not also be a key of <see cref="DefaultTags"/>.
    /// </summary>
    public string? RegionTagKey { get; init; }
}
