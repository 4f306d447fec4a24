using HarborHa.Model;

namespace HarborHa.Common;

/// <summary>
/// The one AWS provider of each region the program touches: the stack's own regions and the
/// disaster-recovery regions that hold their copies (which need not be stack regions). A provider
/// is declared on first use as <c>&lt;region&gt;-aws</c>, with the partition's credentials profile
/// and account guard, so a region never gets two providers and a DR region that is also a stack
/// region shares that region's provider. The caller creates one registry per program and hands it
/// to every component.
/// </summary>
public sealed class AwsProviderRegistry
{
    private readonly PulumiProgram _program;
    private readonly AwsProviderSettings _settings;
    private readonly Dictionary<string, Ref> _providers = new(StringComparer.Ordinal);

    public AwsProviderRegistry(PulumiProgram program, AwsProviderSettings? settings = null)
    {
        _program = program;
        _settings = settings ?? new AwsProviderSettings();
    }

    /// <summary>The provider of <paramref name="region"/>, declared the first time it is asked for.</summary>
    public Ref For(string region)
    {
        if (_providers.TryGetValue(region, out var existing))
        {
            return existing;
        }

        var partition = Partitions.Of(region);
        var properties = new MapValue
        {
            ["region"] = region,
            ["defaultTags"] = new MapValue { ["tags"] = DefaultTags(region) },
        };
        if (_settings.Profiles.TryGetValue(partition, out var profile))
        {
            properties.Add("profile", profile);
        }

        if (_settings.AccountIds.TryGetValue(partition, out var account))
        {
            properties.Add("allowedAccountIds", Value.List(account));
        }

        var provider = _program.Add(Name(region), Resource.ProviderPrefix + "aws", properties,
            new ResourceOptions { Version = ProviderVersions.Aws }).Self;
        _providers[region] = provider;
        return provider;
    }

    /// <summary>The logical name of a region's provider.</summary>
    public static string Name(string region) => LogicalName.Of(region, "aws");

    private MapValue DefaultTags(string region)
    {
        var tags = new MapValue(_settings.DefaultTags.Select(t => KeyValuePair.Create(t.Key, (Value)t.Value)));
        if (_settings.RegionTagKey is { } key)
        {
            tags.Add(key, region);
        }

        return tags;
    }
}
