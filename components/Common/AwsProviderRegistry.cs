using HarborHa.Configuration;
using HarborHa.Model;

namespace HarborHa.Common;

/// <summary>
/// The one AWS provider of each region the program touches: the stack's own regions and the
/// disaster-recovery regions that hold their copies (which need not be stack regions, e.g.
/// ap-southeast-2 in prod). A provider is declared on first use as <c>&lt;region&gt;-aws</c>, with
/// the partition's credentials profile and account guard, so a region never gets two providers
/// and a DR region that is also a stack region shares that region's provider.
/// </summary>
public sealed class AwsProviderRegistry
{
    private readonly PulumiProgram _program;
    private readonly StackConfig _config;
    private readonly Dictionary<string, Ref> _providers = new(StringComparer.Ordinal);

    public AwsProviderRegistry(PulumiProgram program, StackConfig config)
    {
        _program = program;
        _config = config;
    }

    /// <summary>The provider of <paramref name="region"/>, declared the first time it is asked for.</summary>
    public Ref For(string region)
    {
        if (_providers.TryGetValue(region, out var existing))
        {
            return existing;
        }

        if (!Regions.IsKnown(region))
        {
            throw new ProgramException($"no AWS provider for unknown region '{region}'");
        }

        var china = Regions.SideOf(region) == Side.China;
        var properties = new MapValue
        {
            ["region"] = region,
            ["defaultTags"] = new MapValue { ["tags"] = DefaultTags(region) },
        };
        var profile = china ? _config.AwsCnProfile : _config.AwsProfile;
        if (profile is not null)
        {
            properties.Add("profile", profile);
        }

        var account = china ? _config.AwsCnAccountId : _config.AwsAccountId;
        if (account is not null)
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

    private MapValue DefaultTags(string region) =>
        new(_config.Tags.Select(t => KeyValuePair.Create(t.Key, (Value)t.Value)).Where(t => !IsOwnTag(t.Key)))
        {
            ["harbor-ha:region"] = region,
            ["harbor-ha:environment"] = _config.Stage.ToString().ToLowerInvariant(),
            ["ManagedBy"] = "pulumi/harbor-ha",
        };

    private static bool IsOwnTag(string key) => key is "harbor-ha:region" or "harbor-ha:environment" or "ManagedBy";
}
