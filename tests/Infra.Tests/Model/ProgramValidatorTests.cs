using HarborHa.Model;

namespace HarborHa.Tests.Model;

public class ProgramValidatorTests
{
    private static (PulumiProgram Program, Resource Provider) WithProvider()
    {
        var program = new PulumiProgram("t");
        var provider = program.Add("aws-p", "pulumi:providers:aws", new MapValue(), new ResourceOptions { Version = "7.48.0" });
        return (program, provider);
    }

    [Fact]
    public void Valid_program_has_no_problems()
    {
        var (program, p) = WithProvider();
        var vpc = program.Add("vpc", "aws:ec2/vpc:Vpc", new MapValue { ["cidrBlock"] = "10.0.0.0/16" }, new ResourceOptions { Provider = p.Self });
        program.Add("subnet", "aws:ec2/subnet:Subnet", new MapValue { ["vpcId"] = vpc.Id }, new ResourceOptions { Provider = p.Self });
        Assert.Empty(ProgramValidator.Validate(program));
    }

    [Fact]
    public void Dangling_reference_is_reported_with_both_names()
    {
        var (program, p) = WithProvider();
        program.Add("subnet", "aws:ec2/subnet:Subnet", new MapValue { ["vpcId"] = new Ref("vpc", "id") }, new ResourceOptions { Provider = p.Self });
        var problem = Assert.Single(ProgramValidator.Validate(program));
        Assert.Contains("subnet", problem, StringComparison.Ordinal);
        Assert.Contains("'vpc'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Cycle_is_reported()
    {
        var (program, p) = WithProvider();
        program.Add("a", "aws:ec2/vpc:Vpc", new MapValue { ["tags"] = new MapValue { ["x"] = new Ref("b", "id") } }, new ResourceOptions { Provider = p.Self });
        program.Add("b", "aws:ec2/vpc:Vpc", new MapValue(), new ResourceOptions { Provider = p.Self, DependsOn = [new Ref("a")] });
        var problem = Assert.Single(ProgramValidator.Validate(program));
        Assert.Contains("cycle", problem, StringComparison.Ordinal);
        Assert.Contains("a -> b -> a", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Cloud_resource_without_explicit_provider_is_rejected()
    {
        var program = new PulumiProgram("t");
        program.Add("vpc", "aws:ec2/vpc:Vpc", new MapValue());
        Assert.Contains(ProgramValidator.Validate(program), p => p.Contains("no explicit provider", StringComparison.Ordinal));
    }

    [Fact]
    public void Provider_of_the_wrong_package_is_rejected()
    {
        var program = new PulumiProgram("t");
        var random = program.Add("rnd", "pulumi:providers:random", new MapValue(), new ResourceOptions { Version = "4.21.2" });
        program.Add("vpc", "aws:ec2/vpc:Vpc", new MapValue(), new ResourceOptions { Provider = random.Self });
        Assert.Contains(ProgramValidator.Validate(program), p => p.Contains("not a aws provider", StringComparison.Ordinal));
    }

    [Fact]
    public void Provider_without_pinned_version_is_rejected()
    {
        var program = new PulumiProgram("t");
        program.Add("p", "pulumi:providers:aws", new MapValue());
        Assert.Contains(ProgramValidator.Validate(program), p => p.Contains("does not pin", StringComparison.Ordinal));
    }

    [Fact]
    public void Invoke_must_use_a_provider_of_its_package()
    {
        var (program, _) = WithProvider();
        var random = program.Add("rnd", "pulumi:providers:random", new MapValue(), new ResourceOptions { Version = "4.21.2" });
        program.AddVariable("zones", new Invoke("aws:index/getAvailabilityZones:getAvailabilityZones", new MapValue(), random.Self));
        Assert.Contains(ProgramValidator.Validate(program), p => p.Contains("getAvailabilityZones", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_and_malformed_names_are_refused_when_added()
    {
        var (program, p) = WithProvider();
        program.Add("vpc", "aws:ec2/vpc:Vpc", new MapValue(), new ResourceOptions { Provider = p.Self });
        Assert.Throws<ProgramException>(() => program.Add("vpc", "aws:ec2/vpc:Vpc", new MapValue()));
        Assert.Throws<ProgramException>(() => program.Add("Bad_Name", "aws:ec2/vpc:Vpc", new MapValue()));
    }
}
