using HarborHa.Configuration;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Configuration;

public class ConfigParserTests
{
    private static IReadOnlyList<ConfigError> Errors(string yaml) =>
        Assert.Throws<ConfigException>(() => TestConfigs.Parse(yaml)).Errors;

    private static string Stack(string regions, string topology = "geo", string extra = "") => $"""
        config:
          harbor-ha:topology: {topology}
          harbor-ha:domain: registry.example.com
          harbor-ha:chinaImageMirror: mirror.example.cn/harbor
        {extra}
          harbor-ha:regions:
        {regions}
        """;

    [Fact]
    public void Region_set_problems_are_reported_together_with_per_region_problems()
    {
        var errors = Errors("""
            config:
              harbor-ha:topology: geo
              harbor-ha:domain: registry.example.com
              harbor-ha:regions:
                - name: ap-southeast-1
                  slot: 0
                  role: primary
                  drRegion: ap-southeast-1
                - name: eu-central-1
                  slot: 1
                  drRegion: cn-north-1
                - name: eu-west-1
                  slot: 1
            """);
        Assert.Contains(errors, e => e.Key == "harbor-ha:regions[ap-southeast-1].drRegion");
        Assert.Contains(errors, e => e.Key == "harbor-ha:regions[eu-central-1].drRegion");
        Assert.Contains(errors, e => e.Key == "harbor-ha:regions[eu-west-1].slot" && e.Message.Contains("slot 1", StringComparison.Ordinal));
    }

    [Fact]
    public void The_config_limit_on_zones_is_what_the_network_layout_fits() =>
        Assert.Equal(HarborHa.Network.SubnetPlan.MaxAzs, ConfigParser.MaxAzsPerVpc);

    [Fact]
    public void Geo_config_is_parsed_with_defaults()
    {
        var config = TestConfigs.Parse(TestConfigs.Geo);
        Assert.Equal(Topology.Geo, config.Topology);
        Assert.Equal(Stage.Prod, config.Stage);
        Assert.Equal(Exposure.Internal, config.Exposure);
        Assert.Equal(["ap-southeast-1", "cn-north-1", "cn-northwest-1", "eu-central-1"], config.Regions.Select(r => r.Name));
        Assert.Equal("cn-north-1", config.Primary.Name);
        Assert.All(config.Regions, r => Assert.Equal(3, r.AzCount));
        // Hubs by default: the primary on its side, the lowest slot on the other.
        Assert.Equal("cn-north-1", config.HubOf(Side.China)!.Name);
        Assert.Equal("ap-southeast-1", config.HubOf(Side.Overseas)!.Name);
        Assert.Equal(Side.China, config.Region("cn-northwest-1").Side);
    }

    [Fact]
    public void Single_site_defaults_to_two_azs_internal_exposure_and_a_lone_primary()
    {
        var config = TestConfigs.Parse(TestConfigs.SingleSite);
        var region = Assert.Single(config.Regions);
        Assert.Equal(2, region.AzCount);
        Assert.True(region.IsPrimary);
        // An unconfigured stack is never reachable from the internet.
        Assert.Equal(Exposure.Internal, config.Exposure);
        Assert.False(config.IsProtected);
        Assert.Equal(1, config.Sizing.HarborReplicas);
    }

