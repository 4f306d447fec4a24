using HarborHa.Model;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Registry;

/// <summary>Lookups the registry tests share.</summary>
public static class RegistryQueries
{
    public const string HelmRelease = "kubernetes:helm.sh/v3:Release";

    /// <summary>The Harbor release of a region.</summary>
    public static Resource HarborRelease(this PulumiProgram program, string region) => program.Get($"{region}-harbor-release");

    /// <summary>The values map of a Helm release.</summary>
    public static MapValue Values(this Resource release) => (MapValue)release.Properties["values"];

    /// <summary>A value at a dotted path of a map (<c>core.replicas</c>).</summary>
    public static Value At(this MapValue map, string path)
    {
        Value current = map;
        foreach (var part in path.Split('.'))
        {
            current = ((MapValue)current)[part];
        }

        return current;
    }

    public static MapValue MapAt(this MapValue map, string path) => (MapValue)map.At(path);

    /// <summary>A property of a resource at a dotted path.</summary>
    public static Value Prop(this Resource resource, string path) => resource.Properties.At(path);

    public static IEnumerable<Resource> KubernetesResources(this PulumiProgram program) =>
        program.Resources.Where(r => !r.IsProvider && r.Package == "kubernetes");

    public static IReadOnlyList<Resource> Releases(this PulumiProgram program) => program.OfType(HelmRelease);
}
