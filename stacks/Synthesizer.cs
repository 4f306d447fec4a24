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

        AcceptFindings(program, config.AcceptedFindings);
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

    /// <summary>
    /// Records each <c>harbor-ha:acceptedFindings</c> entry on the resource it names, like the
    /// trade-offs components declare; a name that is not in the program is a config error (a typo
    /// must not leave the finding failing silently, nor accept it somewhere else).
    /// </summary>
    private static void AcceptFindings(PulumiProgram program, IReadOnlyList<AcceptedFinding> accepted)
    {
        var errors = new List<ConfigError>();
        for (var i = 0; i < accepted.Count; i++)
        {
            var a = accepted[i];
            if (!program.Contains(a.Resource))
            {
                errors.Add(new ConfigError($"{StackConfig.Namespace}:acceptedFindings[{i}].resource", $"'{a.Resource}' is not a resource of this stack's program (names as infra check prints them)"));
                continue;
            }

            program.Accept(a.Resource, a.Rule, $"harbor-ha:acceptedFindings: {a.Reason}");
        }

        if (errors.Count > 0)
        {
            throw new ConfigException(errors);
        }
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
