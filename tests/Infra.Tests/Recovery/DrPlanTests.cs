using HarborHa.Checks;
using HarborHa.Cli;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Stacks;
using HarborHa.Tests.Distribution;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Recovery;

/// <summary>
/// <c>infra dr plan</c> on generated 5-region geo stacks with DR regions: losing the China hub, the
/// overseas hub, and a replica rebuilt in its DR region. Each planned config is read back, synthesized
/// and compared with the stack's program.
/// </summary>
public sealed class DrPlanTests : IDisposable
{
    private static readonly string[] OtherRegions = ["ca-central-1", "sa-east-1"];

    private static string BackupArn(string region) => $"arn:aws:rds:{region}:111122223333:auto-backup:ab-example";
    private readonly string _dir = Directory.CreateTempSubdirectory("harbor-ha-dr-").FullName;

    public static TheoryData<int> Seeds => [.. GeoMatrix.Seeds];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Stdout, string Stderr) Plan(int seed, params string[] args)
    {
        File.WriteAllText(Path.Combine(_dir, "Pulumi.gen.yaml"), GeoMatrix.Yaml(seed));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = HarborHa.Cli.Cli.Run(["dr", "plan", "--stack", "gen", .. args], stdout, stderr, new Dictionary<string, string?>(), _dir);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static (PulumiProgram Before, PulumiProgram After, StackConfig Planned) Programs(int seed, string plannedYaml)
    {
        var planned = TestConfigs.Parse(plannedYaml);
        return (TestConfigs.Synth(GeoMatrix.Yaml(seed)), Synthesizer.Build(planned), planned);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Losing_the_china_hub(int seed)
    {
        var (code, stdout, stderr) = Plan(seed, "--lost", "cn-north-1");

        Assert.Equal(ExitCodes.Ok, code);
        var (before, after, planned) = Programs(seed, stdout);
        AssertRecovered(before, after, planned, "cn-north-1");
        Assert.Equal("cn-northwest-1", planned.HubOf(Side.China)!.Name);
        // Its DR copies were in the lost region and China has no third region: an explicit, accepted none.
        Assert.Equal(DrRegionSource.None, planned.Regions.Single(r => r.Name == "cn-northwest-1").DrRegionSource);
        Assert.Contains("drRegion: none", stdout, StringComparison.Ordinal);
        Assert.Contains("pulumi state delete --stack gen --force --yes 'urn:pulumi:gen::harbor-ha::aws:ec2transitgateway/transitGateway:TransitGateway::cn-north-1-transit-gateway'", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(stderr.Split('\n'), l => l.TrimStart().StartsWith("pulumi ", StringComparison.Ordinal) && l.Contains("--exclude", StringComparison.Ordinal));
        Assert.Contains("recovery point", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Losing_the_overseas_hub(int seed)
    {
        var hub = GeoMatrix.Regions(seed)[2].Name;
        var (code, stdout, _) = Plan(seed, "--lost", hub);

        Assert.Equal(ExitCodes.Ok, code);
        var (before, after, planned) = Programs(seed, stdout);
        AssertRecovered(before, after, planned, hub);
        Assert.NotEqual(hub, planned.HubOf(Side.Overseas)!.Name);
        Assert.Single(planned.Regions, r => r.IsPrimary);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Rebuilding_a_replica_in_its_dr_region(int seed)
    {
        var stackRegions = GeoMatrix.Regions(seed).Select(r => r.Name).ToHashSet();
        var replica = GeoMatrix.Regions(seed).Skip(3).First(r => !stackRegions.Contains(r.DrRegion!));
        var into = replica.DrRegion!;
        var arn = BackupArn(into);
        var (code, stdout, stderr) = Plan(seed, "--lost", replica.Name, "--into", into, "--backup-arn", arn);

        Assert.Equal(ExitCodes.Ok, code);
        var (before, after, planned) = Programs(seed, stdout);
        AssertRecovered(before, after, planned, replica.Name);

        // The rebuilt database comes from the lost region's replicated backups, at the latest restorable time.
        var db = after.Get($"{into}-db-instance");
        var pitr = (MapValue)db.Properties["restoreToPointInTime"];
        Assert.Equal(new Text(arn), pitr["sourceDbInstanceAutomatedBackupsArn"]);
        Assert.Equal(new Flag(true), pitr["useLatestRestorableTime"]);
        // Harbor serves the lost region's replica bucket, kept declared (protected) in the DR region.
        var replicaBucket = after.Get($"{replica.Name}-storage-dr-bucket");
        Assert.True(replicaBucket.Options.Protect);
        Assert.Equal($"{into}-aws", replicaBucket.Options.Provider!.Target);
        Assert.Contains(ValueWalker.Refs(after.Get($"{into}-harbor-release").Properties), r => r.Target == replicaBucket.Name);
        Assert.Contains(ValueWalker.Refs(after.Get($"{into}-storage-registry-policy").Properties), r => r.Target == replicaBucket.Name);
        // Its own DR copies go to a region that is alive, never back to the lost one.
        Assert.NotEqual(replica.Name, planned.Region(into).DrRegion);
        Assert.Contains("adopted", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--lost", "eu-north-1", "--lost")]
    [InlineData("--lost", "cn-north-1", "--into", "ap-southeast-2", "--backup-arn", "x", "--into")]
    [InlineData("--lost", "cn-north-1", "--into", "cn-northwest-1", "--backup-arn", "x", "--into")]
    public void Plans_that_cannot_work_exit_2_naming_the_problem(params string[] args)
    {
        var (code, stdout, stderr) = Plan(1, args[..^1]);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(stdout);
        Assert.StartsWith($"error: {args[^1]}: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rebuilding_into_a_region_that_does_not_hold_the_copies_or_without_a_database_source_exits_2()
    {
        var regions = GeoMatrix.Regions(2);
        var replica = regions.Skip(3).First(r => !regions.Any(x => x.Name == r.DrRegion));
        var elsewhere = OtherRegions.First(r => r != replica.DrRegion);

        var (wrong, _, wrongErr) = Plan(2, "--lost", replica.Name, "--into", elsewhere, "--backup-arn", "x");
        var (none, _, noneErr) = Plan(2, "--lost", replica.Name, "--into", replica.DrRegion!);

        Assert.Equal(ExitCodes.BadInput, wrong);
        Assert.Contains($"use --into {replica.DrRegion}", wrongErr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, none);
        Assert.Contains("--backup-arn", noneErr, StringComparison.Ordinal);
    }

    private static void AssertRecovered(PulumiProgram before, PulumiProgram after, StackConfig planned, string lost)
    {
        // Nothing is declared in the lost region: no provider of it, nothing through one; only its DR copies, elsewhere.
        Assert.DoesNotContain(after.Resources, r => r.Options.Provider?.Target is { } p && p.StartsWith(lost + "-", StringComparison.Ordinal));
        Assert.DoesNotContain(after.Resources, r => r.Name == $"{lost}-aws");
        Assert.All(after.Resources.Where(r => r.Name.StartsWith(lost + "-", StringComparison.Ordinal)),
            r => Assert.True(r.Name.StartsWith($"{lost}-state-dr-key", StringComparison.Ordinal) || r.Name.StartsWith($"{lost}-storage-dr-bucket", StringComparison.Ordinal), r.Name));
        Assert.DoesNotContain(planned.Regions, r => r.DrRegion == lost);

        var diff = ProgramDiff.Compare(before, after);
        // What lived in the lost region: its own resources, and other regions' DR copies held there (created again elsewhere).
        bool Survives(string name) => !DrStateSteps.IsIn(before.Get(name), lost, before);

        // No surviving Transit Gateway is replaced or renamed.
        foreach (var tgw in before.Resources.Where(r => r.Type == ResourceTypes.TransitGateway && Survives(r.Name)))
        {
            Assert.True(after.Contains(tgw.Name), tgw.Name);
            Assert.DoesNotContain(diff.Changes, c => c.Name == tgw.Name);
        }

        // No surviving stateful resource is removed or changed (the side's private zone only drops the lost VPC from its list).
        foreach (var r in before.Resources.Where(r => ReplacementTable.IsStateful(r.Type) && Survives(r.Name) && !r.Name.Contains("-audit-", StringComparison.Ordinal)))
        {
            Assert.True(after.Contains(r.Name), $"{r.Name} is removed");
            var change = diff.Changes.SingleOrDefault(c => c.Name == r.Name);
            Assert.True(change is null || (!change.IsDangerous && change.Properties.All(p => p.Ignored || p.Path.StartsWith("vpcs", StringComparison.Ordinal))),
                $"{r.Name} changes: {string.Join(", ", change?.Properties.Select(p => p.Path) ?? [])}");
        }

        // Exactly one region replicates, to every surviving region.
        var rules = DeclaredReplication.Of(after.Resources.ToDictionary(r => r.Name, StringComparer.Ordinal));
        var source = Assert.Single(rules.Select(r => r.Source).Distinct());
        Assert.Equal(planned.Primary.Name, source);
        Assert.Equal(planned.Regions.Where(r => !r.IsPrimary).Select(r => r.Name).Order(StringComparer.Ordinal), rules.Select(r => r.Target).Distinct().Order(StringComparer.Ordinal));
    }
}
