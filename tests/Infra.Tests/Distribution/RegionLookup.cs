using HarborHa.Model;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

/// <summary>
/// Finds what the other tiers declared for a region by what it is (type, provider region,
/// properties), so distribution tests compare against the real resources without a copy of them.
/// </summary>
public static class RegionLookup
{
    /// <summary>The region's AWS provider: the <c>pulumi:providers:aws</c> whose <c>region</c> it is.</summary>
    public static Resource AwsProvider(this PulumiProgram program, string region) =>
        Assert.Single(program.OfType("pulumi:providers:aws"), p => p.Text("region") == region);

    /// <summary>The region's VPC (the only one declared with its provider).</summary>
    public static Resource Vpc(this PulumiProgram program, string region) =>
        Assert.Single(program.OfType("aws:ec2/vpc:Vpc"), v => v.Options.Provider == program.AwsProvider(region).Self);

    /// <summary>The region's internal or internet-facing application load balancer.</summary>
    public static Resource LoadBalancer(this PulumiProgram program, string region, bool @internal) =>
        Assert.Single(program.OfType("aws:lb/loadBalancer:LoadBalancer"),
            lb => lb.Options.Provider == program.AwsProvider(region).Self && lb.Prop("internal") == new Flag(@internal));

    /// <summary>The region's Harbor Helm release.</summary>
    public static Resource HarborRelease(this PulumiProgram program, string region) =>
        Assert.Single(program.OfType("kubernetes:helm.sh/v3:Release"), r => r.Text("chart") == "harbor" && r.Name.StartsWith(region + "-", StringComparison.Ordinal));
}
