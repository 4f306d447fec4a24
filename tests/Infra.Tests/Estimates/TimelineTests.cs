using System.Text.Json;
using HarborHa.Estimates;
using HarborHa.Model;
using HarborHa.Stacks;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Estimates;

/// <summary>What <c>infra timeline</c> computes, on real programs (no wall-clock timing anywhere).</summary>
public class TimelineTests
{
    private static PulumiProgram Prod() => Synthesizer.Build(TestConfigs.LoadCommitted("prod"));

    [Theory]
    [MemberData(nameof(EstimateConfigs.CommittedStackNames), MemberType = typeof(EstimateConfigs))]
    public void The_critical_path_is_a_real_dependency_chain_of_the_program(string stack)
    {
        var program = Synthesizer.Build(TestConfigs.LoadCommitted(stack));
        var graph = ProgramGraph.Of(program);
        var report = Timeline.Estimate(program);

        Assert.True(report.Path.Count >= 2);
        Assert.Empty(graph.DependenciesOf(report.Path[0]));
        for (var i = 1; i < report.Path.Count; i++)
        {
            Assert.Contains(report.Path[i - 1], graph.DependenciesOf(report.Path[i]));
            Assert.Equal(report.Entry(report.Path[i - 1]).Finish, report.Entry(report.Path[i]).Start, 6);
        }

        var durations = report.Path.Sum(n => report.Entry(n).Duration.Minutes);
        Assert.Equal(report.CriticalPathMinutes, durations, 6);
        Assert.Equal(report.CriticalPathMinutes, report.Resources.Max(e => e.Finish), 6);
        Assert.All(report.Path, n => Assert.Equal(0, report.Entry(n).Slack, 6));
    }

    [Fact]
    public void Every_resource_starts_after_everything_it_waits_for()
    {
        var program = Prod();
        var graph = ProgramGraph.Of(program);
        foreach (var parallel in new int?[] { null, 4 })
        {
            var report = Timeline.Estimate(program, parallel);
            var byName = report.Resources.ToDictionary(e => e.Resource);
            Assert.Equal(program.Resources.Count, byName.Count);
            foreach (var e in report.Resources)
            {
                Assert.All(graph.DependenciesOf(e.Resource), d => Assert.True(byName[d].Finish <= e.Start + 1e-9, $"{e.Resource} starts before {d} is created"));
                Assert.True(e.Slack >= -1e-9);
            }
        }
    }

    [Fact]
    public void Dependencies_come_from_references_depends_on_provider_and_variables()
    {
        var program = new PulumiProgram("t");
        program.Add("p", Resource.ProviderPrefix + "aws", new MapValue { ["region"] = "eu-west-1" });
        program.Add("a", "aws:s3/bucket:Bucket", new MapValue(), new ResourceOptions { Provider = new Ref("p") });
        program.Add("b", "aws:s3/bucket:Bucket", new MapValue(), new ResourceOptions { Provider = new Ref("p") });
        program.AddVariable("v", new Interpolation("x-", new Ref("b", "id")));
        program.DeclareConfig(new ConfigDeclaration("secret", "string", IsSecret: true));
        program.Add("c", "aws:s3/bucketPolicy:BucketPolicy", new MapValue { ["bucket"] = new Ref("a", "id"), ["policy"] = new Ref("v"), ["x"] = new Ref("secret") },
            new ResourceOptions { Provider = new Ref("p"), DependsOn = [new Ref("b")] });
        var graph = ProgramGraph.Of(program);
        Assert.Equal(["a", "b", "p"], graph.DependenciesOf("c"));
        Assert.Equal(["a", "b", "c"], graph.DependentsOf("p"));
        Assert.Equal("eu-west-1", graph.RegionOf(program.Get("c")));
    }

    [Fact]
    public void A_sixth_region_lengthens_the_critical_path_by_at_most_five_percent()
    {
        var five = Timeline.Estimate(Prod());
        var six = Timeline.Estimate(EstimateConfigs.Program(EstimateConfigs.ProdPlusOne()));
        Assert.True(six.CriticalPathMinutes <= five.CriticalPathMinutes * 1.05,
            $"5 regions: {five.CriticalPathMinutes:0.0} min, 6 regions: {six.CriticalPathMinutes:0.0} min ({string.Join(" -> ", six.Path)})");
        Assert.Contains(six.Resources, e => e.Resource == "ap-northeast-1-harbor-release");
    }

