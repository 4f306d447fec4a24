using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Model;

namespace HarborHa.Stacks;

/// <summary>Builds the whole program of a stack from its validated config.</summary>
public static class Synthesizer
{
    public const string ProjectName = "harbor-ha";

    public static PulumiProgram Build(StackConfig config)
    {
        var program = new PulumiProgram(ProjectName, Describe(config));
        switch (config.Topology)
        {
            case Topology.SingleSite:
            case Topology.Ha:
                SingleRegion.Compose(program, config);
                break;
            case Topology.Geo:
                Geo.Compose(program, config);
                break;
            default:
                throw new ProgramException($"unknown topology {config.Topology}");
        }

        ProgramValidator.EnsureValid(program);
        return program;
    }

    /// <summary>
    /// What Pulumi gets when it runs the compiler without a stack (plugin discovery, <c>pulumi convert</c>):
    /// one explicit provider per package at its pinned version, and nothing else.
    /// </summary>
    public static PulumiProgram ProvidersOnly()
    {
        var program = new PulumiProgram(ProjectName, "provider plugins used by harbor-ha");
        program.Add("aws", Resource.ProviderPrefix + "aws", new MapValue(), new ResourceOptions { Version = ProviderVersions.Aws });
        program.Add("kubernetes", Resource.ProviderPrefix + "kubernetes", new MapValue(), new ResourceOptions { Version = ProviderVersions.Kubernetes });
        program.Add("harbor", Resource.ProviderPrefix + "harbor", new MapValue(),
            new ResourceOptions { Version = ProviderVersions.Harbor, PluginDownloadUrl = ProviderVersions.HarborDownloadUrl });
        _ = new GlobalProviders(program);
        return program;
    }

    private static string Describe(StackConfig config) =>
        $"Harbor registry, {TopologyName(config.Topology)} topology: {string.Join(", ", config.Regions.Select(r => r.Name))}";

    public static string TopologyName(Topology topology) => topology switch
    {
        Topology.SingleSite => "single-site",
        Topology.Ha => "ha",
        _ => "geo",
    };
}
