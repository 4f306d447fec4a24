using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Stacks;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Checks;

/// <summary>
/// The programs harbor-ha ships, synthesized by the real code from the committed stack files, for the
/// checks' tests: rules are proven on what we deploy and on mutations of it (<see cref="ProgramEdit"/>),
/// never on a hand-built copy. <see cref="ProgramEdit"/> changes a program in place, so every call
/// synthesizes a fresh one.
/// </summary>
public static class ShippedPrograms
{
    /// <summary>The region every committed stack has (dev, staging and prod's overseas hub).</summary>
    public const string Overseas = "ap-southeast-1";

    /// <summary>prod's China hub, where the VPN appliances run (zones a, b, d).</summary>
    public const string China = "cn-north-1";

    public static PulumiProgram Of(string stack) => Synthesizer.Build(TestConfigs.LoadCommitted(stack));

    /// <summary>single-site, dev, self-signed certificate, public: one NAT gateway, single-AZ state.</summary>
    public static PulumiProgram Dev() => Of("dev");

    /// <summary>
    /// ha, staging, public exposure with an ACM certificate validated in the stack's zone: the ha
    /// example examples/ha-staging.yaml (the committed staging stack is geo, rehearsing prod).
    /// </summary>
    public static PulumiProgram Staging() => Synthesizer.Build(StagingConfig());

    /// <summary>The config <see cref="Staging"/> is built from.</summary>
    public static StackConfig StagingConfig() =>
        ConfigParser.Parse(RawConfig.FromStackFile(Path.Combine(TestConfigs.RepoRoot(), "examples", "ha-staging.yaml")));

    /// <summary>geo, prod, both sides: VPN appliances, Dragonfly, DR regions, two credentials profiles.</summary>
    public static PulumiProgram Prod() => Of("prod");

    /// <summary>A logical name in the overseas region.</summary>
    public static string N(string role) => $"{Overseas}-{role}";

    /// <summary>A logical name in the China hub.</summary>
    public static string Cn(string role) => $"{China}-{role}";

    /// <summary>A resource to add to a program, on an existing provider.</summary>
    public static Resource Extra(string name, string type, MapValue properties, string provider, bool protect = false) =>
        new(name, type, properties, new ResourceOptions { Provider = new Ref(provider), Protect = protect });
}
