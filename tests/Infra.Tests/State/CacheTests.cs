using HarborHa.Model;
using HarborHa.Tests.Support;
using Xunit;
using static HarborHa.Tests.State.StateTestSupport;

namespace HarborHa.Tests.State;

public sealed class CacheTests
{
    private static readonly PulumiProgram HaProgram = TestConfigs.Synth(TestConfigs.Ha);
    private static readonly PulumiProgram DevProgram = TestConfigs.Synth(TestConfigs.SingleSite);

    [Fact]
    public void Replication_group_has_cluster_mode_disabled()
    {
        var group = HaProgram.Get("eu-central-1-cache-group");
        Assert.Equal("redis", group.Text("engine"));
        Assert.Equal("default.redis7", group.Text("parameterGroupName"));
        Assert.StartsWith("7.", group.Text("engineVersion"), StringComparison.Ordinal);
        // Sharding settings turn cluster mode on; Harbor needs several database numbers.
        Assert.Null(group.At("numNodeGroups"));
        Assert.Null(group.At("replicasPerNodeGroup"));
        Assert.Null(group.At("clusterMode"));
    }

    [Fact]
    public void Ha_cache_has_one_node_per_az_with_failover()
    {
        var group = HaProgram.Get("eu-central-1-cache-group");
        Assert.Equal(3, group.NumberAt("numCacheClusters"));
        Assert.True(group.FlagAt("automaticFailoverEnabled"));
        Assert.True(group.FlagAt("multiAzEnabled"));
        var zones = ((ListValue)group.At("preferredCacheClusterAzs")!).Items.Cast<Text>().Select(t => t.Value);
        Assert.Equal(["eu-central-1a", "eu-central-1b", "eu-central-1c"], zones);
    }

    [Fact]
    public void Single_site_cache_is_one_node_without_failover()
    {
        var group = DevProgram.Get("ap-southeast-1-cache-group");
        Assert.Equal(1, group.NumberAt("numCacheClusters"));
        Assert.False(group.FlagAt("automaticFailoverEnabled"));
        Assert.False(group.FlagAt("multiAzEnabled"));
        Assert.False(group.Options.Protect);
        Assert.Equal(1, group.NumberAt("snapshotRetentionLimit"));
    }

    [Fact]
    public void Cache_is_encrypted_in_transit_with_a_secret_token_and_at_rest_with_the_region_key()
    {
        var group = HaProgram.Get("eu-central-1-cache-group");
        Assert.True(group.FlagAt("transitEncryptionEnabled"));
        Assert.True(group.FlagAt("atRestEncryptionEnabled"));
        Assert.Equal(["eu-central-1-state-key.arn"], RefsIn(group.At("kmsKeyId")!));
        Assert.Equal(["eu-central-1-cache-auth-token.result"], RefsIn(group.At("authToken")!));
        Assert.Contains("authToken", group.Options.AdditionalSecretOutputs);

        var token = HaProgram.Get("eu-central-1-cache-auth-token");
        Assert.Equal(RandomPassword, token.Type);
        // ElastiCache AUTH: 16-128 printable characters, never '@', '"' or '/'.
        Assert.False(token.FlagAt("special"));
        Assert.InRange(token.NumberAt("length")!.Value, 16, 128);
        Assert.Contains("result", token.Options.AdditionalSecretOutputs);
    }

    [Fact]
    public void Only_the_cluster_nodes_reach_redis_and_only_on_6379()
    {
        var rule = Assert.Single(HaProgram.OfType(IngressRule), r => RefsIn(r.At("securityGroupId")!).Contains("eu-central-1-cache-sg.id"));
        Assert.Equal(["eu-central-1-cluster-nodes-sg.id"], RefsIn(rule.At("referencedSecurityGroupId")!));
        Assert.Equal(6379, rule.NumberAt("fromPort"));
        Assert.Equal(6379, rule.NumberAt("toPort"));
        var group = HaProgram.Get("eu-central-1-cache-group");
        Assert.Equal(["eu-central-1-cache-sg.id"], RefsIn(group.At("securityGroupIds")!));
        Assert.Equal(["eu-central-1-cache-subnets.name"], RefsIn(group.At("subnetGroupName")!));
        Assert.Equal(
            ["eu-central-1-network-data-a.id", "eu-central-1-network-data-b.id", "eu-central-1-network-data-c.id"],
            RefsIn(HaProgram.Get("eu-central-1-cache-subnets").At("subnetIds")!));
    }

    [Fact]
    public void Protected_cache_keeps_snapshots_per_sizing()
    {
        var group = HaProgram.Get("eu-central-1-cache-group");
        Assert.True(group.Options.Protect);
        Assert.Equal(7, group.NumberAt("snapshotRetentionLimit"));
        Assert.Equal("cache.r6g.large", group.Text("nodeType"));
    }
}
