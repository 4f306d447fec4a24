using HarborHa.Configuration;
using HarborHa.Model;

namespace HarborHa.Common;

/// <summary>
/// The explicit providers of a region. China regions use the <c>aws-cn</c> partition's own
/// credentials profile and account; overseas regions the <c>aws</c> one. Every AWS resource of the
/// region names this provider, so nothing can land in another region or account.
/// </summary>
public sealed class RegionProviders
{
    public RegionProviders(PulumiProgram program, StackConfig config, RegionConfig region)
    {
        Region = region;
        var china = region.Side == Side.China;
        var properties = new MapValue
        {
            ["region"] = region.Name,
            ["defaultTags"] = new MapValue { ["tags"] = DefaultTags(config, region) },
        };
        var profile = china ? config.AwsCnProfile : config.AwsProfile;
        if (profile is not null)
        {
            properties.Add("profile", profile);
        }

        var account = china ? config.AwsCnAccountId : config.AwsAccountId;
        if (account is not null)
        {
            properties.Add("allowedAccountIds", Value.List(account));
        }
        Aws = program.Add(LogicalName.Of(region.Name, "aws"), Resource.ProviderPrefix + "aws", properties,
            new ResourceOptions { Version = ProviderVersions.Aws }).Self;
    }

    public RegionConfig Region { get; }

    /// <summary>The region's AWS provider.</summary>
    public Ref Aws { get; }

    private static MapValue DefaultTags(StackConfig config, RegionConfig region)
    {
        var tags = new MapValue(config.Tags.Select(t => KeyValuePair.Create(t.Key, (Value)t.Value)).Where(t => !IsOwnTag(t.Key)))
        {
            ["harbor-ha:region"] = region.Name,
            ["harbor-ha:environment"] = config.Stage.ToString().ToLowerInvariant(),
            ["ManagedBy"] = "pulumi/harbor-ha",
        };
        return tags;
    }

    private static bool IsOwnTag(string key) => key is "harbor-ha:region" or "harbor-ha:environment" or "ManagedBy";
}
