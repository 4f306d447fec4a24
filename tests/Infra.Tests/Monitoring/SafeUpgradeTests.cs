using HarborHa.Model;
using HarborHa.Registry;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Monitoring;

/// <summary>
/// Chart upgrades that can be undone: no Harbor release rolls back by itself (old pods on a migrated
/// schema crash-loop), the migration runs as the chart's pre-upgrade hook, and every release waits
/// for a retained snapshot of its region's database named for the chart version.
/// </summary>
public sealed class SafeUpgradeTests
{
    public static TheoryData<string> Matrix() => MonitoredPrograms.Matrix();

    [Theory]
    [MemberData(nameof(Matrix))]
    public void No_harbor_release_is_atomic_and_each_waits_for_a_retained_snapshot_named_for_its_chart_version(string name)
    {
        var (config, program) = MonitoredPrograms.Of(name);
        var releases = program.OfType(ResourceTypes.HelmRelease).Where(r => r.Text("chart") == HarborChart.Name).ToArray();
        Assert.Equal(config.Regions.Count, releases.Length);
        foreach (var release in releases)
        {
            Assert.False(release.Properties.TryGet("atomic", out var atomic) && atomic is Flag { Value: true }, $"{release.Name} is atomic");
            Assert.Equal((Value)true, ((MapValue)release.Properties["values"])["enableMigrateHelmHook"]);

            var version = release.Text("version")!;
            var snapshots = release.Options.DependsOn.Select(d => program.Get(d.Target)).Where(r => r.Type == ResourceTypes.RdsSnapshot).ToArray();
            var snapshot = Assert.Single(snapshots);
            Assert.True(snapshot.Options.RetainOnDelete);
            var region = config.Regions.Single(r => release.Name.StartsWith(r.Name + "-", StringComparison.Ordinal)).Name;
            var instance = program.Get(LogicalName.Of(region, "db", "instance"));
            Assert.Equal(instance.Out("identifier"), snapshot.Properties["dbInstanceIdentifier"]);
            Assert.Equal(instance.Options.Provider, snapshot.Options.Provider);
            var id = (Interpolation)snapshot.Properties["dbSnapshotIdentifier"];
            Assert.Equal($"-harbor-{version.Replace('.', '-')}", ((Text)id.Parts[^1]).Value);
            Assert.EndsWith($"-harbor-{version.Replace('.', '-')}", snapshot.Name, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("1.19.1", "harbor-1-19-1")]
    [InlineData("1.20.0", "harbor-1-20-0")]
    public void The_snapshot_is_named_for_the_chart_version(string version, string suffix) =>
        Assert.Equal(suffix, HarborRegistry.SnapshotSuffix(version));
}
