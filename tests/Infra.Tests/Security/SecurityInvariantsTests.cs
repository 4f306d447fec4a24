using HarborHa.Checks;
using HarborHa.Checks.Rules;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Stacks;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Security;

/// <summary>
/// Issue 18's "done when", over generated configs (every topology, both partitions, every exposure,
/// prod and dev), on the real synthesized programs: each invariant and the rule that enforces it.
/// </summary>
public sealed class SecurityInvariantsTests
{
    public static TheoryData<string> Configs() => SecurityConfigs.Names();

    private static IEnumerable<Resource> OfType(PulumiProgram program, string type) => program.Resources.Where(r => r.Type == type);

    private static MapValue Document(Value policy) => (MapValue)Assert.IsType<ToJson>(policy).Inner;

    private static IEnumerable<MapValue> Statements(Value policy) => ((ListValue)Document(policy)["Statement"]).Items.Cast<MapValue>();

    [Theory]
    [MemberData(nameof(Configs))]
    public void No_security_group_admits_the_internet_on_web_ports_unless_the_config_says_so(string name)
    {
        var program = SecurityConfigs.Program(name);

        Assert.DoesNotContain(OfType(program, ResourceTypes.IngressRule), r => r.Properties.TryGet("cidrIpv4", out var c) && c == (Value)"0.0.0.0/0");
        Assert.Empty(Checked(new AlbOpenIngressRule(), program));
    }

