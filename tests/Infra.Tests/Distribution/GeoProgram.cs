using HarborHa.Configuration;
using HarborHa.Model;

namespace HarborHa.Tests.Distribution;

/// <summary>A geo stack's config and the program the real <see cref="Stacks.Synthesizer"/> built from it.</summary>
public sealed record GeoProgram(string Label, StackConfig Config, PulumiProgram Program)
{
    /// <summary>The program's resources by logical name: a fresh copy, so a test may mutate it.</summary>
    public Dictionary<string, Resource> Resources() => Program.Resources.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public override string ToString() => Label;
}
