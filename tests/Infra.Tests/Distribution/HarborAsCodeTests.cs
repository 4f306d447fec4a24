using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

/// <summary>
/// Harbor as code in every topology: each region of single-site, ha and geo stacks (both partitions)
/// gets its projects, robots and a garbage-collection schedule that keeps untagged artifacts unless
/// the config says otherwise; geo-only settings are refused elsewhere, naming the key.
/// </summary>
public class HarborAsCodeTests
{
    private static string SingleRegion(string topology, string region, int slot, string extra = "") => $"""
        config:
          harbor-ha:topology: {topology}
          harbor-ha:domain: registry.example.com
          harbor-ha:chinaImageMirror: 123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/mirror
          harbor-ha:regions:
            - {"{"} name: {region}, slot: {slot} {"}"}
        """ + extra;

    /// <summary>Single-region topologies in both partitions, and the generated geo configs.</summary>
    public static TheoryData<string> Configs()
    {
        var data = new TheoryData<string>();
        foreach (var topology in new[] { "single-site", "ha" })
        {
            foreach (var (region, slot) in new[] { ("ap-southeast-1", 0), ("cn-northwest-1", 1) })
            {
                data.Add($"{topology}:{region}:{slot}");
            }
        }

        foreach (var (label, _) in GeneratedGeoConfigs.All)
        {
            data.Add("geo:" + label);
        }

        return data;
    }

    private static (StackConfig Config, PulumiProgram Program) Build(string name)
    {
        if (name.StartsWith("geo:", StringComparison.Ordinal))
        {
            var geo = GeneratedGeoConfigs.Program(name["geo:".Length..]);
            return (geo.Config, geo.Program);
        }

        var parts = name.Split(':');
        var config = TestConfigs.Parse(SingleRegion(parts[0], parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)));
        return (config, Stacks.Synthesizer.Build(config));
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Every_region_has_projects_robots_and_a_gc_schedule_that_keeps_untagged_artifacts(string name)
    {
        var (config, program) = Build(name);
        foreach (var region in config.Regions.Select(r => r.Name))
        {
            var provider = program.Get($"{region}-harbor-provider");
            Assert.Equal($"https://{region}.{config.Domain}", provider.Text("url"));

            var gc = program.Get($"{region}-harbor-gc");
            Assert.Equal("harbor:index/garbageCollection:GarbageCollection", gc.Type);
            Assert.False(string.IsNullOrWhiteSpace(gc.Text("schedule")), $"{region}: no GC schedule");
            Assert.Equal(new Flag(false), gc.Prop("deleteUntagged"));
            Assert.Equal(provider.Self, gc.Options.Provider);

            Assert.True(program.Contains($"{region}-harbor-project-apps"), region);
            var pull = program.Get($"{region}-harbor-robot-pull");
            Assert.Equal(new Number(365), pull.Prop("duration"));
        }

        // The region that takes pushes holds the CI robot.
        Assert.True(program.Contains($"{config.Primary.Name}-harbor-robot-ci"));
    }

    [Fact]
    public void Garbage_collection_and_robot_lifetime_follow_config()
    {
        var config = TestConfigs.Parse(SingleRegion("ha", "eu-central-1", 1, """

              harbor-ha:garbageCollection: { schedule: daily, deleteUntagged: true }
              harbor-ha:robots: { durationDays: 90 }
            """));
        var program = Stacks.Synthesizer.Build(config);

        Assert.Equal("daily", program.Get("eu-central-1-harbor-gc").Text("schedule"));
        Assert.Equal(new Flag(true), program.Get("eu-central-1-harbor-gc").Prop("deleteUntagged"));
        Assert.Equal(new Number(90), program.Get("eu-central-1-harbor-robot-ci").Prop("duration"));
    }

    [Fact]
    public void A_China_single_region_stack_proxies_no_public_registry()
    {
        var (_, program) = Build("single-site:cn-northwest-1:1");

        Assert.DoesNotContain(program.HarborResources(), r => r.Type == "harbor:index/registry:Registry");
        Assert.True(program.Contains("cn-northwest-1-harbor-robot-pull"));
    }

    [Theory]
    [InlineData("single-site", "harbor-ha:dragonfly: { enabled: false }", "harbor-ha:dragonfly")]
    [InlineData("ha", "harbor-ha:replication: { deletion: true }", "harbor-ha:replication")]
    [InlineData("ha", "harbor-ha:garbageCollection: { schedule: \"0 4 * * 0\" }", "harbor-ha:garbageCollection.schedule")]
    [InlineData("ha", "harbor-ha:garbageCollection: { deleteUntaged: true }", "harbor-ha:garbageCollection.deleteUntaged")]
    [InlineData("ha", "harbor-ha:robots: { durationDays: 0 }", "harbor-ha:robots.durationDays")]
    public void Bad_or_geo_only_settings_are_refused_naming_the_key(string topology, string extra, string key)
    {
        var error = Assert.Throws<ConfigException>(() => TestConfigs.Parse(SingleRegion(topology, "eu-central-1", 1, "\n  " + extra)));

        Assert.Contains(error.Errors, e => e.Key == key);
    }

    [Fact]
    public void The_replicator_may_delete_only_when_replication_deletes()
    {
        static bool Deletes(PulumiProgram program) => ValueWalker.Descendants(program.Get("eu-central-1-harbor-robot-replicator").Properties["permissions"])
            .OfType<MapValue>().Any(m => m.TryGet("action", out var a) && a == new Text("delete"));

        Assert.False(Deletes(GeoPrograms.Of(GeoConfigs.TwoSides).Program));
        Assert.True(Deletes(GeoPrograms.Of(GeoConfigs.TwoSides + "\n  harbor-ha:replication: { deletion: true }").Program));
    }
}
