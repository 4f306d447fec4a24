using HarborHa.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace HarborHa.Tests.Cli;

public class CliTests
{
    private static YamlMappingNode Resources(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["resources"];
    }

    [Fact]
    public void Synth_without_a_stack_declares_only_pinned_providers()
    {
        var result = CliRunner.Run(Path.GetTempPath(), null, "synth");
        Assert.Equal(0, result.ExitCode);
        var resources = Resources(result.Stdout);
        Assert.All(resources.Children, r =>
        {
            var node = (YamlMappingNode)r.Value;
            Assert.StartsWith("pulumi:providers:", node["type"].ToString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(node["options"]["version"].ToString()));
        });
        var packages = resources.Children.Select(r => ((YamlMappingNode)r.Value)["type"].ToString()["pulumi:providers:".Length..]).ToHashSet();
        Assert.Superset(new HashSet<string> { "aws", "kubernetes", "random", "tls" }, packages);
    }

    [Fact]
    public void Synth_reads_pulumi_config_from_the_environment_before_stack_files()
    {
        var json = """{"harbor-ha:topology":"ha","harbor-ha:clusterAdminArns":"[\"arn:aws:iam::111122223333:role/harbor-ha-deployer\"]","harbor-ha:domain":"r.example.com","harbor-ha:regions":"[{\"name\":\"eu-west-1\",\"slot\":4}]"}""";
        var env = new Dictionary<string, string?> { ["PULUMI_CONFIG"] = json, ["PULUMI_STACK"] = "nonexistent" };
        var result = CliRunner.Run(Path.GetTempPath(), env, "synth");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("eu-west-1-network-vpc", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("10.160.0.0/16", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_config_exits_2_with_nothing_on_stdout_and_nothing_written()
    {
        var dir = CliRunner.ProjectWith("bad", "config:\n  harbor-ha:topology: geo\n");
        var outFile = Path.Combine(dir, "program.yaml");
        var result = CliRunner.Run(dir, null, "synth", "--stack", "bad", "--out", outFile);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("harbor-ha:domain: is required", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Contains("harbor-ha:regions: is required", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(outFile));
    }

    [Fact]
    public void Missing_stack_file_is_a_config_error()
    {
        var result = CliRunner.Run(Path.GetTempPath(), null, "synth", "--stack", "nope-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("stack file not found", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Synth_out_writes_the_same_program_as_stdout()
    {
        var dir = CliRunner.ProjectWith("dev", TestConfigs.SingleSite);
        var stdout = CliRunner.Run(dir, null, "synth", "--stack", "dev").Stdout;
        var result = CliRunner.Run(dir, null, "synth", "--stack", "dev", "--out", "out/program.yaml");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(stdout, File.ReadAllText(Path.Combine(dir, "out", "program.yaml")));
    }

    [Fact]
    public void Validate_needs_a_stack_and_summarises_on_stderr()
    {
        var dir = CliRunner.ProjectWith("geo", TestConfigs.Geo);
        Assert.Equal(2, CliRunner.Run(dir, null, "validate").ExitCode);
        var ok = CliRunner.Run(dir, null, "validate", "--stack", "geo");
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("", ok.Stdout);
        Assert.Contains("geo stack with 4 region(s)", ok.Stdout + ok.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Cidr_prints_every_region_and_subnet_of_the_stack()
    {
        var dir = CliRunner.ProjectWith("geo", TestConfigs.Geo);
        var result = CliRunner.Run(dir, null, "cidr", "--stack", "geo");
        Assert.Equal(0, result.ExitCode);
        Assert.NotEmpty(result.Stdout);
        foreach (var vpc in new[] { "10.128.0.0/16", "10.136.0.0/16", "10.120.0.0/16", "10.112.0.0/16" })
        {
            Assert.Contains(vpc, result.Stdout + result.Stderr, StringComparison.Ordinal);
        }

        Assert.Contains("10.112.160.32/28", result.Stdout + result.Stderr, StringComparison.Ordinal); // cn-northwest-1 transit, third AZ
    }

    [Fact]
    public void Cidr_without_a_stack_prints_all_slots_of_both_sides()
    {
        var result = CliRunner.Run(Path.GetTempPath(), null, "cidr");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("10.248.0.0/13", result.Stdout + result.Stderr, StringComparison.Ordinal); // overseas slot 15
        Assert.Contains("10.0.0.0/13", result.Stdout + result.Stderr, StringComparison.Ordinal);   // China slot 15
    }

    [Theory]
    [InlineData("mermaid", "flowchart LR")]
    [InlineData("dot", "digraph harbor_ha")]
    public void Graph_draws_hubs_vpn_and_replication(string format, string header)
    {
        var dir = CliRunner.ProjectWith("geo", TestConfigs.Geo);
        var result = CliRunner.Run(dir, null, "graph", "--stack", "geo", "--format", format);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(header, result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Site-to-Site VPN", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Contains("TGW peering", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Harbor push replication", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_command_line_option_exits_2()
    {
        var result = CliRunner.Run(Path.GetTempPath(), null, "synth", "--stak", "prod");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Bench_prints_a_row_per_committed_stack_and_generated_size()
    {
        var result = CliRunner.Run(TestConfigs.RepoRoot(), null, "bench", "--runs", "1");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("", result.Stdout);
        foreach (var row in new[] { "stack prod", "generated geo 8", "generated geo 16", "generated geo 32" })
        {
            Assert.Contains(row, result.Stdout + result.Stderr, StringComparison.Ordinal);
        }
    }
}
