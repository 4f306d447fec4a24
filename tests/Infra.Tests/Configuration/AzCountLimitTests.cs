using HarborHa.Configuration;
using HarborHa.Tests.Cli;

namespace HarborHa.Tests.Configuration;

/// <summary>
/// azCount goes up to what the region's zone table offers and what the VPC layout fits
/// (<see cref="ConfigParser.MaxAzsPerVpc"/>); beyond that it is a config error naming the key (exit 2),
/// never a crash in synth. Checked for every region in the table.
/// </summary>
public class AzCountLimitTests
{
    public static TheoryData<string> AllRegions() => [.. Regions.All];

    private static string Stack(string region, int azCount) => $"""
        config:
          harbor-ha:topology: single-site
          harbor-ha:environment: dev
          harbor-ha:domain: registry.example.com
          harbor-ha:chinaImageMirror: mirror.example.cn/harbor
          harbor-ha:regions:
            - name: {region}
              slot: 0
              azCount: {azCount}
        """;

    [Theory]
    [MemberData(nameof(AllRegions))]
    public void One_zone_more_than_the_region_offers_is_refused_naming_azCount(string region)
    {
        var tooMany = Math.Min(Regions.ZoneCount(region), ConfigParser.MaxAzsPerVpc) + 1;
        foreach (var azCount in new[] { tooMany, Regions.ZoneCount(region) + 1 }.Distinct())
        {
            foreach (var command in new[] { "validate", "synth" })
            {
                var result = CliRunner.Run(CliRunner.ProjectWith("dev", Stack(region, azCount)), null, command, "--stack", "dev");
                Assert.True(result.ExitCode == 2, $"{region} azCount {azCount}: {command} exited {result.ExitCode}\n{result.Stderr}");
                Assert.Contains($"harbor-ha:regions[{region}].azCount", result.Stderr, StringComparison.Ordinal);
                Assert.Equal("", result.Stdout);
            }
        }
    }

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("us-west-2")]
    [InlineData("ap-northeast-2")]
    public void The_most_zones_allowed_synthesize(string region)
    {
        var most = Math.Min(Regions.ZoneCount(region), ConfigParser.MaxAzsPerVpc);
        Assert.Equal(ConfigParser.MaxAzsPerVpc, most);
        var result = CliRunner.Run(CliRunner.ProjectWith("dev", Stack(region, most)), null, "synth", "--stack", "dev");
        Assert.True(result.ExitCode == 0, $"{region} azCount {most}: synth exited {result.ExitCode}\n{result.Stderr}");
        Assert.Contains($"{region}-network-private-", result.Stdout, StringComparison.Ordinal);
    }
}
