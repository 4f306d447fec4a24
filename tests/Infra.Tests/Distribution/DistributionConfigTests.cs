using System.Text.Json;
using HarborHa.Configuration;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Distribution;

public class DistributionConfigTests
{
    private static string Geo(string extra) => GeoConfigs.TwoSides + "\n" + string.Join('\n', extra.Split('\n').Select(l => "  " + l));

    private static IReadOnlyList<ConfigError> Errors(string yaml) =>
        Assert.Throws<ConfigException>(() => TestConfigs.Parse(yaml)).Errors;

    [Fact]
    public void Defaults_are_one_private_project_four_anonymous_proxy_caches_and_dragonfly_on()
    {
        var config = TestConfigs.Parse(GeoConfigs.TwoSides);

        var project = Assert.Single(config.Projects);
        Assert.Equal("apps", project.Name);
        Assert.False(project.Public);
        Assert.True(project.Replicate);
        Assert.True(project.ScanOnPush);
        Assert.Equal(["dockerhub", "ghcr", "quay", "k8s"], config.ProxyCaches.Select(p => p.Name));
        Assert.All(config.ProxyCaches, p => Assert.Null(p.PasswordSecret));
        Assert.Equal(100, config.Replication.CrossBorderBandwidthMbps);
        Assert.Equal(120, config.Replication.CrossBorderHttpTimeoutMinutes);
        Assert.Null(config.Replication.BandwidthMbps);
        Assert.False(config.Replication.Deletion);
        Assert.True(config.Dragonfly.Enabled);
        Assert.Empty(config.Dragonfly.PreheatTokens);
    }

    [Fact]
    public void Every_setting_is_read()
    {
        var config = TestConfigs.Parse(GeoConfigs.OverseasPublic);

        var apps = config.Projects.Single(p => p.Name == "apps");
        Assert.Equal(VulnerabilitySeverity.High, apps.PreventVulnerable);
        Assert.Equal(500, apps.StorageQuotaGb);
        Assert.Equal(new RetentionConfig { KeepLastPushed = 20, KeepPushedWithinDays = 90, Schedule = RetentionSchedule.Weekly }, apps.Retention);
        Assert.Equal(["v*", "release-*"], apps.ImmutableTags);
        Assert.False(config.Projects.Single(p => p.Name == "sandbox").Replicate);
        var dockerhub = Assert.Single(config.ProxyCaches);
        Assert.Equal(("acme", "dockerhubToken", "https://hub.docker.com"), (dockerhub.Username, dockerhub.PasswordSecret, dockerhub.Endpoint));
        Assert.Equal("v*", config.Replication.Tags);
        Assert.Equal(400, config.Replication.BandwidthMbps);
        Assert.Equal("dragonflyTokenEuCentral1", config.Dragonfly.PreheatTokens["eu-central-1"]);
    }

