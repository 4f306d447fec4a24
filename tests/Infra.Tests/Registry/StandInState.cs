using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Network;
using HarborHa.Registry;
using HarborHa.Stacks;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Registry;

/// <summary>
/// Stand-ins for the state tier, which another component provides: secret-bearing resources of the
/// same kinds (a random password for the database and the Redis token, an IAM access key for S3)
/// and literal endpoints, named <c>&lt;region&gt;-standin-*</c>.
/// </summary>
public static class StandInState
{
    public static StateEndpoints For(PulumiProgram program, RegionStack stack, GlobalProviders global)
    {
        var r = stack.Region.Name;
        Resource Password(string role) => program.Add($"{r}-standin-{role}", "random:index/randomPassword:RandomPassword",
            new MapValue { ["length"] = 32, ["special"] = false }, new ResourceOptions { Provider = global.Random });
        var user = program.Declare($"{r}-standin-s3-user", "aws:iam/user:User", stack.Providers.Aws, new MapValue());
        var key = program.Declare($"{r}-standin-s3-key", "aws:iam/accessKey:AccessKey", stack.Providers.Aws,
            new MapValue { ["user"] = user.Out("name") });
        return new StateEndpoints
        {
            DatabaseHost = $"{r}-db.example.internal",
            DatabasePort = 5432,
            DatabaseName = "registry",
            DatabaseUsername = "harbor",
            DatabasePassword = Password("db-password").Out("result"),
            RedisHost = $"{r}-cache.example.internal",
            RedisPort = 6379,
            RedisAuthToken = Password("redis-token").Out("result"),
            BucketName = $"{r}-registry-bucket",
            BucketRegion = r,
            S3AccessKeyId = key.Id,
            S3SecretAccessKey = key.Out("secret"),
        };
    }
}

/// <summary>Whole programs with Harbor added in every region, composed like the topologies do.</summary>
public static class RegistryPrograms
{
    public static (PulumiProgram Program, IReadOnlyList<RegionStack> Regions) Build(string stackYaml) => Build(TestConfigs.Parse(stackYaml));

    public static (PulumiProgram Program, IReadOnlyList<RegionStack> Regions) Build(StackConfig config)
    {
        var program = new PulumiProgram(Synthesizer.ProjectName);
        var global = new GlobalProviders(program);
        var nat = config.Topology == Topology.SingleSite ? NatStrategy.Single : NatStrategy.PerAz;
        var regions = config.Regions.Select(r => new RegionStack(program, config, global, r, nat)).ToArray();
        foreach (var region in regions)
        {
            region.AddRegistry(StandInState.For(program, region, global));
        }

        ProgramValidator.EnsureValid(program);
        return (program, regions);
    }
}
