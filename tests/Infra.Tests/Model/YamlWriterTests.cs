using HarborHa.Common;
using HarborHa.Model;
using HarborHa.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace HarborHa.Tests.Model;

public class YamlWriterTests
{
    private static PulumiProgram SmallProgram()
    {
        var program = new PulumiProgram("demo");
        var provider = program.Add("eu-aws", "pulumi:providers:aws", new MapValue { ["region"] = "eu-west-1" }, new ResourceOptions { Version = ProviderVersions.Aws });
        program.Declare("eu-bucket", "aws:s3/bucket:Bucket", provider.Self, new MapValue
        {
            ["bucket"] = "demo-bucket",
            ["tags"] = new MapValue { ["Count"] = "42", ["Enabled"] = "true", ["Empty"] = "", ["Null"] = "null", ["Version"] = "1.30" },
            ["forceDestroy"] = false,
        }, new ResourceOptions { Protect = true });
        return program;
    }

    private static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        Assert.Single(stream.Documents);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    [Fact]
    public void Writes_one_document_with_sections_in_pulumi_order()
    {
        var yaml = YamlWriter.Write(SmallProgram());
        var root = Parse(yaml);
        Assert.Equal(["name", "runtime", "resources"], root.Children.Keys.Select(k => k.ToString()));
        Assert.Equal("yaml", root["runtime"].ToString());
        Assert.DoesNotContain("---", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Strings_that_look_like_other_types_stay_strings()
    {
        var yaml = YamlWriter.Write(SmallProgram());
        var tags = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)Parse(yaml)["resources"])["eu-bucket"])["properties"]["tags"];
        foreach (var key in new[] { "Count", "Enabled", "Empty", "Null", "Version" })
        {
            var scalar = (YamlScalarNode)tags[key];
            Assert.NotEqual(YamlDotNet.Core.ScalarStyle.Plain, scalar.Style);
        }

