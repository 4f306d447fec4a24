using HarborHa.Checks;
using HarborHa.Model;
using HarborHa.Tests.Support;
using Xunit;
using static HarborHa.Tests.Checks.ShippedPrograms;

namespace HarborHa.Tests.Checks;

/// <summary>
/// Each rule passes on every program we ship and fails on a mutation of it that breaks exactly what
/// the rule guards: every case changes one thing in a real synthesized program (staging: ha, public;
/// prod: geo with VPN appliances and Dragonfly) and expects that one rule, and no other, to fail on the
/// changed resource.
/// </summary>
public sealed class RuleTests
{
    private static MapValue Statement(string effect, MapValue? condition) => new()
    {
        ["Effect"] = effect,
        ["Principal"] = "*",
        ["Action"] = "s3:*",
        ["Resource"] = "*",
        ["Condition"] = condition ?? new MapValue(),
    };

    private static Ref Id(string name) => new(name, "id");

    private static Resource OnStaging(string name, string type, MapValue properties, bool protect = false) =>
        Extra(name, type, properties, N("aws"), protect);

    /// <summary>Case name → (program, rule expected to fail, resource it must flag, the edit).</summary>
    private static readonly Dictionary<string, (Func<PulumiProgram> Program, string Rule, string Resource, Func<PulumiProgram, PulumiProgram> Edit)> Cases = new()
    {
        ["internet-facing load balancer without its web ACL"] = (Staging, "alb-web-acl", N("lb-public-alb"), p => p.Without(N("lb-public-waf-association"))),
        ["load balancer opened to everyone"] = (Staging, "alb-open-ingress", N("lb-public-sg-from-clients-203-0-113-0-24-443"),
            p => p.Set(N("lb-public-sg-from-clients-203-0-113-0-24-443"), "cidrIpv4", "0.0.0.0/0")),
        ["log group kept forever"] = (Staging, "log-retention", N("cluster-logs"), p => p.Unset(N("cluster-logs"), "retentionInDays")),
        ["cluster creator made admin"] = (Staging, "eks-creator-not-admin", N("cluster-eks"), p => p.Set(N("cluster-eks"), "accessConfig.bootstrapClusterCreatorAdminPermissions", true)),
        ["key on the default key policy"] = (Staging, "kms-key-policy", N("state-key"), p => p.Unset(N("state-key"), "policy")),
        ["appliance image looked up at deploy time"] = (Prod, "appliance-ami-pinned", Cn("vpn-appliance-a"), p => p.Set(Cn("vpn-appliance-a"), "ami",
            new Invoke(ResourceTypes.GetAmi, new MapValue { ["mostRecent"] = true, ["owners"] = Value.List("837727238323") }, new Ref("cn-north-1-aws"), "id"))),
        ["Harbor on a floating tag"] = (Staging, "image-digest", N("harbor-release"), p => p.Set(N("harbor-release"), "values.core.image.tag", "latest")),
        ["rds storage not encrypted"] = (Staging, "rds-encrypted", N("db-instance"), p => p.Set(N("db-instance"), "storageEncrypted", false)),
        ["rds encryption left to the default"] = (Staging, "rds-encrypted", N("db-instance"), p => p.Unset(N("db-instance"), "storageEncrypted")),
        ["redis not encrypted at rest"] = (Staging, "cache-encrypted", N("cache-group"), p => p.Set(N("cache-group"), "atRestEncryptionEnabled", false)),
        ["bucket without SSE configuration"] = (Staging, "s3-encrypted", N("storage-bucket"), p => p.Without(N("storage-bucket-encryption"))),
        ["appliance root volume not encrypted"] = (Prod, "ebs-encrypted", Cn("vpn-appliance-a"), p => p.Set(Cn("vpn-appliance-a"), "rootBlockDevice.encrypted", false)),
        ["appliance without a root device block"] = (Prod, "ebs-encrypted", Cn("vpn-appliance-b"), p => p.Unset(Cn("vpn-appliance-b"), "rootBlockDevice")),
        ["node volume not encrypted"] = (Staging, "ebs-encrypted", N("cluster-node-template"), p => p.Set(N("cluster-node-template"), "blockDeviceMappings",
            Value.List(new MapValue { ["deviceName"] = "/dev/xvda", ["ebs"] = new MapValue { ["volumeSize"] = 100 } }))),
        ["launch template without block devices"] = (Staging, "ebs-encrypted", N("cluster-node-template"), p => p.Unset(N("cluster-node-template"), "blockDeviceMappings")),
        ["unencrypted stand-alone volume"] = (Staging, "ebs-encrypted", N("cluster-scratch"), p => p.With(OnStaging(N("cluster-scratch"), ResourceTypes.EbsVolume,
            new MapValue { ["availabilityZone"] = Overseas + "a", ["size"] = 10 }, protect: true))),
        ["cluster secrets not encrypted"] = (Staging, "eks-secrets-encrypted", N("cluster-eks"), p => p.Unset(N("cluster-eks"), "encryptionConfig")),
        ["cluster encrypts something else"] = (Staging, "eks-secrets-encrypted", N("cluster-eks"), p => p.Set(N("cluster-eks"), "encryptionConfig.resources", Value.List("configmaps"))),

        ["listener on the outdated default policy"] = (Staging, "tls-policy", N("lb-public-https"), p => p.Set(N("lb-public-https"), "sslPolicy", "ELBSecurityPolicy-2016-08")),
        ["listener without a policy"] = (Staging, "tls-policy", N("lb-public-https"), p => p.Unset(N("lb-public-https"), "sslPolicy")),
        ["HTTP listener forwards"] = (Staging, "http-redirects-to-https", N("lb-public-http"), p => p.Set(N("lb-public-http"), "defaultActions",
            Value.List(new MapValue { ["type"] = "forward", ["targetGroupArn"] = new Ref(N("lb-public-tg"), "arn") }))),
        ["redis without TLS"] = (Staging, "redis-tls", N("cache-group"), p => p.Set(N("cache-group"), "transitEncryptionEnabled", false)),
        ["redis TLS only preferred"] = (Staging, "redis-tls", N("cache-group"), p => p.Set(N("cache-group"), "transitEncryptionMode", "preferred")),
        ["redis without AUTH"] = (Staging, "redis-tls", N("cache-group"), p => p.Unset(N("cache-group"), "authToken")),
        ["Dragonfly cache no longer accepting clear text"] = (Prod, "redis-tls", N("dragonfly-cache"), p => p.Unaccept(N("dragonfly-cache"), "redis-tls")),
        ["postgres SSL not forced"] = (Staging, "postgres-ssl", N("db-instance"), p => p.Set(N("db-params"), "parameters",
            Value.List(new MapValue { ["name"] = "rds.force_ssl", ["value"] = "0" }))),
        ["postgres on a default parameter group"] = (Staging, "postgres-ssl", N("db-instance"), p => p.Set(N("db-instance"), "parameterGroupName", "default.postgres15")),

        ["database publicly accessible"] = (Staging, "stateful-not-public", N("db-instance"), p => p.Set(N("db-instance"), "publiclyAccessible", true)),
        ["database in public subnets"] = (Staging, "stateful-not-public", N("db-instance"), p => p.Set(N("db-subnets"), "subnetIds",
            Value.List(Id(N("network-public-a")), Id(N("network-public-b")), Id(N("network-public-c"))))),
        ["database without a subnet group"] = (Staging, "stateful-not-public", N("db-instance"), p => p.Unset(N("db-instance"), "dbSubnetGroupName")),
        ["cache admits a public CIDR"] = (Staging, "stateful-not-public", N("cache-group"), p => p.With(OnStaging(N("cache-sg-from-office"), ResourceTypes.IngressRule,
            new MapValue { ["securityGroupId"] = Id(N("cache-sg")), ["cidrIpv4"] = "203.0.113.0/24", ["ipProtocol"] = "tcp", ["fromPort"] = 6379, ["toPort"] = 6379 }))),
        ["nodes open on 443"] = (Staging, "open-ingress", N("cluster-nodes-sg-from-internet"), p => p.With(OnStaging(N("cluster-nodes-sg-from-internet"), ResourceTypes.IngressRule,
            new MapValue { ["securityGroupId"] = Id(N("cluster-nodes-sg")), ["cidrIpv4"] = "0.0.0.0/0", ["ipProtocol"] = "tcp", ["fromPort"] = 443, ["toPort"] = 443 }))),
        ["inline ingress open on all protocols"] = (Staging, "open-ingress", N("network-debug-sg"), p => p.With(OnStaging(N("network-debug-sg"), ResourceTypes.SecurityGroup,
            new MapValue
            {
                ["vpcId"] = Id(N("network-vpc")),
                ["ingress"] = Value.List(new MapValue { ["protocol"] = "-1", ["fromPort"] = 0, ["toPort"] = 0, ["cidrBlocks"] = Value.List("0.0.0.0/0") }),
            }))),
        ["EKS API public by default"] = (Staging, "eks-api-restricted", N("cluster-eks"), p => p.Unset(N("cluster-eks"), "vpcConfig.endpointPublicAccess")),
        ["EKS API public to everyone"] = (Staging, "eks-api-restricted", N("cluster-eks"), p => p
            .Set(N("cluster-eks"), "vpcConfig.endpointPublicAccess", true).Set(N("cluster-eks"), "vpcConfig.publicAccessCidrs", Value.List("0.0.0.0/0"))),
        ["appliance allows IMDSv1"] = (Prod, "imdsv2-required", Cn("vpn-appliance-a"), p => p.Set(Cn("vpn-appliance-a"), "metadataOptions.httpTokens", "optional")),
        ["launch template allows IMDSv1"] = (Staging, "imdsv2-required", N("cluster-node-template"), p => p.Unset(N("cluster-node-template"), "metadataOptions")),
        ["appliance gets a public IP"] = (Prod, "ec2-no-public-ip", Cn("vpn-appliance-a"), p => p.Set(Cn("vpn-appliance-a"), "associatePublicIpAddress", true)),
        ["nodes get public IPs"] = (Staging, "ec2-no-public-ip", N("cluster-node-template"), p => p.Set(N("cluster-node-template"), "networkInterfaces",
            Value.List(new MapValue { ["associatePublicIpAddress"] = "true" }))),

        ["bucket versioning suspended"] = (Staging, "s3-versioning", N("storage-bucket"), p => p.Set(N("storage-bucket-versioning"), "versioningConfiguration.status", "Suspended")),
        ["bucket public policy allowed"] = (Staging, "s3-public-access-block", N("storage-bucket"), p => p.Set(N("storage-bucket-public-access"), "blockPublicPolicy", false)),
        ["log bucket without public access block"] = (Staging, "s3-public-access-block", N("logs"), p => p.Without(N("logs-public-access"))),
        ["bucket policy does not deny plain HTTP"] = (Staging, "s3-tls-only", N("storage-bucket"), p => p.Set(N("storage-bucket-tls-only"), "policy",
            new ToJson(new MapValue { ["Statement"] = Value.List(Statement("Allow", new MapValue { ["Bool"] = new MapValue { ["aws:SecureTransport"] = "false" } })) }))),
        ["bucket policy as JSON text without the condition"] = (Staging, "s3-tls-only", N("storage-bucket"), p => p.Set(N("storage-bucket-tls-only"), "policy",
            """{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}""")),
        ["bucket without access logs"] = (Staging, "s3-access-logging", N("storage-bucket"), p => p.Without(N("storage-bucket-access-logging"))),

        ["VPC without flow log"] = (Staging, "vpc-flow-logs", N("network-vpc"), p => p.Without(N("network-flow-log"))),
        ["ALB access logs off"] = (Staging, "alb-access-logs", N("lb-public-alb"), p => p.Set(N("lb-public-alb"), "accessLogs.enabled", false)),
        ["EKS audit log off"] = (Staging, "eks-control-plane-logs", N("cluster-eks"), p => p.Set(N("cluster-eks"), "enabledClusterLogTypes", Value.List("api"))),
        ["postgres log not exported"] = (Staging, "rds-log-exports", N("db-instance"), p => p.Set(N("db-instance"), "enabledCloudwatchLogsExports", Value.List("upgrade"))),

        ["database not protected"] = (Staging, "stateful-protected", N("db-instance"), p => p.Options(N("db-instance"), o => o with { Protect = false })),
        ["bucket not protected"] = (Prod, "stateful-protected", Cn("storage-bucket"), p => p.Options(Cn("storage-bucket"), o => o with { Protect = false })),
        ["DNS zone not protected"] = (Staging, "stateful-protected", "global-dns-zone", p => p.Options("global-dns-zone", o => o with { Protect = false })),
        ["database deletion protection off"] = (Staging, "rds-deletion-protection", N("db-instance"), p => p.Set(N("db-instance"), "deletionProtection", false)),
        ["database skips its final snapshot"] = (Staging, "rds-deletion-protection", N("db-instance"), p => p.Set(N("db-instance"), "skipFinalSnapshot", true)),
        ["database without final snapshot name"] = (Staging, "rds-deletion-protection", N("db-instance"), p => p.Unset(N("db-instance"), "finalSnapshotIdentifier")),
        ["ALB deletion protection off"] = (Staging, "lb-deletion-protection", N("lb-public-alb"), p => p.Set(N("lb-public-alb"), "enableDeletionProtection", false)),
        ["database backups off"] = (Staging, "rds-backups", N("db-instance"), p => p.Set(N("db-instance"), "backupRetentionPeriod", 0)),

        ["literal database password"] = (Staging, "no-literal-secrets", N("db-instance"), p => p.Set(N("db-instance"), "password", "hunter2hunter2")),
        ["fn::secret around a literal"] = (Staging, "no-literal-secrets", N("cache-group"), p => p.Set(N("cache-group"), "authToken", new Secret(new Text("token-in-clear")))),
        ["literal in a Kubernetes secret"] = (Staging, "no-literal-secrets", N("harbor-s3-secret"), p => p.Set(N("harbor-s3-secret"), "stringData.REGISTRY_STORAGE_S3_SECRETKEY", "abc123")),
        ["access key id in a tag"] = (Staging, "no-literal-secrets", N("storage-registry-user"), p => p.Set(N("storage-registry-user"), "tags", new MapValue { ["note"] = "old key AKIAABCDEFGHIJKLMNOP" })),
        ["private key in user data"] = (Prod, "no-literal-secrets", Cn("vpn-appliance-a"), p => p.Set(Cn("vpn-appliance-a"), "userData",
            "#!/bin/sh\ncat > /etc/key.pem <<EOF\n-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\nEOF\n")),
        ["password inside a connection URL"] = (Staging, "no-literal-secrets", N("harbor-s3-secret"), p => p.Set(N("harbor-s3-secret"), "metadata.annotations",
            new MapValue { ["example"] = "postgres://harbor:s3cr3t@db.internal:5432/registry" })),

        ["resource on another region's provider"] = (Staging, "provider-region", N("lb-public-alb"), p => p
            .With(new Resource("eu-west-1-aws", ResourceTypes.AwsProvider, new MapValue { ["region"] = "eu-west-1" }, new ResourceOptions { Version = "7.48.0" }))
            .Options(N("lb-public-alb"), o => o with { Provider = new Ref("eu-west-1-aws") })),
        ["resource region argument elsewhere"] = (Staging, "provider-region", N("db-instance"), p => p.Set(N("db-instance"), "region", "ap-southeast-2")),
        ["resource name without a region"] = (Staging, "provider-region", "harbor-bucket-notes", p => p.With(new Resource("harbor-bucket-notes", ResourceTypes.SsmParameter,
            new MapValue { ["type"] = "String", ["value"] = "x" }, new ResourceOptions { Provider = new Ref(N("aws")) }))),
        ["provider without a region"] = (Staging, "provider-region", "us-east-1-aws", p => p.Unset("us-east-1-aws", "region")),
        ["provider not named for its region"] = (Staging, "provider-region", "us-east-1-aws", p => p.Set("us-east-1-aws", "region", "us-east-2")),
        ["one overseas provider with another profile"] = (Prod, "provider-region", N("aws"), p => p.Set(N("aws"), "profile", "someone-elses")),
        ["China provider with the overseas profile"] = (Prod, "provider-region", Cn("aws"), p => p.Set(Cn("aws"), "profile", "harbor-global")),
        ["DR copy in the other partition"] = (Prod, "provider-region", Cn("storage-dr-bucket"), p => p.Options(Cn("storage-dr-bucket"), o => o with { Provider = new Ref("ap-southeast-2-aws") })),
        ["DR copies of one region in two regions"] = (Prod, "provider-region", N("state-dr-key"), p => p
            .Options(N("state-dr-key"), o => o with { Provider = new Ref("eu-west-1-aws") })
            .Options(N("state-dr-key-alias"), o => o with { Provider = new Ref("eu-west-1-aws") })),
        ["Kubernetes provider named for no region"] = (Staging, "provider-region", "harbor-k8s", p => p.With(new Resource("harbor-k8s", ResourceTypes.KubernetesProvider,
            new MapValue(), new ResourceOptions { Version = "4.34.2" }))),

        ["NAT shared across zones"] = (Staging, "az-loss", N("network-nat-a"), p => p.Set(N("network-private-route-internet-b"), "natGatewayId", Id(N("network-nat-a")))),
        ["single-AZ database"] = (Staging, "az-loss", N("db-instance"), p => p.Set(N("db-instance"), "multiAz", false)),
        ["cache without failover"] = (Staging, "az-loss", N("cache-group"), p => p.Set(N("cache-group"), "automaticFailoverEnabled", false)),
        ["cache without replicas"] = (Staging, "az-loss", N("cache-group"), p => p.Set(N("cache-group"), "numCacheClusters", 1)),
        ["node group in one zone"] = (Staging, "az-loss", N("cluster-nodes"), p => p.Set(N("cluster-nodes"), "subnetIds", Value.List(Id(N("network-private-a"))))),
        ["zone routed through another zone's appliance"] = (Prod, "az-loss", Cn("vpn-appliance-a-eni"), p => p.Set(Cn("network-private-route-overseas-b"), "networkInterfaceId",
            Id(Cn("vpn-appliance-a-eni")))),
        ["single-site database no longer accepting one AZ"] = (Dev, "az-loss", N("db-instance"), p => p.Unaccept(N("db-instance"), "az-loss")),

        ["database backups kept only in the region"] = (Staging, "region-loss", N("aws"), p => p.Without(N("db-backups-dr"))),
        ["registry bucket not replicated"] = (Prod, "region-loss", "eu-central-1-aws", p => p.Without("eu-central-1-storage-replication")),
        ["registry bucket replication rule disabled"] = (Staging, "region-loss", N("aws"), p => p.Set(N("storage-replication"), "rules",
            Value.List(new MapValue { ["id"] = "registry-to-dr", ["status"] = "Disabled", ["filter"] = new MapValue { ["prefix"] = "" }, ["destination"] = new MapValue { ["bucket"] = new Ref(N("storage-dr-bucket"), "arn") } }))),
        ["appliance without detailed monitoring"] = (Prod, "ec2-detailed-monitoring", Cn("vpn-appliance-b"), p => p.Set(Cn("vpn-appliance-b"), "monitoring", false)),
        ["KMS key without rotation"] = (Staging, "kms-key-rotation", N("state-key"), p => p.Set(N("state-key"), "enableKeyRotation", false)),
        ["console login for the registry user"] = (Staging, "no-console-users", N("storage-registry-login"), p => p.With(OnStaging(N("storage-registry-login"), ResourceTypes.IamUserLoginProfile,
            new MapValue { ["user"] = new Ref(N("storage-registry-user"), "name") }))),
        ["group with inline and separate rules"] = (Staging, "sg-rule-conflicts", N("cache-sg"), p => p.Set(N("cache-sg"), "ingress",
            Value.List(new MapValue { ["protocol"] = "tcp", ["fromPort"] = 6379, ["toPort"] = 6379, ["securityGroups"] = Value.List(Id(N("cluster-nodes-sg"))) }))),
        ["role with managed policies and attachments"] = (Staging, "iam-policy-conflicts", N("cluster-role"), p => p.Set(N("cluster-role"), "managedPolicyArns",
            Value.List("arn:aws:iam::aws:policy/AmazonEKSVPCResourceController"))),
    };