    [Fact]
    public void Clients_written_as_0_0_0_0_0_are_admitted_as_an_accepted_exposure()
    {
        var yaml = SecurityConfigs.Yaml("ha-overseas-public-prod").Replace("harbor-ha:clientCidrs: [203.0.113.0/24]", "harbor-ha:clientCidrs: [0.0.0.0/0]", StringComparison.Ordinal);
        var program = Synthesizer.Build(TestConfigs.ParseStrict(yaml));

        var open = OfType(program, ResourceTypes.IngressRule).Where(r => r.Properties.TryGet("cidrIpv4", out var c) && c == (Value)"0.0.0.0/0").ToArray();
        Assert.Equal(2, open.Length);
        Assert.All(open, r => Assert.Equal("clientCidrs explicitly 0.0.0.0/0", r.Accepts("open-ingress")?.Reason));
        var findings = Checked(new AlbOpenIngressRule(), program).ToArray();
        Assert.Equal(2, findings.Length);
        Assert.All(findings, f => Assert.True(f.Accepted));
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Every_internet_facing_load_balancer_has_a_web_acl(string name)
    {
        var program = SecurityConfigs.Program(name);
        var publicAlbs = OfType(program, ResourceTypes.LoadBalancer).Where(a => a.Properties["internal"] == (Value)false).ToArray();

        Assert.Equal(name.Contains("-internal-", StringComparison.Ordinal) ? 0 : SecurityConfigs.Config(name).Regions.Count, publicAlbs.Length);
        foreach (var alb in publicAlbs)
        {
            var association = Assert.Single(OfType(program, ResourceTypes.WafWebAclAssociation), a => a.Properties["resourceArn"] == alb.Out("arn"));
            var acl = program.Get(((Ref)association.Properties["webAclArn"]).Target);
            var rules = ((ListValue)acl.Properties["rules"]).Items.Cast<MapValue>().ToArray();
            Assert.Contains(rules, r => r.ContainsKey("statement") && ((MapValue)r["statement"]).ContainsKey("rateBasedStatement"));
            Assert.Contains(rules, r => r["name"] == (Value)"AWSManagedRulesCommonRuleSet");
            Assert.Contains(rules, r => r["name"] == (Value)"AWSManagedRulesKnownBadInputsRuleSet");
        }

        Assert.Empty(Checked(new AlbWebAclRule(), program));
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void The_ui_and_api_reach_the_internet_only_from_admin_cidrs(string name)
    {
        var program = SecurityConfigs.Program(name);
        foreach (var https in OfType(program, ResourceTypes.Listener).Where(l => l.Name.EndsWith("-lb-public-https", StringComparison.Ordinal)))
        {
            Assert.Equal((Value)"fixed-response", ((MapValue)((ListValue)https.Properties["defaultActions"]).Items.Single())["type"]);
            var admins = program.Get($"{https.Name}-admins");
            Assert.Equal([(Value)"198.51.100.0/24"], ((ListValue)((MapValue)((MapValue)((ListValue)admins.Properties["conditions"]).Items.Single())["sourceIp"])["values"]).Items);
        }
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Every_eks_cluster_turns_creator_bootstrap_admin_off(string name)
    {
        var program = SecurityConfigs.Program(name);

        Assert.All(OfType(program, ResourceTypes.EksCluster), c =>
            Assert.Equal((Value)false, ((MapValue)c.Properties["accessConfig"])["bootstrapClusterCreatorAdminPermissions"]));
        Assert.Empty(Checked(new EksCreatorNotAdminRule(), program));
        // Somebody is admin: the named principals of the cluster's partition.
        Assert.All(OfType(program, ResourceTypes.EksCluster), c =>
            Assert.Contains(OfType(program, ResourceTypes.EksAccessEntry), e => e.Name.StartsWith(c.Name[..^"-eks".Length], StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Every_kms_key_has_an_explicit_policy_used_only_through_its_services(string name)
    {
        var program = SecurityConfigs.Program(name);
        var keys = OfType(program, ResourceTypes.KmsKey).ToArray();

        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var statements = Statements(key.Properties["policy"]).ToArray();
            var use = statements.Single(s => s["Sid"] == (Value)"UseThroughOwningServices");
            Assert.NotEmpty(((ListValue)((MapValue)((MapValue)use["Condition"])["StringEquals"])["kms:ViaService"]).Items);
            var admin = statements.Single(s => s["Sid"] == (Value)"KeyAdministration");
            Assert.DoesNotContain((Value)"kms:Decrypt", ((ListValue)admin["Action"]).Items);
            Assert.DoesNotContain((Value)"kms:CreateGrant", ((ListValue)admin["Action"]).Items);
        }

        Assert.Empty(Checked(new KmsKeyPolicyRule(), program));
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void No_instance_role_carries_the_ssm_managed_instance_core_policy(string name)
    {
        var program = SecurityConfigs.Program(name);

        Assert.DoesNotContain(OfType(program, ResourceTypes.IamRolePolicyAttachment),
            a => a.Properties["policyArn"] is Text t && t.Value.EndsWith("AmazonSSMManagedInstanceCore", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void The_registry_users_s3_permissions_require_its_regions_s3_endpoint(string name)
    {
        var program = SecurityConfigs.Program(name);
        foreach (var region in SecurityConfigs.Config(name).Regions)
        {
            var policy = program.Get($"{region.Name}-storage-registry-policy");
            var s3 = Statements(policy.Properties["policy"]).Where(s => ((ListValue)s["Action"]).Items.Cast<Text>().All(a => a.Value.StartsWith("s3:", StringComparison.Ordinal))).ToArray();
            Assert.Equal(2, s3.Length);
            Assert.All(s3, s => Assert.Equal(new Ref($"{region.Name}-network-s3-endpoint", "id"), ((MapValue)((MapValue)s["Condition"])["StringEquals"])["aws:SourceVpce"]));
            // The endpoint itself admits only the stack's buckets (and AWS's, read-only).
            var endpoint = Statements(program.Get($"{region.Name}-network-s3-endpoint").Properties["policy"]).ToArray();
            Assert.Contains((Value)$"arn:{(region.Side == Side.China ? "aws-cn" : "aws")}:s3:::registry-example-com-{region.Name}-registry/*",
                ((ListValue)endpoint.Single(s => s["Sid"] == (Value)"StackBuckets")["Resource"]).Items);
            Assert.Equal((Value)"s3:GetObject", endpoint.Single(s => s["Sid"] == (Value)"AwsOwnedReadOnly")["Action"]);
        }
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Prod_declares_a_trail_per_partition_and_a_detector_per_region_and_dev_does_not(string name)
    {
        var config = SecurityConfigs.Config(name);
        var program = SecurityConfigs.Program(name);
        var trails = OfType(program, ResourceTypes.CloudTrail).ToArray();
        var detectors = OfType(program, ResourceTypes.GuardDutyDetector).ToArray();

        if (config.Stage != Stage.Prod)
        {
            Assert.Empty(trails);
            Assert.Empty(detectors);
            return;
        }

        Assert.Equal(config.Regions.Select(r => r.Side).Distinct().Count(), trails.Length);
        Assert.All(trails, t => Assert.Equal((Value)true, t.Properties["isMultiRegionTrail"]));
        Assert.All(trails, t => Assert.Equal((Value)true, t.Properties["enableLogFileValidation"]));
        Assert.Equal(AccountAudit.DetectorRegions(config).Select(r => $"{r}-audit-guardduty"), detectors.Select(d => d.Name).Order(StringComparer.Ordinal));
        Assert.All(OfType(program, ResourceTypes.BucketObjectLockConfiguration).Where(l => l.Name.Contains("-audit-", StringComparison.Ordinal)),
            l => Assert.Equal((Value)"GOVERNANCE", ((MapValue)((MapValue)l.Properties["rule"])["defaultRetention"])["mode"]));
        Assert.Equal(trails.Length, OfType(program, ResourceTypes.BucketObjectLockConfiguration).Count(l => l.Name.Contains("-audit-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Managed_elsewhere_declares_no_audit_and_validate_lists_what_it_assumes()
    {
        var yaml = SecurityConfigs.Yaml("geo-both-internal-prod") + "  harbor-ha:audit:\n    managedElsewhere: true\n";
        var config = TestConfigs.ParseStrict(yaml);
        var program = Synthesizer.Build(config);

        Assert.Empty(OfType(program, ResourceTypes.CloudTrail));
        Assert.Empty(OfType(program, ResourceTypes.GuardDutyDetector));
        var dir = HarborHa.Tests.Cli.CliRunner.ProjectWith("geo", yaml);
        var result = HarborHa.Tests.Cli.CliRunner.Run(dir, null, "validate", "--stack", "geo");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("aws-cn account(s)", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("GuardDuty detector with S3 protection and EKS audit log monitoring in ap-southeast-1, ap-southeast-2, cn-north-1", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Every_declared_log_group_has_a_retention_and_rds_exports_go_to_declared_groups(string name)
    {
        var program = SecurityConfigs.Program(name);

        Assert.All(OfType(program, ResourceTypes.CloudWatchLogGroup), g => Assert.IsType<Number>(g.Properties["retentionInDays"]));
        Assert.DoesNotContain(Checked(new LogRetentionRule(), program), f => !f.Accepted);
        foreach (var db in OfType(program, ResourceTypes.RdsInstance).Where(r => r.Name.EndsWith("-db-instance", StringComparison.Ordinal)))
        {
            Assert.All(db.Options.DependsOn, d => Assert.Equal(ResourceTypes.CloudWatchLogGroup, program.Get(d.Target).Type));
            Assert.Equal(2, db.Options.DependsOn.Count);
        }
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void A_network_policy_guards_the_harbor_namespace(string name)
    {
        var program = SecurityConfigs.Program(name);
        foreach (var region in SecurityConfigs.Config(name).Regions)
        {
            var all = program.Get($"{region.Name}-harbor-network-policy-namespace-only");
            Assert.Equal(new Ref($"{region.Name}-harbor-namespace", "metadata.name"), ((MapValue)all.Properties["metadata"])["namespace"]);
            Assert.Empty((MapValue)((MapValue)all.Properties["spec"])["podSelector"]);
            var nginx = program.Get($"{region.Name}-harbor-network-policy-load-balancers");
            var rule = (MapValue)((ListValue)((MapValue)nginx.Properties["spec"])["ingress"]).Items.Single();
            Assert.Equal((Value)HarborHa.Planning.NetworkPlan.VpcOf(region), ((MapValue)((MapValue)((ListValue)rule["from"]).Items.Single())["ipBlock"])["cidr"]);
            // The VPC CNI enforces it.
            Assert.Equal((Value)"true", ((MapValue)((ToJson)program.Get($"{region.Name}-cluster-addon-vpc-cni").Properties["configurationValues"]).Inner)["enableNetworkPolicy"]);
        }
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Internal_regions_tag_no_public_subnet_for_load_balancers(string name)
    {
        var program = SecurityConfigs.Program(name);
        var tagged = OfType(program, ResourceTypes.Subnet).Where(s => ((MapValue)s.Properties["tags"]).ContainsKey("kubernetes.io/role/elb"));

        if (name.Contains("-internal-", StringComparison.Ordinal))
        {
            Assert.Empty(tagged);
        }
        else
        {
            Assert.NotEmpty(tagged);
        }
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void The_new_rules_pass_on_every_generated_stack(string name)
    {
        var config = SecurityConfigs.Config(name);
        var program = SecurityConfigs.Program(name);
        ICheckRule[] rules = [new AlbWebAclRule(), new AlbOpenIngressRule(), new LogRetentionRule(), new EksCreatorNotAdminRule(), new KmsKeyPolicyRule(), new ApplianceAmiPinnedRule(), new ImageDigestRule()];

        var failures = CheckRunner.Run(program, rules).Failures.SelectMany(f => f.Findings.Select(x => $"{f.Rule.Id}: {x.Resource}: {x.Message}"));
        Assert.Empty(failures);
    }

    [Fact]
    public void Public_exposure_without_client_cidrs_is_refused_with_exit_2_naming_the_key()
    {
        var yaml = SecurityConfigs.Yaml("ha-overseas-public-prod").Replace("  harbor-ha:clientCidrs: [203.0.113.0/24]\n", "", StringComparison.Ordinal);
        var dir = HarborHa.Tests.Cli.CliRunner.ProjectWith("case", yaml);

        var result = HarborHa.Tests.Cli.CliRunner.Run(dir, null, "synth", "--stack", "case");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("harbor-ha:clientCidrs: is required with exposure public", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A rule's findings on a program as <c>infra check</c> reports them (accepted trade-offs marked).</summary>
    private static IEnumerable<HarborHa.Checks.Finding> Checked(HarborHa.Checks.ICheckRule rule, HarborHa.Model.PulumiProgram program) =>
        HarborHa.Checks.CheckRunner.Run(program, [rule]).Results.Single().Findings;
}
