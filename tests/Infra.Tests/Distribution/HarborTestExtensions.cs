using HarborHa.Model;

namespace HarborHa.Tests.Distribution;

/// <summary>Lookups over a composed program's Harbor resources.</summary>
public static class HarborTestExtensions
{
    /// <summary>Harbor resources (not the providers) of the program.</summary>
    public static IReadOnlyList<Resource> HarborResources(this PulumiProgram program) =>
        program.Resources.Where(r => r.Package == "harbor" && !r.IsProvider).ToArray();

    /// <summary>The region a Harbor resource belongs to, from its logical name <c>&lt;region&gt;-harbor-…</c>.</summary>
    public static string HarborRegion(this Resource resource)
    {
        var at = resource.Name.IndexOf("-harbor-", StringComparison.Ordinal);
        Assert.True(at > 0, $"{resource.Name} is not named <region>-harbor-<role>");
        return resource.Name[..at];
    }

    public static Value Prop(this Resource resource, string name)
    {
        Assert.True(resource.Properties.TryGet(name, out var value), $"{resource.Name} has no property {name}");
        return value;
    }

    public static Ref RefProp(this Resource resource, string name) => Assert.IsType<Ref>(resource.Prop(name));

    /// <summary>A secret-wrapped reference, as every credential must be.</summary>
    public static Ref SecretRef(this Resource resource, string name) =>
        Assert.IsType<Ref>(Assert.IsType<Secret>(resource.Prop(name)).Inner);
}
