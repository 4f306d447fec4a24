using HarborHa.Checks;
using HarborHa.Model;
using HarborHa.Stacks;
using HarborHa.Tests.Support;
using Xunit;
using static HarborHa.Tests.Checks.ShippedPrograms;

namespace HarborHa.Tests.Checks;

/// <summary>The replacement guard on the programs we ship: which changes between two programs are safe and which lose state.</summary>
public sealed class ProgramDiffTests
{
    private static DiffResult Diff(Func<PulumiProgram, PulumiProgram> edit) => ProgramDiff.Compare(Staging(), edit(Staging()));

    private static ResourceChange Change(DiffResult diff, string name) => diff.Changes.Single(c => c.Name == name);

    [Fact]
    public void Synthesizing_the_same_stack_twice_has_no_changes()
    {
        Assert.Empty(ProgramDiff.Compare(Prod(), Prod()).Changes);
    }

    [Fact]
    public void Adding_a_region_only_adds_resources()
    {
        var before = TestConfigs.Parse(TestConfigs.Geo);
        var after = TestConfigs.Parse(TestConfigs.Geo + "\n    - name: us-east-1\n      slot: 2\n");

        var diff = ProgramDiff.Compare(Synthesizer.Build(before), Synthesizer.Build(after));

        Assert.NotEmpty(diff.Added);
        // The new region's own resources, plus the documented additions at its side's hub (peering, route)
        // and at the primary (a replication rule, DNS forwarding), and its default DR partner's provider,
        // log bucket and detector (its DR copies are named for us-east-1).
        var partner = HarborHa.Planning.DrPartners.Of("us-east-1");
        Assert.All(diff.Added, c => Assert.True(
            c.Name.Contains("us-east-1", StringComparison.Ordinal) || c.Name.StartsWith(partner + "-", StringComparison.Ordinal),
            $"{c.Name} is added but is not about the new region"));
        Assert.Empty(diff.Removed);
        Assert.Empty(diff.Dangerous);
    }

    [Fact]
    public void Changing_a_slot_is_dangerous()
    {
        var before = TestConfigs.Parse(TestConfigs.Ha);
        var after = TestConfigs.Parse(TestConfigs.Ha.Replace("slot: 1", "slot: 2", StringComparison.Ordinal));

        var diff = ProgramDiff.Compare(Synthesizer.Build(before), Synthesizer.Build(after));

        var vpc = Change(diff, "eu-central-1-network-vpc");
        Assert.Contains(vpc.Dangers, d => d.StartsWith("cidrBlock:", StringComparison.Ordinal));
        Assert.Contains(diff.Dangerous, c => c.Type == "aws:ec2/subnet:Subnet");
        Assert.Contains(vpc.Properties, p => p.Path == "cidrBlock" && p.Before == "\"10.136.0.0/16\"" && p.After == "\"10.144.0.0/16\"");
    }

    [Fact]
    public void Resizing_is_safe()
    {
        var diff = Diff(p => p
            .Set(N("db-instance"), "instanceClass", "db.r6g.2xlarge")
            .Set(N("db-instance"), "allocatedStorage", 500)
            .Set(N("cache-group"), "nodeType", "cache.r6g.xlarge")
            .Set(N("cluster-nodes"), "instanceTypes", Value.List("m6i.2xlarge"))
            .Set(N("cluster-nodes"), "scalingConfig", new MapValue { ["minSize"] = 6, ["desiredSize"] = 6, ["maxSize"] = 18 }));

        Assert.Equal(3, diff.Changed.Count());
        Assert.Empty(diff.Dangerous);

        var ha = TestConfigs.Parse(TestConfigs.Ha);
        var bigger = TestConfigs.Parse(TestConfigs.Ha + "\n  harbor-ha:sizing:\n    nodeInstanceType: m6i.2xlarge\n    dbInstanceClass: db.r6g.xlarge\n");
        Assert.Empty(ProgramDiff.Compare(Synthesizer.Build(ha), Synthesizer.Build(bigger)).Dangerous);
    }

