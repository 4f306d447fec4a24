using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Network;
using HarborHa.Registry;
using HarborHa.Stacks;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Registry;

/// <summary>Whole programs composed region by region like the topologies do, without the links between regions.</summary>
public static class RegistryPrograms
{
    public static (PulumiProgram Program, IReadOnlyList<RegionStack> Regions) Build(string stackYaml) => Build(TestConfigs.Parse(stackYaml));

    public static (PulumiProgram Program, IReadOnlyList<RegionStack> Regions) Build(StackConfig config)
    {
        var program = new PulumiProgram(Synthesizer.ProjectName);
        var services = StackServices.Create(program, config);
        var single = config.Topology == Topology.SingleSite;
        var regions = config.Regions
            .Select(r => new RegionStack(program, config, services, r, single ? NatStrategy.Single : NatStrategy.PerAz, single ? Redundancy.SingleAz : Redundancy.MultiAz))
            .ToArray();

        ProgramValidator.EnsureValid(program);
        return (program, regions);
    }
}
