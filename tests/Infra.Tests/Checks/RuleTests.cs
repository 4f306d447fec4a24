using HarborHa.Checks;
using HarborHa.Model;
using Xunit;
using static HarborHa.Tests.Checks.SampleProgram;

namespace HarborHa.Tests.Checks;

/// <summary>
/// Each rule can fail: the sample program passes everything, and each case changes one setting and
/// expects exactly one rule to fail, naming the changed resource.
/// </summary>
public sealed class RuleTests
{
    private static string N(string role) => $"{R}-{role}";

    private static MapValue Statement(string effect, MapValue? condition) => new()
    {
        ["Effect"] = effect,
        ["Principal"] = "*",
        ["Action"] = "s3:*",
        ["Resource"] = "*",
        ["Condition"] = condition ?? new MapValue(),
    };

    private static Resource Extra(string name, string type, MapValue properties, bool protect = false) =>
        new(name, type, properties, new ResourceOptions { Provider = new Ref(N("aws")), Protect = protect });

    /// <summary>Case name → (rule expected to fail, resource it must flag, the edit).</summary>
    private static readonly Dictionary<string, (string Rule, string Resource, Func<PulumiProgram, PulumiProgram> Edit)> Cases = new()
    {
        ["rds storage not encrypted"] = ("rds-encrypted", N("db-instance"), p => p.Set(N("db-instance"), "storageEncrypted", false)),
        ["rds encryption left to the default"] = ("rds-encrypted", N("db-instance"), p => p.Unset(N("db-instance"), "storageEncrypted")),
        ["redis not encrypted at rest"] = ("cache-encrypted", N("cache-redis"), p => p.Set(N("cache-redis"), "atRestEncryptionEnabled", false)),
        ["bucket without SSE configuration"] = ("s3-encrypted", N("storage-registry"), p => p.Without(N("storage-registry-encryption"))),
        ["appliance root volume not encrypted"] = ("ebs-encrypted", N("vpn-appliance-a"), p => p.Set(N("vpn-appliance-a"), "rootBlockDevice.encrypted", false)),
        ["appliance without a root device block"] = ("ebs-encrypted", N("vpn-appliance-b"), p => p.Unset(N("vpn-appliance-b"), "rootBlockDevice")),
        ["launch template volume not encrypted"] = ("ebs-encrypted", N("cluster-nodes-lt"), p => p.Set(N("cluster-nodes-lt"), "blockDeviceMappings",
            Value.List(new MapValue { ["deviceName"] = "/dev/xvda", ["ebs"] = new MapValue { ["volumeSize"] = 80 } }))),
        ["launch template without block devices"] = ("ebs-encrypted", N("cluster-nodes-lt"), p => p.Unset(N("cluster-nodes-lt"), "blockDeviceMappings")),
        ["unencrypted stand-alone volume"] = ("ebs-encrypted", N("data-volume"), p => p.With(Extra(N("data-volume"), "aws:ebs/volume:Volume",
            new MapValue { ["availabilityZone"] = R + "a", ["size"] = 10 }, protect: true))),
        ["cluster secrets not encrypted"] = ("eks-secrets-encrypted", N("cluster-eks"), p => p.Unset(N("cluster-eks"), "encryptionConfig")),
        ["cluster encrypts something else"] = ("eks-secrets-encrypted", N("cluster-eks"), p => p.Set(N("cluster-eks"), "encryptionConfig.resources", Value.List("configmaps"))),
        ["unencrypted file system"] = ("efs-encrypted", N("shared-fs"), p => p.With(Extra(N("shared-fs"), "aws:efs/fileSystem:FileSystem", new MapValue(), protect: true))),

        ["listener on the outdated default policy"] = ("tls-policy", N("registry-https"), p => p.Set(N("registry-https"), "sslPolicy", "ELBSecurityPolicy-2016-08")),
        ["listener without a policy"] = ("tls-policy", N("registry-https"), p => p.Unset(N("registry-https"), "sslPolicy")),
        ["HTTP listener forwards"] = ("http-redirects-to-https", N("registry-http"), p => p.Set(N("registry-http"), "defaultActions",
            Value.List(new MapValue { ["type"] = "forward", ["targetGroupArn"] = "arn:aws:elasticloadbalancing:ap-southeast-1:123456789012:targetgroup/x/1" }))),
        ["redis without TLS"] = ("redis-tls", N("cache-redis"), p => p.Set(N("cache-redis"), "transitEncryptionEnabled", false)),
        ["redis TLS only preferred"] = ("redis-tls", N("cache-redis"), p => p.Set(N("cache-redis"), "transitEncryptionMode", "preferred")),
        ["redis without AUTH"] = ("redis-tls", N("cache-redis"), p => p.Unset(N("cache-redis"), "authToken")),
        ["postgres SSL not forced"] = ("postgres-ssl", N("db-instance"), p => p.Set(N("db-params"), "parameters",
            Value.List(new MapValue { ["name"] = "rds.force_ssl", ["value"] = "0" }))),
        ["postgres on a default parameter group"] = ("postgres-ssl", N("db-instance"), p => p.Set(N("db-instance"), "parameterGroupName", "default.postgres17")),

        ["database publicly accessible"] = ("stateful-not-public", N("db-instance"), p => p.Set(N("db-instance"), "publiclyAccessible", true)),
        ["database in public subnets"] = ("stateful-not-public", N("db-instance"), p => p.Set(N("db-subnets"), "subnetIds",
            new ListValue(Zones.Select(z => (Value)new Ref(N($"network-public-{z}"), "id")).ToArray()))),
        ["database without a subnet group"] = ("stateful-not-public", N("db-instance"), p => p.Unset(N("db-instance"), "dbSubnetGroupName")),
        ["cache admits a public CIDR"] = ("stateful-not-public", N("cache-redis"), p => p.With(Extra(N("cache-sg-from-office"),
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            new MapValue { ["securityGroupId"] = new Ref(N("cache-sg"), "id"), ["cidrIpv4"] = "203.0.113.0/24", ["ipProtocol"] = "tcp", ["fromPort"] = 6379, ["toPort"] = 6379 }))),
        ["ALB group opens SSH to the internet"] = ("open-ingress", N("registry-alb-sg-from-internet-443"), p => p
            .Set(N("registry-alb-sg-from-internet-443"), "fromPort", 22).Set(N("registry-alb-sg-from-internet-443"), "toPort", 22)),
        ["node group open on 443"] = ("open-ingress", N("nodes-from-internet"), p => p.With(Extra(N("nodes-from-internet"),
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            new MapValue { ["securityGroupId"] = new Ref(N("cluster-nodes-sg"), "id"), ["cidrIpv4"] = "0.0.0.0/0", ["ipProtocol"] = "tcp", ["fromPort"] = 443, ["toPort"] = 443 }))),
        ["inline ingress open on all protocols"] = ("open-ingress", N("vpn-appliance-sg"), p => p.Set(N("vpn-appliance-sg"), "ingress",
            Value.List(new MapValue { ["protocol"] = "-1", ["fromPort"] = 0, ["toPort"] = 0, ["cidrBlocks"] = Value.List("0.0.0.0/0") }))),
        ["EKS API public by default"] = ("eks-api-restricted", N("cluster-eks"), p => p.Unset(N("cluster-eks"), "vpcConfig.endpointPublicAccess")),
        ["EKS API public to everyone"] = ("eks-api-restricted", N("cluster-eks"), p => p
            .Set(N("cluster-eks"), "vpcConfig.endpointPublicAccess", true).Set(N("cluster-eks"), "vpcConfig.publicAccessCidrs", Value.List("0.0.0.0/0"))),
        ["appliance allows IMDSv1"] = ("imdsv2-required", N("vpn-appliance-a"), p => p.Set(N("vpn-appliance-a"), "metadataOptions.httpTokens", "optional")),
        ["launch template allows IMDSv1"] = ("imdsv2-required", N("cluster-nodes-lt"), p => p.Unset(N("cluster-nodes-lt"), "metadataOptions")),
        ["appliance gets a public IP"] = ("ec2-no-public-ip", N("vpn-appliance-a"), p => p.Set(N("vpn-appliance-a"), "associatePublicIpAddress", true)),
        ["internet-facing alb without a web acl"] = ("alb-web-acl", N("registry-alb"), p => p.Without(N("registry-waf-association"))),
        ["alb opened to the internet without the config asking"] = ("alb-open-ingress", N("registry-alb-sg-from-anywhere"), p => p.With(Extra(N("registry-alb-sg-from-anywhere"),
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", new MapValue
            {
                ["securityGroupId"] = new Ref(N("registry-alb-sg"), "id"),
                ["cidrIpv4"] = "0.0.0.0/0",
                ["ipProtocol"] = "tcp",
                ["fromPort"] = 443,
                ["toPort"] = 443,
            }))),
        ["log group kept forever"] = ("log-retention", N("db-logs-upgrade"), p => p.Unset(N("db-logs-upgrade"), "retentionInDays")),
        ["rds exports into a group rds creates"] = ("log-retention", N("db-instance"), p => p.Without(N("db-logs-postgresql"))),
        ["cluster makes its creator a hidden admin"] = ("eks-creator-not-admin", N("cluster-eks"), p => p.Set(N("cluster-eks"), "accessConfig.bootstrapClusterCreatorAdminPermissions", true)),
        ["kms key on the default policy"] = ("kms-key-policy", N("state-kms"), p => p.Unset(N("state-kms"), "policy")),
        ["appliance image looked up at deploy time"] = ("appliance-ami-pinned", N("vpn-appliance-a"), p => p.Set(N("vpn-appliance-a"), "ami",
            new Invoke("aws:ec2/getAmi:getAmi", new MapValue { ["mostRecent"] = true, ["owners"] = Value.List("837727238323") }, new Ref(N("aws")), "id"))),
        ["helm release on a floating tag"] = ("image-digest", N("harbor-release"), p => p.With(new Resource(N("harbor-release"), "kubernetes:helm.sh/v3:Release",
            new MapValue { ["chart"] = "harbor", ["values"] = new MapValue { ["core"] = new MapValue { ["image"] = new MapValue { ["repository"] = "docker.io/goharbor/harbor-core", ["tag"] = "latest" } } } },
            new ResourceOptions { Provider = new Ref(N("k8s")) }))),

        ["bucket versioning suspended"] = ("s3-versioning", N("storage-registry"), p => p.Set(N("storage-registry-versioning"), "versioningConfiguration.status", "Suspended")),
        ["bucket public policy allowed"] = ("s3-public-access-block", N("storage-registry"), p => p.Set(N("storage-registry-public-access"), "blockPublicPolicy", false)),
        ["bucket without public access block"] = ("s3-public-access-block", N("storage-logs"), p => p.Without(N("storage-logs-public-access"))),
        ["bucket policy does not deny plain HTTP"] = ("s3-tls-only", N("storage-registry"), p => p.Set(N("storage-registry-policy"), "policy",
            new ToJson(new MapValue { ["Statement"] = Value.List(Statement("Allow", new MapValue { ["Bool"] = new MapValue { ["aws:SecureTransport"] = "false" } })) }))),
        ["bucket policy as JSON text without the condition"] = ("s3-tls-only", N("storage-registry"), p => p.Set(N("storage-registry-policy"), "policy",
            """{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}""")),
        ["bucket without access logs"] = ("s3-access-logging", N("storage-registry"), p => p.Without(N("storage-registry-logging"))),

        ["VPC without flow log"] = ("vpc-flow-logs", N("network-vpc"), p => p.Without(N("network-flow-log"))),
        ["ALB access logs off"] = ("alb-access-logs", N("registry-alb"), p => p.Set(N("registry-alb"), "accessLogs.enabled", false)),
        ["EKS audit log off"] = ("eks-control-plane-logs", N("cluster-eks"), p => p.Set(N("cluster-eks"), "enabledClusterLogTypes", Value.List("api"))),
        ["postgres log not exported"] = ("rds-log-exports", N("db-instance"), p => p.Set(N("db-instance"), "enabledCloudwatchLogsExports", Value.List("upgrade"))),

        ["database not protected"] = ("stateful-protected", N("db-instance"), p => p.Options(N("db-instance"), o => o with { Protect = false })),
        ["bucket not protected"] = ("stateful-protected", N("storage-registry"), p => p.Options(N("storage-registry"), o => o with { Protect = false })),
        ["database deletion protection off"] = ("rds-deletion-protection", N("db-instance"), p => p.Set(N("db-instance"), "deletionProtection", false)),
        ["database skips its final snapshot"] = ("rds-deletion-protection", N("db-instance"), p => p.Set(N("db-instance"), "skipFinalSnapshot", true)),
        ["database without final snapshot name"] = ("rds-deletion-protection", N("db-instance"), p => p.Unset(N("db-instance"), "finalSnapshotIdentifier")),
        ["ALB deletion protection off"] = ("lb-deletion-protection", N("registry-alb"), p => p.Set(N("registry-alb"), "enableDeletionProtection", false)),
        ["database backups off"] = ("rds-backups", N("db-instance"), p => p.Set(N("db-instance"), "backupRetentionPeriod", 0)),

        ["literal database password"] = ("no-literal-secrets", N("db-instance"), p => p.Set(N("db-instance"), "password", "hunter2hunter2")),
        ["fn::secret around a literal"] = ("no-literal-secrets", N("cache-redis"), p => p.Set(N("cache-redis"), "authToken", new Secret(new Text("token-in-clear")))),
        ["literal in a Kubernetes secret"] = ("no-literal-secrets", N("harbor-s3-secret"), p => p.Set(N("harbor-s3-secret"), "stringData.REGISTRY_STORAGE_S3_SECRETKEY", "abc123")),
        ["access key id in a tag"] = ("no-literal-secrets", N("registry-user"), p => p.Set(N("registry-user"), "tags", new MapValue { ["note"] = "old key AKIAABCDEFGHIJKLMNOP" })),
        ["private key in user data"] = ("no-literal-secrets", N("vpn-appliance-a"), p => p.Set(N("vpn-appliance-a"), "userData",
            "#!/bin/sh\ncat > /etc/key.pem <<EOF\n-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\nEOF\n")),
        ["password inside a connection URL"] = ("no-literal-secrets", N("harbor-s3-secret"), p => p.Set(N("harbor-s3-secret"), "metadata.annotations", new MapValue { ["example"] = "postgres://harbor:s3cr3t@db.internal:5432/registry" })),

        ["resource on another region's provider"] = ("provider-region", N("registry-alb"), p => p
            .With(new Resource("eu-west-1-aws", "pulumi:providers:aws", new MapValue { ["region"] = "eu-west-1", ["profile"] = "harbor-global" }, new ResourceOptions { Version = "7.48.0" }))
            .Options(N("registry-alb"), o => o with { Provider = new Ref("eu-west-1-aws") })),
        ["resource region argument elsewhere"] = ("provider-region", N("db-instance"), p => p.Set(N("db-instance"), "region", "ap-southeast-2")),
        ["resource name without a region"] = ("provider-region", "harbor-bucket-notes", p => p.With(new Resource("harbor-bucket-notes", "aws:ssm/parameter:Parameter",
            new MapValue { ["type"] = "String", ["value"] = "x" }, new ResourceOptions { Provider = new Ref(N("aws")) }))),
        ["provider with the wrong profile"] = ("provider-region", N("aws"), p => p.Set(N("aws"), "profile", "someone-elses")),
        ["provider without a region"] = ("provider-region", N("aws"), p => p.Unset(N("aws"), "region")),

        ["NAT shared across zones"] = ("az-loss", N("network-nat-a"), p => p.Set(N("network-private-route-internet-b"), "natGatewayId", new Ref(N("network-nat-a"), "id"))),
        ["single-AZ database"] = ("az-loss", N("db-instance"), p => p.Set(N("db-instance"), "multiAz", false)),
        ["cache without failover"] = ("az-loss", N("cache-redis"), p => p.Set(N("cache-redis"), "automaticFailoverEnabled", false)),
        ["cache without replicas"] = ("az-loss", N("cache-redis"), p => p.Set(N("cache-redis"), "numCacheClusters", 1)),
        ["node group in one zone"] = ("az-loss", N("cluster-nodes"), p => p.Set(N("cluster-nodes"), "subnetIds", Value.List(new Ref(N("network-private-a"), "id")))),
        ["zone routed through another zone's appliance"] = ("az-loss", N("vpn-appliance-a"), p => p.Set(N("network-private-route-overseas-b"), "networkInterfaceId",
            new Ref(N("vpn-appliance-a"), "primaryNetworkInterfaceId"))),

        ["appliance without detailed monitoring"] = ("ec2-detailed-monitoring", N("vpn-appliance-b"), p => p.Set(N("vpn-appliance-b"), "monitoring", false)),
        ["KMS key without rotation"] = ("kms-key-rotation", N("state-kms"), p => p.Set(N("state-kms"), "enableKeyRotation", false)),
        ["console login"] = ("no-console-users", N("registry-login"), p => p.With(Extra(N("registry-login"), "aws:iam/userLoginProfile:UserLoginProfile",
            new MapValue { ["user"] = new Ref(N("registry-user"), "name") }))),
        ["group with inline and separate rules"] = ("sg-rule-conflicts", N("cache-sg"), p => p.Set(N("cache-sg"), "ingress",
            Value.List(new MapValue { ["protocol"] = "tcp", ["fromPort"] = 6379, ["toPort"] = 6379, ["securityGroups"] = Value.List(new Ref(N("cluster-nodes-sg"), "id")) }))),
        ["role with managed policies and attachments"] = ("iam-policy-conflicts", N("cluster-role"), p => p.Set(N("cluster-role"), "managedPolicyArns",
            Value.List("arn:aws:iam::aws:policy/AmazonEKSVPCResourceController"))),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Fact]
    public void The_sample_program_passes_every_rule()
    {
        var report = CheckRunner.Run(Build(), Config());

        Assert.Empty(report.Failures.Select(f => $"{f.Rule.Id}: {string.Join("; ", f.Findings.Select(x => $"{x.Resource}: {x.Message}"))}"));
        Assert.Empty(report.AzLoss.Losses);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_rule_fails_on_the_setting_it_guards(string name)
    {
        var (rule, resource, edit) = Cases[name];

        var report = CheckRunner.Run(edit(Build()), Config());

        Assert.Equal([rule], report.Failures.Select(f => f.Rule.Id));
        Assert.Contains(report.Failures.Single().Findings, f => f.Resource == resource && !f.Accepted);
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