    [Theory]
    [InlineData("harbor-ha:projects:\n  - name: library", "harbor-ha:projects[0].name", "created by Harbor itself")]
    [InlineData("harbor-ha:projects:\n  - name: Apps", "harbor-ha:projects[0].name", "lowercase")]
    [InlineData("harbor-ha:projects:\n  - name: a--b", "harbor-ha:projects[0].name", "single dashes")]
    [InlineData("harbor-ha:projects:\n  - public: true", "harbor-ha:projects[0].name", "is required")]
    [InlineData("harbor-ha:projects:\n  - name: apps\n    retention: { schedule: daily }", "harbor-ha:projects[apps].retention", "keepLastPushed")]
    [InlineData("harbor-ha:projects:\n  - name: apps\n    preventVulnerable: severe", "harbor-ha:projects[apps].preventVulnerable", "critical, high, medium, low")]
    [InlineData("harbor-ha:projects:\n  - name: apps\n    replicate: false", "harbor-ha:projects", "at least one project")]
    [InlineData("harbor-ha:projects:\n  - name: apps\n  - name: apps", "harbor-ha:projects[apps]", "more than once")]
    [InlineData("harbor-ha:projects:\n  - name: apps\n    scanOnPsh: true", "harbor-ha:projects[0].scanOnPsh", "did you mean 'scanOnPush'")]
    [InlineData("harbor-ha:proxyCaches:\n  - name: apps\n    type: quay", "harbor-ha:proxyCaches[apps].name", "also a project")]
    [InlineData("harbor-ha:proxyCaches:\n  - name: mirror\n    type: registry", "harbor-ha:proxyCaches[mirror].endpoint", "is required for type registry")]
    [InlineData("harbor-ha:proxyCaches:\n  - name: mirror\n    type: gcr", "harbor-ha:proxyCaches[mirror].type", "docker-hub, ghcr, quay, registry, harbor")]
    [InlineData("harbor-ha:proxyCaches:\n  - name: mirror\n    type: registry\n    endpoint: http://mirror.local", "harbor-ha:proxyCaches[mirror].endpoint", "https://")]
    [InlineData("harbor-ha:proxyCaches:\n  - name: hub\n    type: docker-hub\n    username: acme", "harbor-ha:proxyCaches[hub].passwordSecret", "go together")]
    [InlineData("harbor-ha:proxyCaches:\n  - name: hub\n    type: docker-hub\n    username: acme\n    passwordSecret: domain", "harbor-ha:proxyCaches[hub].passwordSecret", "not an ordinary setting")]
    [InlineData("harbor-ha:replication:\n  crossBorderBandwidthMbps: 0", "harbor-ha:replication.crossBorderBandwidthMbps", "between 1 and 100000")]
    [InlineData("harbor-ha:replication:\n  crossBorderHttpTimeoutMinutes: 10", "harbor-ha:replication.crossBorderHttpTimeoutMinutes", "between 30 and 1440")]
    [InlineData("harbor-ha:replication:\n  catchUpSchedule: \"0 * * * *\"", "harbor-ha:replication.catchUpSchedule", "six fields")]
    [InlineData("harbor-ha:replication:\n  catchUpSchedule: hourly", "harbor-ha:replication.catchUpSchedule", "six fields")]
    [InlineData("harbor-ha:dragonfly:\n  preheatTokens: { us-east-1: tokenUs }", "harbor-ha:dragonfly.preheatTokens.us-east-1", "not one of the stack's regions")]
    [InlineData("harbor-ha:dragonfly:\n  dbInstanceClass: t4g.small", "harbor-ha:dragonfly.dbInstanceClass", "db.*")]
    [InlineData("harbor-ha:exposure: public", "harbor-ha:exposure", "geo needs private endpoints")]
    public void Invalid_settings_are_reported_with_their_key(string extra, string key, string message)
    {
        var errors = Errors(Geo(extra));

        Assert.Contains(errors, e => e.Key == key && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_named_secret_must_be_set_encrypted_and_an_unnamed_one_is_still_unknown()
    {
        const string cache = "harbor-ha:proxyCaches:\n  - name: hub\n    type: docker-hub\n    username: acme\n    passwordSecret: hubToken";

        Assert.Contains(Errors(Geo(cache)), e => e.Key == "harbor-ha:hubToken" && e.Message.Contains("not set", StringComparison.Ordinal));
        Assert.Contains(Errors(Geo(cache + "\nharbor-ha:hubToken: plain")), e => e.Key == "harbor-ha:hubToken" && e.Message.Contains("plain text", StringComparison.Ordinal));
        Assert.Contains(Errors(Geo("harbor-ha:hubToken:\n  secure: AAAB")), e => e.Key == "harbor-ha:hubToken" && e.Message.Contains("not a known setting", StringComparison.Ordinal));
        Assert.Equal("hubToken", TestConfigs.Parse(Geo(cache + "\nharbor-ha:hubToken:\n  secure: AAAB")).ProxyCaches.Single().PasswordSecret);
    }

    [Fact]
    public void Under_pulumi_a_named_secret_arrives_decrypted_and_is_accepted_without_being_read()
    {
        var values = new Dictionary<string, string>
        {
            ["harbor-ha:topology"] = "geo",
            ["harbor-ha:domain"] = "registry.example.com",
            ["harbor-ha:regions"] = """[{"name":"eu-central-1","slot":1,"role":"primary"},{"name":"us-east-1","slot":2}]""",
            ["harbor-ha:proxyCaches"] = """[{"name":"hub","type":"docker-hub","username":"acme","passwordSecret":"hubToken"}]""",
            ["harbor-ha:hubToken"] = "s3cr3t-value",
            ["harbor-ha:clusterAdminArns"] = """["arn:aws:iam::111122223333:role/admins"]""",
        };
        var config = ConfigParser.Parse(RawConfig.FromEnvironmentJson(JsonSerializer.Serialize(values), """["harbor-ha:hubToken"]"""));

        Assert.Equal("hubToken", config.ProxyCaches.Single().PasswordSecret);
        Assert.DoesNotContain("s3cr3t", config.ToString(), StringComparison.Ordinal);
    }
}
