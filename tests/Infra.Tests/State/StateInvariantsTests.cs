using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Stacks;
using HarborHa.Tests.Support;
using Xunit;
using static HarborHa.Tests.State.StateTestSupport;

namespace HarborHa.Tests.State;

/// <summary>Properties of whole programs that must hold for every committed stack and sample.</summary>
public sealed class StateInvariantsTests
{
    public static TheoryData<string> Samples => new() { TestConfigs.SingleSite, TestConfigs.Ha, TestConfigs.Geo };

    public static TheoryData<string> Stacks => new(TestConfigs.CommittedStacks());

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_stateful_resource_is_protected_exactly_when_the_stack_is(string stack)
    {
        var config = TestConfigs.LoadCommitted(stack);
        var program = Synthesizer.Build(config);
        var stateful = program.Resources.Where(r => StatefulTypes.Contains(r.Type)).ToArray();
        Assert.NotEmpty(stateful);
        Assert.All(stateful, r => Assert.Equal(config.IsProtected, r.Options.Protect));
        Assert.All(program.OfType(RdsInstance), r => Assert.Equal(config.IsProtected, r.FlagAt("deletionProtection")));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_region_has_one_database_cache_and_bucket(string stack)
    {
        var config = TestConfigs.LoadCommitted(stack);
        var program = Synthesizer.Build(config);
        foreach (var region in config.Regions)
        {
            Assert.True(program.Contains($"{region.Name}-db-instance"), region.Name);
            Assert.True(program.Contains($"{region.Name}-cache-group"), region.Name);
            Assert.True(program.Contains($"{region.Name}-storage-bucket"), region.Name);
        }

        Assert.Equal(config.Regions.Count, program.OfType(RdsInstance).Count(r => r.Name.EndsWith("-db-instance", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(TestConfigs.Ha)]
    [InlineData(TestConfigs.Geo)]
    public void Ha_and_geo_run_multi_az_databases_and_failover_caches_across_every_az(string yaml)
    {
        var config = TestConfigs.Parse(yaml);
        var program = Synthesizer.Build(config);
        foreach (var region in config.Regions)
        {
            Assert.True(program.Get($"{region.Name}-db-instance").FlagAt("multiAz"), region.Name);
            var cache = program.Get($"{region.Name}-cache-group");
            Assert.True(cache.FlagAt("automaticFailoverEnabled"), region.Name);
            Assert.True(cache.FlagAt("multiAzEnabled"), region.Name);
            Assert.Equal(region.AzCount, cache.NumberAt("numCacheClusters"));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Dr_copies_stay_in_the_source_regions_partition_and_leave_its_region(string yaml)
    {
        var program = TestConfigs.Synth(yaml);
        var copies = program.Resources.Where(r =>
            r.Name.Contains("-dr-", StringComparison.Ordinal) || r.Name.EndsWith("-backups-dr", StringComparison.Ordinal)).ToArray();
        foreach (var copy in copies)
        {
            var source = Regions.All.Where(r => copy.Name.StartsWith(r + "-", StringComparison.Ordinal)).MaxBy(r => r.Length)!;
            var target = program.ProviderRegion(copy);
            Assert.NotEqual(source, target);
            Assert.Equal(Regions.PartitionOf(source), Regions.PartitionOf(target));
        }

        if (yaml == TestConfigs.Geo)
        {
            Assert.Contains(copies, c => c.Name.StartsWith("cn-", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void No_plain_stack_output_carries_a_password_token_or_secret_key(string yaml)
    {
        var program = TestConfigs.Synth(yaml);
        var secretOutputs = program.Resources
            .SelectMany(r => r.Options.AdditionalSecretOutputs.Select(o => $"{r.Name}.{o}"))
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(secretOutputs);
        // An output wrapped whole in fn::secret stays encrypted in state and hidden in the CLI (the admin password).
        foreach (var value in program.Outputs.Values.Where(v => v is not Secret))
        {
            Assert.DoesNotContain(RefsIn(value), r => secretOutputs.Contains(r));
            Assert.DoesNotContain(RefsIn(value), r => r.EndsWith(".result", StringComparison.Ordinal) || r.EndsWith(".secret", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_generated_secret_and_every_resource_holding_one_is_marked_secret(string yaml)
    {
        var program = TestConfigs.Synth(yaml);
        foreach (var random in program.OfType(RandomPassword))
        {
            Assert.Contains("result", random.Options.AdditionalSecretOutputs);
        }

        // The resources that take a secret input keep it secret in their own outputs too.
        foreach (var consumer in program.OfType(RdsInstance))
        {
            Assert.Contains("password", consumer.Options.AdditionalSecretOutputs);
        }

        foreach (var consumer in program.OfType(ReplicationGroup).Where(g => g.Properties.ContainsKey("authToken")))
        {
            Assert.Contains("authToken", consumer.Options.AdditionalSecretOutputs);
        }
    }

    [Fact]
    public void Stack_outputs_locate_each_regions_state()
    {
        var program = TestConfigs.Synth(TestConfigs.Ha);
        Assert.Equal(["eu-central-1-db-instance.address"], RefsIn(program.Outputs["euCentral1DatabaseAddress"]));
        Assert.Equal(["eu-central-1-cache-group.primaryEndpointAddress"], RefsIn(program.Outputs["euCentral1CacheEndpoint"]));
        Assert.Equal(["eu-central-1-storage-bucket.bucket"], RefsIn(program.Outputs["euCentral1RegistryBucket"]));
    }
}
