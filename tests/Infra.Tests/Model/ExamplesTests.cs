using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Stacks;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Model;

/// <summary>Examples are tests: every file under examples/ must parse, synthesize and stay valid.</summary>
public class ExamplesTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestConfigs.RepoRoot(), "examples"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_synthesizes_a_valid_program(string file)
    {
        var config = ConfigParser.Parse(RawConfig.FromStackFile(Path.Combine(TestConfigs.RepoRoot(), "examples", file)));
        var program = Synthesizer.Build(config);
        Assert.Empty(ProgramValidator.Validate(program));
        Assert.All(config.Regions, r => Assert.True(program.Contains($"{r.Name}-network-vpc")));
    }
}