    [Fact]
    public void A_single_ha_region_is_within_five_percent_of_its_longest_unavoidable_chain()
    {
        // Unavoidable: what a resource needs to be created at all, the values it reads (references,
        // provider). dependsOn only orders; stripping it gives the lower bound its chains cannot beat.
        var program = EstimateConfigs.Program(EstimateConfigs.Ha);
        var full = Timeline.Estimate(program);
        var unavoidable = Timeline.Estimate(WithoutDependsOn(program));
        Assert.True(full.CriticalPathMinutes <= unavoidable.CriticalPathMinutes * 1.05,
            $"path {full.CriticalPathMinutes:0.0} min ({string.Join(" -> ", full.Path)}), unavoidable {unavoidable.CriticalPathMinutes:0.0} min");

        // The cluster-to-Harbor chain is no longer than it needs to be either.
        var harbor = full.Entry("ap-southeast-1-harbor-release").Finish;
        var harborUnavoidable = unavoidable.Entry("ap-southeast-1-harbor-release").Finish;
        Assert.True(harbor >= harborUnavoidable);
    }

    [Fact]
    public void With_one_slot_the_total_is_the_sum_of_all_durations()
    {
        var program = EstimateConfigs.Program(EstimateConfigs.Ha);
        var serial = Timeline.Estimate(program, parallel: 1);
        var sum = serial.Resources.Sum(e => e.Duration.Minutes);
        Assert.Equal(sum, serial.TotalMinutes, 6);
        Assert.Equal(1, serial.Parallel);

        var unbounded = Timeline.Estimate(program);
        var eight = Timeline.Estimate(program, parallel: 8);
        Assert.Equal(unbounded.CriticalPathMinutes, eight.CriticalPathMinutes, 6);
        Assert.InRange(eight.TotalMinutes, unbounded.TotalMinutes - 1e-9, serial.TotalMinutes + 1e-9);
        Assert.Equal(unbounded.CriticalPathMinutes, unbounded.TotalMinutes, 6);
    }

    [Fact]
    public void Durations_follow_what_the_resource_declares()
    {
        var durations = DurationTable.Default;
        var program = EstimateConfigs.Program(EstimateConfigs.Ha);
        Assert.Equal(17.5, durations.Of(program.Get("ap-southeast-1-db-instance")).Minutes); // Multi-AZ, 15-20
        Assert.Equal(11.5, durations.Of(program.Get("ap-southeast-1-cluster-eks")).Minutes); // 9-14
        Assert.Equal(7.5, durations.Of(program.Get("ap-southeast-1-harbor-release")).Minutes); // Harbor chart, 5-10
        Assert.Equal(0, durations.Of(program.Get("ap-southeast-1-aws")).Minutes);
        var single = EstimateConfigs.Program(EstimateConfigs.SingleSite);
        Assert.Equal(10, durations.Of(single.Get("ap-southeast-1-db-instance")).Minutes); // Single-AZ, 8-12
        Assert.All(durations.Rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
    }

    [Fact]
    public void Json_has_the_documented_shape()
    {
        var report = Timeline.Estimate(EstimateConfigs.Program(EstimateConfigs.Ha), parallel: 10);
        using var json = JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Number, root.GetProperty("criticalPathMinutes").ValueKind);
        Assert.Equal(report.Path, root.GetProperty("path").EnumerateArray().Select(p => p.GetString()!));
        Assert.Equal(10, root.GetProperty("parallel").GetInt32());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("totalMinutes").ValueKind);
        var resources = root.GetProperty("resources").EnumerateArray().ToArray();
        Assert.Equal(report.Resources.Count, resources.Length);
        Assert.All(resources, r =>
        {
            Assert.Equal(JsonValueKind.String, r.GetProperty("resource").ValueKind);
            Assert.True(r.GetProperty("finish").GetDouble() >= r.GetProperty("start").GetDouble());
        });
    }

    [Fact]
    public void Mermaid_draws_a_gantt_chart_with_the_critical_path()
    {
        var report = Timeline.Estimate(EstimateConfigs.Program(EstimateConfigs.Ha));
        var chart = report.ToMermaid("first up");
        Assert.StartsWith("gantt\n", chart, StringComparison.Ordinal);
        Assert.Contains("dateFormat X", chart, StringComparison.Ordinal);
        Assert.Contains("section ap-southeast-1", chart, StringComparison.Ordinal);
        Assert.Contains($"{report.Path[^1]} :crit, ", chart, StringComparison.Ordinal);
    }

    [Fact]
    public void The_estimate_is_deterministic()
    {
        Assert.Equal(Timeline.Estimate(Prod(), 6).ToJson(), Timeline.Estimate(Prod(), 6).ToJson());
    }

    /// <summary>The same program without any <c>options.dependsOn</c>.</summary>
    private static PulumiProgram WithoutDependsOn(PulumiProgram program)
    {
        var copy = new PulumiProgram(program.Name, program.Description);
        foreach (var c in program.Config)
        {
            copy.DeclareConfig(c);
        }

        foreach (var (name, value) in program.Variables)
        {
            copy.AddVariable(name, value);
        }

        foreach (var r in program.Resources)
        {
            copy.Add(r with { Options = r.Options with { DependsOn = [] } });
        }

        return copy;
    }
}
