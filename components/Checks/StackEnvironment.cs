using HarborHa.Model;

namespace HarborHa.Checks;

/// <summary>
/// The environment a resource is deployed in, as the program states it: every AWS provider carries
/// the stack's <c>harbor-ha:environment</c> in its <c>defaultTags.tags</c>, so each resource's
/// environment is the tag of the provider it is deployed through. Rules that relax protection in dev
/// read it per resource; a resource without that tag (no AWS provider, no default tags) is held to
/// the protected standard, as a stack without <c>harbor-ha:environment</c> defaults to prod.
/// </summary>
public static class StackEnvironment
{
    public const string TagKey = "harbor-ha:environment";

    public const string Dev = "dev";

    /// <summary>The environment tag of the resource's AWS provider (or of the provider itself), or null.</summary>
    public static string? Of(ProgramIndex index, Resource resource)
    {
        var provider = resource.IsProvider ? resource : index.ProviderOf(resource);
        if (provider?.Type != ResourceTypes.AwsProvider)
        {
            return null;
        }

        // The key contains a colon, so it is read from the tag map directly rather than by dotted path.
        return provider.Property("defaultTags.tags") is MapValue tags && tags.TryGet(TagKey, out var value) ? Props.Text(value) : null;
    }

    /// <summary>Whether the resource is disposable: only when its provider says <c>dev</c> in so many words.</summary>
    public static bool IsDev(ProgramIndex index, Resource resource) => Of(index, resource) == Dev;
}
