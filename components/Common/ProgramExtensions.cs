using HarborHa.Model;

namespace HarborHa.Common;

/// <summary>Small conveniences that keep component code close to the resource it declares.</summary>
public static class ProgramExtensions
{
    /// <summary>Declares a resource bound to an explicit provider.</summary>
    public static Resource Declare(this PulumiProgram program, string name, string type, Ref provider, MapValue properties, ResourceOptions? options = null) =>
        program.Add(name, type, properties, (options ?? new ResourceOptions()) with { Provider = provider });

    /// <summary>A <c>Name</c> tag map; the provider's default tags add the rest.</summary>
    public static MapValue NameTag(string name) => new() { ["Name"] = name };
}