    [Fact]
    public void Pulumi_config_json_with_structured_values_as_json_text_is_accepted()
    {
        var json = """
            {"harbor-ha:topology":"ha","harbor-ha:domain":"registry.example.com","harbor-ha:clusterAdminArns":"[\"arn:aws:iam::111122223333:role/harbor-ha-deployer\"]",
             "harbor-ha:regions":"[{\"name\":\"us-east-1\",\"slot\":3,\"drRegion\":\"us-west-2\"}]",
             "harbor-ha:sizing":"{\"harborReplicas\":4}",
             "aws:region":"us-east-1"}
            """;
        var config = ConfigParser.Parse(RawConfig.FromEnvironmentJson(json));
        Assert.Equal(3, config.Regions.Single().Slot);
        Assert.Equal("us-west-2", config.Regions.Single().DrRegion);
        Assert.Equal(4, config.Sizing.HarborReplicas);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_naming_its_key()
    {
        var errors = Errors("""
            config:
              harbor-ha:topology: geo
              harbor-ha:domian: registry.example.com
              harbor-ha:regions:
                - name: ap-southeast-1
                  slot: 16
                - name: eu-centrl-1
                  slot: 1
            """);
        var keys = errors.Select(e => e.Key).ToArray();
        Assert.Contains("harbor-ha:domian", keys);
        Assert.Contains("harbor-ha:domain", keys);
        Assert.Contains("harbor-ha:regions[ap-southeast-1].slot", keys);
        Assert.Contains("harbor-ha:regions[eu-centrl-1].name", keys);
        Assert.Contains(errors, e => e.Message.Contains("did you mean 'harbor-ha:domain'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("did you mean 'eu-central-1'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("    - {name: ap-southeast-1, slot: 0}\n    - {name: eu-central-1, slot: 0, role: primary}", "slot 0 on the overseas side")]
    [InlineData("    - {name: cn-north-1, slot: 2, role: primary}\n    - {name: cn-northwest-1, slot: 2}", "slot 2 on the China side")]
    [InlineData("    - {name: ap-southeast-1, slot: 0, role: primary}\n    - {name: eu-central-1, slot: 1, role: primary}", "found 2")]
    [InlineData("    - {name: ap-southeast-1, slot: 0}\n    - {name: eu-central-1, slot: 1}", "found none")]
    [InlineData("    - {name: ap-southeast-1, slot: 0, role: primary}\n    - {name: ap-southeast-1, slot: 1}", "more than once")]
    [InlineData("    - {name: ap-southeast-1, slot: 0, role: primary}", "two or more regions")]
    [InlineData("    - {name: ap-southeast-1, slot: 0, role: primary, hub: true}\n    - {name: eu-central-1, slot: 1, hub: true}", "at most one hub per side")]
    [InlineData("    - {name: ap-southeast-1, slot: 0, role: primary, drRegion: cn-north-1}\n    - {name: eu-central-1, slot: 1}", "another partition")]
    [InlineData("    - {name: ap-southeast-1, slot: -1, role: primary}\n    - {name: eu-central-1, slot: 1}", "between 0 and 15")]
    [InlineData("    - {name: ap-southeast-1, slot: zero, role: primary}\n    - {name: eu-central-1, slot: 1}", "whole number")]
    [InlineData("    - {name: ap-southeast-1, slot: 0, role: leader}\n    - {name: eu-central-1, slot: 1}", "primary, replica")]
    [InlineData("    - {name: ap-southeast-1, slot: 0, role: primary, azCount: 2}\n    - {name: eu-central-1, slot: 1}", "between 3 and 3")]
    [InlineData("    - {name: ap-southeast-1, slt: 0, role: primary}\n    - {name: eu-central-1, slot: 1}", "did you mean 'slot'")]
    public void Invalid_region_lists_are_rejected(string regions, string message)
    {
        var errors = Errors(Stack(regions));
        Assert.Contains(errors, e => e.Message.Contains(message, StringComparison.Ordinal) && e.Key.StartsWith("harbor-ha:regions", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("single-site")]
    [InlineData("ha")]
    public void Single_region_topologies_take_exactly_one_region(string topology)
    {
        var errors = Errors(Stack("    - {name: ap-southeast-1, slot: 0, role: primary}\n    - {name: eu-central-1, slot: 1}", topology));
        Assert.Contains(errors, e => e.Message.Contains("exactly one region", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("  harbor-ha:domain: Registry.Example.com", "harbor-ha:domain")]
    [InlineData("  harbor-ha:domain: localhost", "harbor-ha:domain")]
    [InlineData("  harbor-ha:topology: mesh", "harbor-ha:topology")]
    [InlineData("  harbor-ha:environment: production", "harbor-ha:environment")]
    [InlineData("  harbor-ha:exposure: private", "harbor-ha:exposure")]
    [InlineData("  harbor-ha:awsAccountId: 1234", "harbor-ha:awsAccountId")]
    [InlineData("  harbor-ha:clusterPublicAccessCidrs: [0.0.0.0/0]", "harbor-ha:clusterPublicAccessCidrs[0]")]
    [InlineData("  harbor-ha:clusterPublicAccessCidrs: [10.1.2.3/16]", "harbor-ha:clusterPublicAccessCidrs[0]")]
    [InlineData("  harbor-ha:sizing: {harborReplicas: 1}", "harbor-ha:sizing.harborReplicas")]
    [InlineData("  harbor-ha:sizing: {nodeMinSize: 5, nodeDesiredSize: 4}", "harbor-ha:sizing.nodeDesiredSize")]
    [InlineData("  harbor-ha:vpn: {awsAsn: 65010}", "harbor-ha:vpn.awsAsn")]
    [InlineData("  harbor-ha:certificate: {mode: imported}", "harbor-ha:certificate.arns.ap-southeast-1")]
    [InlineData("  harbor-ha:domain:\n    secure: v1:abc", "harbor-ha:domain")]
    public void Invalid_optional_settings_name_their_key(string line, string key)
    {
        var yaml = $"""
            config:
              harbor-ha:topology: ha
              harbor-ha:regions:
                - name: ap-southeast-1
                  slot: 0
            {line}
            """;
        if (!line.Contains("harbor-ha:domain", StringComparison.Ordinal))
        {
            yaml += "\n  harbor-ha:domain: registry.example.com";
        }

        if (line.Contains("harbor-ha:topology", StringComparison.Ordinal))
        {
            yaml = yaml.Replace("  harbor-ha:topology: ha\n", "", StringComparison.Ordinal);
        }

        Assert.Contains(Errors(yaml), e => e.Key == key);
    }

    [Fact]
    public void Keys_of_other_namespaces_are_ignored()
    {
        var config = TestConfigs.Parse(TestConfigs.Ha + "\n  aws:region: eu-central-1\n  kubernetes:context: x");
        Assert.Equal("eu-central-1", config.Regions.Single().Name);
    }

    [Fact]
    public void Missing_required_keys_are_all_reported()
    {
        var keys = Errors("config:\n  aws:region: eu-west-1").Select(e => e.Key).ToArray();
        Assert.Equal(["harbor-ha:topology", "harbor-ha:domain", "harbor-ha:regions"], keys);
    }

    [Fact]
    public void Malformed_pulumi_config_is_a_config_error()
    {
        var e = Assert.Throws<ConfigException>(() => RawConfig.FromEnvironmentJson("{not json"));
        Assert.Equal("PULUMI_CONFIG", e.Errors.Single().Key);
    }

    [Fact]
    public void Restore_source_is_parsed_and_checked()
    {
        var config = TestConfigs.Parse(Stack("""
                - name: ap-southeast-1
                  slot: 0
                  role: primary
                  drRegion: ap-southeast-2
                  restore:
                    databaseBackupArn: arn:aws:rds:ap-southeast-1:123456789012:auto-backup:ab-1
                    databaseRestoreTime: 2026-11-30T08:00:00Z
                    storage: use-dr
                - name: eu-central-1
                  slot: 1
            """));
        var restore = config.Region("ap-southeast-1").Restore!;
        Assert.Equal(StorageRestore.UseDr, restore.Storage);
        Assert.Equal("2026-11-30T08:00:00Z", restore.DatabaseRestoreTime);

        var errors = Errors(Stack("""
                - name: ap-southeast-1
                  slot: 0
                  role: primary
                  drRegion: none
                  restore:
                    databaseSnapshot: snap-1
                    databaseBackupArn: arn:aws:rds:x
                    storage: copy-from-dr
                - name: eu-central-1
                  slot: 1
            """));
        Assert.Contains(errors, e => e.Message.Contains("not both", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Key == "harbor-ha:regions[ap-southeast-1].restore.storage");
    }

    [Fact]
    public void Every_known_key_is_documented_in_the_readme()
    {
        var readme = File.ReadAllText(Path.Combine(TestConfigs.RepoRoot(), "README.md"));
        foreach (var key in ConfigParser.KnownKeys)
        {
            Assert.Contains($"`harbor-ha:{key}`", readme, StringComparison.Ordinal);
        }
    }
}
