using HarborHa.Common;
using HarborHa.Distribution;
using HarborHa.Model;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

/// <summary>
/// The distribution components as another team would use them: no stack config, no config parser,
/// only component args (the Harbor release and endpoints are references into their own program).
/// </summary>
public class DistributionComponentTests
{
    private static RegionHarbor Harbor(string region, DistributionRole role) => new()
    {
        Name = region,
        Partition = Partitions.Of(region),
        Role = role,
        HarborRelease = new Ref($"{region}-harbor"),
        PrivateEndpoint = $"https://{region}.registry.example.net",
        AdminPassword = new Ref("admin-password", "result"),
        KubernetesProvider = new Ref($"{region}-k8s"),
        Namespace = "harbor",
        ProbeImage = ReachabilityProbe.Image(null, null),
    };

    private static (PulumiProgram Program, RegionDistribution[] Regions, DistributionCredentials Credentials) Compose(
        IReadOnlyList<HarborProjectSpec> projects, params RegionHarbor[] harbors)
    {
        var program = new PulumiProgram("custom");
        var credentials = new DistributionCredentials(program, new GlobalProviders(program).Random);
        var regions = harbors.Select(h => new RegionDistribution(program, new RegionDistributionArgs
        {
            Harbor = h,
            Projects = projects,
            Credentials = credentials,
        })).ToArray();
        return (program, regions, credentials);
    }

    [Fact]
    public void Two_regions_compose_into_a_primary_pushing_to_a_replica_with_secure_defaults()
    {
        var (program, regions, credentials) = Compose([new HarborProjectSpec { Name = "apps" }],
            Harbor("eu-central-1", DistributionRole.Primary), Harbor("cn-north-1", DistributionRole.Replica));

        var links = ReplicationPlan.For(regions.Select(r => r.Site).ToArray(), new ReplicationSettings());
        var gates = new ReachabilityGates(program, [new Ref("vpn")], new Dictionary<(string, string), Ref> { [("eu-central-1", "cn-north-1")] = new Ref("forward") });
        var rules = ReplicationRules.Declare(regions, links, new ReplicationSettings(), credentials, gates);

        Assert.Equal(["eu-central-1-harbor-replication-cn-north-1", "eu-central-1-harbor-replication-cn-north-1-catch-up"], rules.Select(r => r.Name));
        var rule = rules[0];
        Assert.Equal(new Flag(true), rule.Prop("copyByChunk"));
        Assert.Equal(new Number(ReplicationPlan.ToHarborSpeed(100)), rule.Prop("speed"));
        Assert.Equal(new Flag(false), rule.Prop("deletion"));
        Assert.Equal(new Flag(true), rule.Prop("override"));
        Assert.Equal("https://cn-north-1.registry.example.net", program.Get("eu-central-1-harbor-target-cn-north-1").Text("endpointUrl"));

        // Projects hold the images: protected, private and scanned unless the caller says otherwise.
        var project = program.Get("cn-north-1-harbor-project-apps");
        Assert.True(project.Options.Protect);
        Assert.Equal(new Flag(false), project.Prop("public"));
        Assert.Equal(new Flag(true), project.Prop("vulnerabilityScanning"));
        Assert.Contains(new Ref("cn-north-1-harbor"), project.Options.DependsOn);
        Assert.False(program.Contains("cn-north-1-harbor-robot-ci"));
        Assert.True(program.Contains("eu-central-1-harbor-robot-ci"));
    }

    [Fact]
    public void A_plan_with_a_rule_back_to_the_primary_is_refused()
    {
        var (_, regions, credentials) = Compose([new HarborProjectSpec { Name = "apps" }],
            Harbor("eu-central-1", DistributionRole.Primary), Harbor("us-east-1", DistributionRole.Replica));
        ReplicationLink[] loop = [new("eu-central-1", "us-east-1", false, -1), new("us-east-1", "eu-central-1", false, -1)];

        var error = Assert.Throws<ProgramException>(() => ReplicationRules.Declare(regions, loop, new ReplicationSettings(), credentials));

        Assert.Contains("unsafe", error.Message, StringComparison.Ordinal);
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_retention_policy_without_a_rule_is_refused_because_Harbor_would_delete_everything()
    {
        var error = Assert.Throws<ProgramException>(() => Compose(
            [new HarborProjectSpec { Name = "apps", Retention = new RetentionSpec { Frequency = RetentionFrequency.Weekly } }],
            Harbor("eu-central-1", DistributionRole.Primary)));

        Assert.Contains("apps", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_credential_given_already_secret_is_wrapped_once()
    {
        var program = new PulumiProgram("custom");
        var credentials = new DistributionCredentials(program, new GlobalProviders(program).Random);
        _ = new RegionDistribution(program, new RegionDistributionArgs
        {
            Harbor = Harbor("eu-central-1", DistributionRole.Primary),
            Projects = [new HarborProjectSpec { Name = "apps" }],
            ProxyCaches =
            [
                new ProxyCacheSpec
                {
                    Name = "hub",
                    Upstream = UpstreamKind.DockerHub,
                    Endpoint = "https://hub.docker.com",
                    Credentials = new UpstreamCredentials { Username = "acme", Password = new Secret(new Ref("hubToken")) },
                },
            ],
            Credentials = credentials,
        });

        Assert.Equal(new Ref("hubToken"), program.Get("eu-central-1-harbor-upstream-hub").SecretRef("accessSecret"));
    }
}