        Assert.Contains("forceDestroy: false", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_program_gives_byte_identical_output_whatever_the_insertion_order()
    {
        var a = new PulumiProgram("demo");
        var b = new PulumiProgram("demo");
        var pa = a.Add("p", "pulumi:providers:random", new MapValue(), new ResourceOptions { Version = "1" });
        var pb = b.Add("p", "pulumi:providers:random", new MapValue(), new ResourceOptions { Version = "1" });
        a.Declare("x", "random:index/randomPassword:RandomPassword", pa.Self, new MapValue { ["length"] = 32, ["special"] = false });
        a.Declare("w", "random:index/randomPassword:RandomPassword", pa.Self, new MapValue { ["special"] = false, ["length"] = 32 });
        b.Declare("w", "random:index/randomPassword:RandomPassword", pb.Self, new MapValue { ["length"] = 32, ["special"] = false });
        b.Declare("x", "random:index/randomPassword:RandomPassword", pb.Self, new MapValue { ["special"] = false, ["length"] = 32 });
        Assert.Equal(YamlWriter.Write(a), YamlWriter.Write(b));
    }

    [Fact]
    public void Literal_dollar_brace_is_escaped_but_references_are_not()
    {
        var program = new PulumiProgram("demo");
        var p = program.Add("p", "pulumi:providers:aws", new MapValue(), new ResourceOptions { Version = "1" });
        var vpc = program.Declare("vpc", "aws:ec2/vpc:Vpc", p.Self, new MapValue { ["cidrBlock"] = "10.0.0.0/16" });
        program.Declare("i", "aws:ec2/instance:Instance", p.Self, new MapValue
        {
            ["userData"] = new Interpolation("#!/bin/sh\necho ${HOME} ", vpc.Id, "\n"),
        });
        var yaml = YamlWriter.Write(program);
        Assert.Contains("echo $${HOME} ${vpc.id}", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_literal_dollar_is_doubled_so_pulumi_yaml_reads_it_back_unchanged()
    {
        // pulumi-yaml (ast/interpolation.go) reads "$$" as one "$" everywhere, so a script's own "$$"
        // (the shell's PID) and "$VAR" survive only when each "$" is doubled.
        var program = new PulumiProgram("demo");
        program.Add("p", "pulumi:providers:aws", new MapValue(), new ResourceOptions { Version = "7.48.0" });
        program.Add("s", "aws:ssm/parameter:Parameter", new MapValue
        {
            ["value"] = "kill $$; echo $PATH",
            ["tags"] = new MapValue { ["cost$center"] = "a" },
        }, new ResourceOptions { Provider = new Ref("p") });
        var yaml = YamlWriter.Write(program);
        Assert.Contains("kill $$$$; echo $$PATH", yaml, StringComparison.Ordinal);
        Assert.Contains("cost$$center: a", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_compare_by_structure_not_by_reference()
    {
        Assert.Equal(new MapValue { ["a"] = Value.List("x", "y") }, new MapValue { ["a"] = Value.List("x", "y") });
        Assert.NotEqual(new MapValue { ["a"] = Value.List("x", "y") }, new MapValue { ["a"] = Value.List("y", "x") });
        Assert.Equal(new Interpolation("https://", new Ref("lb", "dnsName")), new Interpolation("https://", new Ref("lb", "dnsName")));
        Assert.Equal(new MapValue { ["k"] = 1 }.GetHashCode(), new MapValue { ["k"] = 1 }.GetHashCode());
        Assert.NotEqual(new MapValue { ["k"] = 1 }, new MapValue { ["k"] = 2 });
    }

    [Fact]
    public void Functions_and_options_are_written_in_pulumi_yaml_syntax()
    {
        var program = new PulumiProgram("demo");
        var p = program.Add("p", "pulumi:providers:aws", new MapValue(), new ResourceOptions { Version = "7.48.0" });
        var zones = program.AddVariable("zones", new Invoke("aws:index/getAvailabilityZones:getAvailabilityZones", new MapValue { ["state"] = "available" }, p.Self, "names"));
        var role = program.Declare("role", "aws:iam/role:Role", p.Self, new MapValue
        {
            ["assumeRolePolicy"] = new ToJson(new MapValue { ["Version"] = "2012-10-17" }),
            ["description"] = new Select(0, zones),
        }, new ResourceOptions { DependsOn = [p.Self], IgnoreChanges = ["tags"], CustomTimeouts = new CustomTimeouts(Create: "60m") });
        program.AddOutput("arn", new Secret(role.Out("arn")));
        var root = Parse(YamlWriter.Write(program));
        var invoke = (YamlMappingNode)((YamlMappingNode)root["variables"])["zones"]["fn::invoke"];
        Assert.Equal("aws:index/getAvailabilityZones:getAvailabilityZones", invoke["function"].ToString());
        Assert.Equal("${p}", invoke["options"]["provider"].ToString());
        Assert.Equal("names", invoke["return"].ToString());
        var roleNode = (YamlMappingNode)((YamlMappingNode)root["resources"])["role"];
        Assert.Equal("2012-10-17", roleNode["properties"]["assumeRolePolicy"]["fn::toJSON"]["Version"].ToString());
        Assert.Equal("60m", roleNode["options"]["customTimeouts"]["create"].ToString());
        Assert.Equal("${role.arn}", root["outputs"]["arn"]["fn::secret"].ToString());
    }

    [Fact]
    public void Refuses_to_write_an_invalid_graph()
    {
        var program = new PulumiProgram("demo");
        program.Add("orphan", "aws:ec2/vpc:Vpc", new MapValue { ["cidrBlock"] = "10.0.0.0/16" });
        var e = Assert.Throws<ProgramException>(() => YamlWriter.Write(program));
        Assert.Contains("orphan", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Committed_stacks_synthesize_deterministically()
    {
        foreach (var stack in TestConfigs.CommittedStacks())
        {
            var config = TestConfigs.LoadCommitted(stack);
            var first = YamlWriter.Write(Stacks.Synthesizer.Build(config));
            var second = YamlWriter.Write(Stacks.Synthesizer.Build(TestConfigs.LoadCommitted(stack)));
            Assert.Equal(first, second);
            Assert.DoesNotContain(TestConfigs.RepoRoot(), first, StringComparison.Ordinal);
        }
    }
}