    /// <summary>
    /// Cases whose edit also, rightly, breaks what another rule guards: the case's rule must still
    /// flag its resource, and these rules fail too.
    /// </summary>
    private static readonly Dictionary<string, string[]> AlsoFailing = new()
    {
        // The database moves into its DR region: its backups are then copied to the region it lives in.
        ["resource region argument elsewhere"] = ["region-loss"],
        // cn-north-1's DR bucket moves to the other partition: its objects have no copy in aws-cn any more.
        ["DR copy in the other partition"] = ["region-loss"],
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    public static TheoryData<string, string> StacksAndRules()
    {
        var data = new TheoryData<string, string>();
        foreach (var stack in TestConfigs.CommittedStacks())
        {
            foreach (var rule in CheckRegistry.All)
            {
                data.Add(stack, rule.Id);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, CheckReport> Reports = [];

    /// <summary>Each committed stack's report, built once: these tests only read it.</summary>
    private static CheckReport ReportOf(string stack)
    {
        lock (Reports)
        {
            if (!Reports.TryGetValue(stack, out var report))
            {
                Reports[stack] = report = CheckRunner.Run(Of(stack));
            }

            return report;
        }
    }

    [Theory]
    [MemberData(nameof(StacksAndRules))]
    public void Every_rule_passes_on_the_program_of_every_committed_stack(string stack, string rule)
    {
        var result = ReportOf(stack).Results.Single(r => r.Rule.Id == rule);

        Assert.False(result.Failed, string.Join("\n", result.Findings.Where(f => !f.Accepted).Select(f => $"{f.Resource}: {f.Message}")));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_rule_fails_on_a_mutation_that_breaks_what_it_guards(string name)
    {
        var (program, rule, resource, edit) = Cases[name];

        var report = CheckRunner.Run(edit(program()));

        Assert.Equal([rule, .. AlsoFailing.GetValueOrDefault(name, [])], report.Failures.Select(f => f.Rule.Id).OrderBy(id => id == rule ? 0 : 1));
        Assert.Contains(report.Failures.Single(f => f.Rule.Id == rule).Findings, f => f.Resource == resource && !f.Accepted);
    }

    [Fact]
    public void Every_registered_rule_has_a_failing_case()
    {
        var covered = Cases.Values.Select(c => c.Rule).ToHashSet();

        Assert.Empty(CheckRegistry.All.Select(r => r.Id).Except(covered));
    }

    [Fact]
    public void Rule_ids_are_unique_and_every_rule_states_a_reason()
    {
        Assert.Equal(CheckRegistry.All.Count, CheckRegistry.All.Select(r => r.Id).Distinct().Count());
        Assert.All(CheckRegistry.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
    }
}
