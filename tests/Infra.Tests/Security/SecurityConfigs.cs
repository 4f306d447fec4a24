using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Stacks;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Security;

/// <summary>
/// Generated stack configs for the security invariants: every topology, both partitions, every
/// exposure a topology accepts, prod and dev. Written as stack files, parsed strictly (no fixture defaults).
/// </summary>
public static class SecurityConfigs
{
    private const string Admins = "[arn:aws:iam::111122223333:role/harbor-ha-deployer, arn:aws-cn:iam::444455556666:role/harbor-ha-deployer]";

    /// <summary>(name, stack YAML) for the matrix.</summary>
    public static IReadOnlyList<(string Name, string Yaml)> All { get; } = Build();

    public static TheoryData<string> Names() => new(All.Select(c => c.Name));

    public static string Yaml(string name) => All.Single(c => c.Name == name).Yaml;

    public static PulumiProgram Program(string name) => Programs.GetOrAdd(name, n => Synthesizer.Build(Config(n)));

    public static StackConfig Config(string name) => TestConfigs.ParseStrict(Yaml(name));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PulumiProgram> Programs = new(StringComparer.Ordinal);

    private static List<(string, string)> Build()
    {
        var configs = new List<(string, string)>();
        var layouts = new (string Topology, string Side, string Regions)[]
        {
            ("single-site", "overseas", "    - { name: ap-southeast-1, slot: 0 }"),
            ("single-site", "china", "    - { name: cn-northwest-1, slot: 1 }"),
            ("ha", "overseas", "    - { name: eu-central-1, slot: 1, drRegion: eu-west-1 }"),
            ("ha", "china", "    - { name: cn-north-1, slot: 0, drRegion: cn-northwest-1 }"),
            ("geo", "both", "    - { name: cn-north-1, slot: 0, role: primary, drRegion: cn-northwest-1 }\n    - { name: cn-northwest-1, slot: 1 }\n    - { name: ap-southeast-1, slot: 0, drRegion: ap-southeast-2 }\n    - { name: eu-central-1, slot: 1 }"),
        };
        foreach (var (topology, side, regions) in layouts)
        {
            foreach (var exposure in topology == "geo" ? new[] { "internal", "both" } : ["internal", "public", "both"])
            {
                foreach (var environment in new[] { "prod", "dev" })
                {
                    var clients = exposure == "internal" ? "" : "  harbor-ha:clientCidrs: [203.0.113.0/24]\n  harbor-ha:adminCidrs: [198.51.100.0/24]\n";
                    var yaml = $"""
                        config:
                          harbor-ha:topology: {topology}
                          harbor-ha:environment: {environment}
                          harbor-ha:domain: registry.example.com
                          harbor-ha:chinaImageMirror: 123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/mirror
                          harbor-ha:exposure: {exposure}
                          harbor-ha:clusterAdminArns: {Admins}
                          harbor-ha:vpn:
                            applianceAmis:
                              cn-north-1: ami-0123456789abcdef0

                        """ + clients + "  harbor-ha:regions:\n" + regions + "\n";
                    configs.Add(($"{topology}-{side}-{exposure}-{environment}", yaml));
                }
            }
        }

        return configs;
    }
}
