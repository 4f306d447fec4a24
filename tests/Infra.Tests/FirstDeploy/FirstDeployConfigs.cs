using HarborHa.Model;
using HarborHa.Tests.Checks;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.FirstDeploy;

/// <summary>
/// Generated stack configs for the first-deploy tests: every topology on every side it supports,
/// with internal and internet-facing exposure, in the environment each is meant for, built by the
/// config matrix's generator and optionally extended with extra top-level keys.
/// </summary>
public static class FirstDeployConfigs
{
    private static readonly ConfigMatrixTests.Case[] All =
    [
        new("geo", "internal", "acm-dns", "both", "prod"),
        new("geo", "both", "acm-dns", "overseas", "prod"),
        new("geo", "internal", "self-signed", "china", "prod"),
        new("geo", "internal", "imported", "both", "staging"),
        new("ha", "internal", "acm-dns", "overseas", "prod"),
        new("ha", "public", "imported", "china", "prod"),
        new("ha", "both", "self-signed", "overseas", "staging"),
        new("single-site", "internal", "self-signed", "overseas", "dev"),
        new("single-site", "public", "acm-dns", "china", "dev"),
    ];

    public static TheoryData<string> Names() => new(All.Select(c => c.ToString()));

    public static ConfigMatrixTests.Case ByName(string name) => All.Single(c => c.ToString() == name);

    /// <summary>The case's stack file with <paramref name="extra"/> (top-level <c>harbor-ha:</c> lines, indented two spaces) appended.</summary>
    public static string Yaml(string name, string extra = "") => ConfigMatrixTests.StackYaml(ByName(name)) + extra;

    public static PulumiProgram Synth(string name, string extra = "") => TestConfigs.Synth(Yaml(name, extra));
}