    [Fact]
    public void Changing_the_database_name_replaces_the_database()
    {
        var diff = Diff(p => p.Set(N("db-instance"), "dbName", "harbor_new"));

        var danger = Assert.Single(Change(diff, N("db-instance")).Dangers);
        Assert.StartsWith("dbName: replaces the database", danger, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_the_database_identifier_has_no_effect_because_it_is_ignored()
    {
        // The identifier is under ignoreChanges: an instance created before it was set keeps its generated one.
        var change = Change(Diff(p => p.Set(N("db-instance"), "identifier", "harbor-new")), N("db-instance"));

        Assert.True(change.HasNoEffect);
        Assert.Empty(change.Dangers);
    }

    [Fact]
    public void Renaming_a_bucket_resource_is_a_removal_and_names_the_likely_new_name()
    {
        var before = Staging();
        var bucket = before.Get(N("storage-bucket"));
        var after = before.Without(N("storage-bucket")).With(bucket with { Name = N("storage-images") });

        var diff = ProgramDiff.Compare(Staging(), after);

        var removed = Change(diff, N("storage-bucket"));
        Assert.Equal(ChangeKind.Removed, removed.Kind);
        Assert.Contains("renamed to " + N("storage-images"), Assert.Single(removed.Dangers), StringComparison.Ordinal);
        Assert.False(Change(diff, N("storage-images")).IsDangerous);
    }

    [Fact]
    public void Changing_a_subnet_zone_or_a_bucket_name_is_dangerous()
    {
        var diff = Diff(p => p.Set(N("network-data-a"), "availabilityZone", Overseas + "b").Set(N("logs"), "bucket", "harbor-logs-2"));

        Assert.Contains(Change(diff, N("network-data-a")).Dangers, d => d.StartsWith("availabilityZone:", StringComparison.Ordinal));
        Assert.Contains(Change(diff, N("logs")).Dangers, d => d.Contains("every stored image layer is lost", StringComparison.Ordinal));
    }

    [Fact]
    public void A_replaced_subnet_group_replaces_the_database_that_names_it()
    {
        var diff = Diff(p => p.Set(N("db-subnets"), "name", "harbor-db-v2"));

        Assert.True(Change(diff, N("db-subnets")).IsDangerous);
        var db = Change(diff, N("db-instance"));
        Assert.Empty(db.Properties);
        Assert.Contains(db.Dangers, d => d.Contains($"references {N("db-subnets")}", StringComparison.Ordinal));
    }

    [Fact]
    public void Moving_a_provider_to_another_region_replaces_everything_on_it()
    {
        var diff = Diff(p => p.Set(N("aws"), "region", "ap-southeast-2"));

        Assert.True(Change(diff, N("aws")).IsDangerous);
        Assert.Contains(Change(diff, N("db-instance")).Dangers, d => d.Contains("provider", StringComparison.Ordinal));
        Assert.Contains(Change(diff, N("network-vpc")).Dangers, d => d.Contains("provider", StringComparison.Ordinal));
        Assert.DoesNotContain(diff.Changes, c => c.Name == N("db-password"));
    }

    [Fact]
    public void Dropping_protect_from_state_is_dangerous_but_other_option_changes_are_not()
    {
        var diff = Diff(p => p
            .Options(N("db-instance"), o => o with { Protect = false })
            .Options(N("lb-public-alb"), o => o with { IgnoreChanges = ["tags"] }));

        Assert.Contains("drops protect", Assert.Single(Change(diff, N("db-instance")).Dangers), StringComparison.Ordinal);
        Assert.False(Change(diff, N("lb-public-alb")).IsDangerous);
    }

    [Fact]
    public void Replace_on_changes_option_is_honoured()
    {
        var diff = Diff(p => p
            .Options(N("lb-public-alb"), o => o with { ReplaceOnChanges = ["idleTimeout"] })
            .Set(N("lb-public-alb"), "idleTimeout", 600));

        Assert.Contains(Change(diff, N("lb-public-alb")).Dangers, d => d.Contains("replaceOnChanges", StringComparison.Ordinal));
    }

    [Fact]
    public void Allowing_a_resource_by_name_accepts_only_its_danger()
    {
        var diff = Diff(p => p.Set(N("db-instance"), "dbName", "x").Set(N("logs"), "bucket", "y"));

        Assert.Equal(2, diff.Unallowed([]).Count);
        Assert.Equal(N("logs"), Assert.Single(diff.Unallowed([N("db-instance")])).Name);
        Assert.Empty(diff.Unallowed([N("db-instance"), N("logs")]));
    }

    [Fact]
    public void Secret_looking_values_are_not_displayed()
    {
        Assert.Equal("(hidden)", ValueText.Display("password", "\"hunter2\""));
        Assert.Equal("${db-password.result}", ValueText.Display("password", "${db-password.result}"));
        Assert.Equal("fn::secret(hidden)", ValueText.Display("values.x", "fn::secret(\"abc\")"));
        Assert.Equal("\"db.r6g.large\"", ValueText.Display("instanceClass", "\"db.r6g.large\""));
        Assert.Equal("(hidden)", ValueText.Display("kubernetes:core/v1:Secret", "stringData.config.yml", "\"user: admin\""));
    }

    [Fact]
    public void A_table_entry_covers_nested_paths_of_its_property_but_not_longer_names()
    {
        Assert.NotNull(ReplacementTable.Match("aws:eks/cluster:Cluster", "kubernetesNetworkConfig.serviceIpv4Cidr"));
        Assert.NotNull(ReplacementTable.Match("aws:rds/instance:Instance", "restoreToPointInTime.restoreTime"));
        Assert.NotNull(ReplacementTable.Match("aws:ec2/route:Route", "region"));
        Assert.Null(ReplacementTable.Match("aws:rds/instance:Instance", "instanceClass"));
        Assert.Null(ReplacementTable.Match("aws:rds/instance:Instance", "identifierX"));
    }
}
