using HarborHa.Model;

namespace HarborHa.Common;

/// <summary>
/// The region-less providers (random, tls). They are explicit too, so that the program declares
/// every plugin it needs at a pinned version, even when Pulumi runs the compiler without config.
/// </summary>
public sealed class GlobalProviders
{
    public GlobalProviders(PulumiProgram program)
    {
        Random = program.Add("global-random", Resource.ProviderPrefix + "random", new MapValue(), new ResourceOptions { Version = ProviderVersions.Random }).Self;
        Tls = program.Add("global-tls", Resource.ProviderPrefix + "tls", new MapValue(), new ResourceOptions { Version = ProviderVersions.Tls }).Self;
    }

    public Ref Random { get; }

    public Ref Tls { get; }
}
