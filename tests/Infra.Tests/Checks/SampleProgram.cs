using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Checks;

/// <summary>
/// A hand-built program with the resource shapes the other components declare (RDS, ElastiCache,
/// S3 and its settings resources, EKS, node groups, ALB, VPN appliances, KMS, IAM, Kubernetes), set
/// up to pass every rule. Negative tests change one thing and expect exactly one rule to fail.
/// Property names follow the aws 7.48.0 SDK.
/// </summary>
public static class SampleProgram
{
    public const string R = "ap-southeast-1";

    public static readonly string[] Zones = ["a", "b", "c"];

    public static StackConfig Config(string environment = "prod", string topology = "ha") => TestConfigs.Parse($"""
        config:
          harbor-ha:topology: {topology}
          harbor-ha:environment: {environment}
          harbor-ha:domain: registry.example.com
          harbor-ha:awsProfile: harbor-global
          harbor-ha:regions:
            - name: {R}
              slot: 0
              drRegion: ap-southeast-2
        """);

    private static string N(string role) => $"{R}-{role}";

    private static Ref P => new(N("aws"));

    private static ResourceOptions On(Ref provider, bool protect = false) => new() { Provider = provider, Protect = protect };

    public static PulumiProgram Build()
    {
        var p = new PulumiProgram("harbor-ha");
        p.Add(N("aws"), "pulumi:providers:aws", new MapValue { ["region"] = R, ["profile"] = "harbor-global" }, new ResourceOptions { Version = "7.48.0" });
        p.Add("global-random", "pulumi:providers:random", new MapValue(), new ResourceOptions { Version = "4.21.2" });
        Network(p);
        State(p);
        Cluster(p);
        LoadBalancer(p);
        Appliances(p);
        ProgramValidator.EnsureValid(p);
        return p;
    }

    private static void Network(PulumiProgram p)
    {
        p.Add(N("network-vpc"), "aws:ec2/vpc:Vpc", new MapValue { ["cidrBlock"] = "10.128.0.0/16" }, On(P));
        p.Add(N("network-igw"), "aws:ec2/internetGateway:InternetGateway", new MapValue { ["vpcId"] = new Ref(N("network-vpc"), "id") }, On(P));
        p.Add(N("network-flow-log"), "aws:ec2/flowLog:FlowLog", new MapValue
        {
            ["vpcId"] = new Ref(N("network-vpc"), "id"),
            ["trafficType"] = "ALL",
        }, On(P));
        var i = 0;
        foreach (var z in Zones)
        {
            foreach (var tier in new[] { "public", "private", "data" })
            {
                p.Add(N($"network-{tier}-{z}"), "aws:ec2/subnet:Subnet", new MapValue
                {
                    ["vpcId"] = new Ref(N("network-vpc"), "id"),
                    ["cidrBlock"] = $"10.128.{i++}.0/24",
                    ["availabilityZone"] = R + z,
                }, On(P));
                p.Add(N($"network-{tier}-rt-{z}"), "aws:ec2/routeTable:RouteTable", new MapValue { ["vpcId"] = new Ref(N("network-vpc"), "id") }, On(P));
                p.Add(N($"network-{tier}-rta-{z}"), "aws:ec2/routeTableAssociation:RouteTableAssociation", new MapValue
                {
                    ["subnetId"] = new Ref(N($"network-{tier}-{z}"), "id"),
                    ["routeTableId"] = new Ref(N($"network-{tier}-rt-{z}"), "id"),
                }, On(P));
            }

            p.Add(N($"network-nat-eip-{z}"), "aws:ec2/eip:Eip", new MapValue { ["domain"] = "vpc" }, On(P));
            p.Add(N($"network-nat-{z}"), "aws:ec2/natGateway:NatGateway", new MapValue
            {
                ["allocationId"] = new Ref(N($"network-nat-eip-{z}"), "id"),
                ["subnetId"] = new Ref(N($"network-public-{z}"), "id"),
            }, On(P));
            p.Add(N($"network-public-route-internet-{z}"), "aws:ec2/route:Route", new MapValue
            {
                ["routeTableId"] = new Ref(N($"network-public-rt-{z}"), "id"),
                ["destinationCidrBlock"] = "0.0.0.0/0",
                ["gatewayId"] = new Ref(N("network-igw"), "id"),
            }, On(P));
            p.Add(N($"network-private-route-internet-{z}"), "aws:ec2/route:Route", new MapValue
            {
                ["routeTableId"] = new Ref(N($"network-private-rt-{z}"), "id"),
                ["destinationCidrBlock"] = "0.0.0.0/0",
                ["natGatewayId"] = new Ref(N($"network-nat-{z}"), "id"),
            }, On(P));
        }

        Group(p, "cluster-nodes-sg");
    }

    private static void Group(PulumiProgram p, string role) =>
        p.Add(N(role), "aws:ec2/securityGroup:SecurityGroup", new MapValue
        {
            ["vpcId"] = new Ref(N("network-vpc"), "id"),
            ["description"] = role,
        }, On(P));

    private static void AllowFromNodes(PulumiProgram p, string group, int port) =>
        p.Add(N($"{group}-from-nodes-{port}"), "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", new MapValue
        {
            ["securityGroupId"] = new Ref(N(group), "id"),
            ["referencedSecurityGroupId"] = new Ref(N("cluster-nodes-sg"), "id"),
            ["ipProtocol"] = "tcp",
            ["fromPort"] = port,
            ["toPort"] = port,
        }, On(P));

    private static ListValue DataSubnets() => new(Zones.Select(z => (Value)new Ref(N($"network-data-{z}"), "id")).ToArray());

    private static ListValue PrivateSubnets() => new(Zones.Select(z => (Value)new Ref(N($"network-private-{z}"), "id")).ToArray());

    private static void State(PulumiProgram p)
    {
        p.Add(N("state-kms"), "aws:kms/key:Key", new MapValue
        {
            ["enableKeyRotation"] = true,
            ["description"] = "harbor-ha state",
            ["policy"] = new ToJson(new MapValue
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = Value.List(new MapValue
                {
                    ["Sid"] = "UseThroughOwningServices",
                    ["Effect"] = "Allow",
                    ["Principal"] = new MapValue { ["AWS"] = "arn:aws:iam::123456789012:root" },
                    ["Action"] = Value.List("kms:Decrypt", "kms:GenerateDataKey*"),
                    ["Resource"] = "*",
                    ["Condition"] = new MapValue { ["StringEquals"] = new MapValue { ["kms:ViaService"] = "rds.ap-southeast-1.amazonaws.com" } },
                }),
            }),
        }, On(P, protect: true));
        foreach (var log in new[] { "postgresql", "upgrade" })
        {
            p.Add(N($"db-logs-{log}"), "aws:cloudwatch/logGroup:LogGroup", new MapValue
            {
                ["name"] = $"/aws/rds/instance/{N("harbor")}/{log}",
                ["retentionInDays"] = 90,
            }, On(P));
        }

        p.Add(N("db-password"), "random:index/randomPassword:RandomPassword", new MapValue { ["length"] = 32, ["special"] = false },
            new ResourceOptions { Provider = new Ref("global-random") });
        p.Add(N("db-params"), "aws:rds/parameterGroup:ParameterGroup", new MapValue
        {
            ["family"] = "postgres17",
            ["parameters"] = Value.List(new MapValue { ["name"] = "rds.force_ssl", ["value"] = "1" }),
        }, On(P));
        p.Add(N("db-subnets"), "aws:rds/subnetGroup:SubnetGroup", new MapValue { ["subnetIds"] = DataSubnets() }, On(P));
        Group(p, "db-sg");
        AllowFromNodes(p, "db-sg", 5432);
        p.Add(N("db-instance"), "aws:rds/instance:Instance", new MapValue
        {
            ["identifier"] = N("harbor"),
            ["engine"] = "postgres",
            ["engineVersion"] = "17.4",
            ["instanceClass"] = "db.r6g.large",
            ["allocatedStorage"] = 100,
            ["username"] = "harbor",
            ["password"] = new Ref(N("db-password"), "result"),
            ["storageEncrypted"] = true,
            ["kmsKeyId"] = new Ref(N("state-kms"), "arn"),
            ["multiAz"] = true,
            ["publiclyAccessible"] = false,
            ["deletionProtection"] = true,
            ["skipFinalSnapshot"] = false,
            ["finalSnapshotIdentifier"] = N("harbor-final"),
            ["backupRetentionPeriod"] = 14,
            ["enabledCloudwatchLogsExports"] = Value.List("postgresql", "upgrade"),
            ["dbSubnetGroupName"] = new Ref(N("db-subnets"), "name"),
            ["parameterGroupName"] = new Ref(N("db-params"), "name"),
            ["vpcSecurityGroupIds"] = Value.List(new Ref(N("db-sg"), "id")),
        }, On(P, protect: true));

        p.Add(N("cache-token"), "random:index/randomPassword:RandomPassword", new MapValue { ["length"] = 64, ["special"] = false },
            new ResourceOptions { Provider = new Ref("global-random") });
        p.Add(N("cache-subnets"), "aws:elasticache/subnetGroup:SubnetGroup", new MapValue { ["subnetIds"] = DataSubnets() }, On(P));
        Group(p, "cache-sg");
        AllowFromNodes(p, "cache-sg", 6379);
        p.Add(N("cache-redis"), "aws:elasticache/replicationGroup:ReplicationGroup", new MapValue
        {
            ["description"] = "harbor",
            ["engine"] = "redis",
            ["nodeType"] = "cache.r6g.large",
            ["numCacheClusters"] = 3,
            ["automaticFailoverEnabled"] = true,
            ["multiAzEnabled"] = true,
            ["atRestEncryptionEnabled"] = true,
            ["transitEncryptionEnabled"] = true,
            ["transitEncryptionMode"] = "required",
            ["authToken"] = new Secret(new Ref(N("cache-token"), "result")),
            ["authTokenUpdateStrategy"] = "ROTATE",
            ["subnetGroupName"] = new Ref(N("cache-subnets"), "name"),
            ["securityGroupIds"] = Value.List(new Ref(N("cache-sg"), "id")),
        }, On(P, protect: true));

        Bucket(p, "storage-logs", logTarget: true);
        Bucket(p, "storage-registry", logTarget: false);
    }

    private static void Bucket(PulumiProgram p, string role, bool logTarget)
    {
        var bucket = new Ref(N(role), "id");
        p.Add(N(role), "aws:s3/bucket:Bucket", new MapValue { ["bucket"] = $"harbor-{role}-example" }, On(P, protect: true));
        p.Add(N($"{role}-versioning"), "aws:s3/bucketVersioning:BucketVersioning", new MapValue
        {
            ["bucket"] = bucket,
            ["versioningConfiguration"] = new MapValue { ["status"] = "Enabled" },
        }, On(P));
        p.Add(N($"{role}-encryption"), "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", new MapValue
        {
            ["bucket"] = bucket,
            ["rules"] = Value.List(new MapValue { ["applyServerSideEncryptionByDefault"] = new MapValue { ["sseAlgorithm"] = "aws:kms" } }),
        }, On(P));
        p.Add(N($"{role}-public-access"), "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", new MapValue
        {
            ["bucket"] = bucket,
            ["blockPublicAcls"] = true,
            ["blockPublicPolicy"] = true,
            ["ignorePublicAcls"] = true,
            ["restrictPublicBuckets"] = true,
        }, On(P));
        p.Add(N($"{role}-policy"), "aws:s3/bucketPolicy:BucketPolicy", new MapValue
        {
            ["bucket"] = bucket,
            ["policy"] = new ToJson(new MapValue
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = Value.List(new MapValue
                {
                    ["Sid"] = "DenyPlainHttp",
                    ["Effect"] = "Deny",
                    ["Principal"] = "*",
                    ["Action"] = "s3:*",
                    ["Resource"] = Value.List(new Ref(N(role), "arn"), new Interpolation(new Ref(N(role), "arn"), "/*")),
                    ["Condition"] = new MapValue { ["Bool"] = new MapValue { ["aws:SecureTransport"] = "false" } },
                }),
            }),
        }, On(P));
        if (!logTarget)
        {
            p.Add(N($"{role}-logging"), "aws:s3/bucketLogging:BucketLogging", new MapValue
            {
                ["bucket"] = bucket,
                ["targetBucket"] = new Ref(N("storage-logs"), "id"),
                ["targetPrefix"] = "s3/",
            }, On(P));
        }
    }

    private static void Cluster(PulumiProgram p)
    {
        p.Add(N("cluster-role"), "aws:iam/role:Role", new MapValue { ["assumeRolePolicy"] = "{}" }, On(P));
        p.Add(N("cluster-role-policy"), "aws:iam/rolePolicyAttachment:RolePolicyAttachment", new MapValue
        {
            ["role"] = new Ref(N("cluster-role"), "name"),
            ["policyArn"] = "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy",
        }, On(P));
        p.Add(N("cluster-eks"), "aws:eks/cluster:Cluster", new MapValue
        {
            ["roleArn"] = new Ref(N("cluster-role"), "arn"),
            ["version"] = "1.33",
            ["accessConfig"] = new MapValue { ["authenticationMode"] = "API", ["bootstrapClusterCreatorAdminPermissions"] = false },
            ["enabledClusterLogTypes"] = Value.List("api", "audit", "authenticator", "controllerManager", "scheduler"),
            ["encryptionConfig"] = new MapValue
            {
                ["resources"] = Value.List("secrets"),
                ["provider"] = new MapValue { ["keyArn"] = new Ref(N("state-kms"), "arn") },
            },
            ["vpcConfig"] = new MapValue
            {
                ["subnetIds"] = PrivateSubnets(),
                ["endpointPrivateAccess"] = true,
                ["endpointPublicAccess"] = false,
            },
        }, On(P, protect: true));
        p.Add(N("cluster-nodes-lt"), "aws:ec2/launchTemplate:LaunchTemplate", new MapValue
        {
            ["metadataOptions"] = new MapValue { ["httpTokens"] = "required", ["httpPutResponseHopLimit"] = 2 },
            ["blockDeviceMappings"] = Value.List(new MapValue
            {
                ["deviceName"] = "/dev/xvda",
                ["ebs"] = new MapValue { ["encrypted"] = "true", ["volumeSize"] = 80, ["volumeType"] = "gp3" },
            }),
            ["vpcSecurityGroupIds"] = Value.List(new Ref(N("cluster-nodes-sg"), "id")),
        }, On(P));
        p.Add(N("cluster-nodes"), "aws:eks/nodeGroup:NodeGroup", new MapValue
        {
            ["clusterName"] = new Ref(N("cluster-eks"), "name"),
            ["nodeRoleArn"] = new Ref(N("cluster-role"), "arn"),
            ["subnetIds"] = PrivateSubnets(),
            ["instanceTypes"] = Value.List("m6i.xlarge"),
            ["scalingConfig"] = new MapValue { ["minSize"] = 3, ["desiredSize"] = 3, ["maxSize"] = 9 },
            ["launchTemplate"] = new MapValue { ["id"] = new Ref(N("cluster-nodes-lt"), "id"), ["version"] = new Ref(N("cluster-nodes-lt"), "latestVersion") },
        }, On(P));
        p.Add(N("k8s"), "pulumi:providers:kubernetes", new MapValue { ["kubeconfig"] = new Ref(N("cluster-eks"), "endpoint") },
            new ResourceOptions { Version = "4.34.2" });
        p.Add(N("harbor-namespace"), "kubernetes:core/v1:Namespace", new MapValue { ["metadata"] = new MapValue { ["name"] = "harbor" } },
            new ResourceOptions { Provider = new Ref(N("k8s")) });
        p.Add(N("harbor-s3-secret"), "kubernetes:core/v1:Secret", new MapValue
        {
            ["metadata"] = new MapValue { ["name"] = "harbor-s3", ["namespace"] = "harbor" },
            ["stringData"] = new MapValue
            {
                ["REGISTRY_STORAGE_S3_ACCESSKEY"] = new Ref(N("registry-key"), "id"),
                ["REGISTRY_STORAGE_S3_SECRETKEY"] = new Ref(N("registry-key"), "secret"),
            },
        }, new ResourceOptions { Provider = new Ref(N("k8s")) });
        p.Add(N("registry-user"), "aws:iam/user:User", new MapValue { ["name"] = "harbor-registry" }, On(P));
        p.Add(N("registry-key"), "aws:iam/accessKey:AccessKey", new MapValue { ["user"] = new Ref(N("registry-user"), "name") }, On(P));
    }

    private static void LoadBalancer(PulumiProgram p)
    {
        Group(p, "registry-alb-sg");
        foreach (var port in new[] { 80, 443 })
        {
            p.Add(N($"registry-alb-sg-from-internet-{port}"), "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", new MapValue
            {
                ["securityGroupId"] = new Ref(N("registry-alb-sg"), "id"),
                ["cidrIpv4"] = "0.0.0.0/0",
                ["ipProtocol"] = "tcp",
                ["fromPort"] = port,
                ["toPort"] = port,
            }, On(P));
            p.Accept(N($"registry-alb-sg-from-internet-{port}"), "open-ingress", "clientCidrs explicitly 0.0.0.0/0");
        }

        p.Add(N("registry-alb"), "aws:lb/loadBalancer:LoadBalancer", new MapValue
        {
            ["loadBalancerType"] = "application",
            ["internal"] = false,
            ["securityGroups"] = Value.List(new Ref(N("registry-alb-sg"), "id")),
            ["subnets"] = new ListValue(Zones.Select(z => (Value)new Ref(N($"network-public-{z}"), "id")).ToArray()),
            ["idleTimeout"] = 900,
            ["enableDeletionProtection"] = true,
            ["dropInvalidHeaderFields"] = true,
            ["accessLogs"] = new MapValue { ["bucket"] = new Ref(N("storage-logs"), "id"), ["enabled"] = true, ["prefix"] = "alb" },
        }, On(P));
        p.Add(N("registry-waf"), "aws:wafv2/webAcl:WebAcl", new MapValue
        {
            ["scope"] = "REGIONAL",
            ["defaultAction"] = new MapValue { ["allow"] = new MapValue() },
            ["visibilityConfig"] = new MapValue { ["cloudwatchMetricsEnabled"] = true, ["metricName"] = "registry", ["sampledRequestsEnabled"] = true },
        }, On(P));
        p.Add(N("registry-waf-association"), "aws:wafv2/webAclAssociation:WebAclAssociation", new MapValue
        {
            ["resourceArn"] = new Ref(N("registry-alb"), "arn"),
            ["webAclArn"] = new Ref(N("registry-waf"), "arn"),
        }, On(P));
        p.Add(N("registry-https"), "aws:lb/listener:Listener", new MapValue
        {
            ["loadBalancerArn"] = new Ref(N("registry-alb"), "arn"),
            ["port"] = 443,
            ["protocol"] = "HTTPS",
            ["sslPolicy"] = "ELBSecurityPolicy-TLS13-1-2-2021-06",
            ["certificateArn"] = "arn:aws:acm:ap-southeast-1:123456789012:certificate/abc",
            ["defaultActions"] = Value.List(new MapValue { ["type"] = "fixed-response", ["fixedResponse"] = new MapValue { ["contentType"] = "text/plain", ["statusCode"] = "404" } }),
        }, On(P));
        p.Add(N("registry-http"), "aws:lb/listener:Listener", new MapValue
        {
            ["loadBalancerArn"] = new Ref(N("registry-alb"), "arn"),
            ["port"] = 80,
            ["protocol"] = "HTTP",
            ["defaultActions"] = Value.List(new MapValue
            {
                ["type"] = "redirect",
                ["redirect"] = new MapValue { ["protocol"] = "HTTPS", ["port"] = "443", ["statusCode"] = "HTTP_301" },
            }),
        }, On(P));
    }

    /// <summary>Two VPN appliances in two zones; each zone's private routes to the other side use its own appliance.</summary>
    private static void Appliances(PulumiProgram p)
    {
        Group(p, "vpn-appliance-sg");
        foreach (var z in new[] { "a", "b" })
        {
            p.Add(N($"vpn-appliance-{z}"), "aws:ec2/instance:Instance", new MapValue
            {
                ["ami"] = "ami-0123456789abcdef0",
                ["instanceType"] = "c6in.large",
                ["subnetId"] = new Ref(N($"network-public-{z}"), "id"),
                ["sourceDestCheck"] = false,
                ["monitoring"] = true,
                ["metadataOptions"] = new MapValue { ["httpTokens"] = "required" },
                ["rootBlockDevice"] = new MapValue { ["encrypted"] = true, ["volumeType"] = "gp3" },
                ["vpcSecurityGroupIds"] = Value.List(new Ref(N("vpn-appliance-sg"), "id")),
            }, On(P));
            p.Add(N($"network-private-route-overseas-{z}"), "aws:ec2/route:Route", new MapValue
            {
                ["routeTableId"] = new Ref(N($"network-private-rt-{z}"), "id"),
                ["destinationCidrBlock"] = "10.128.0.0/9",
                ["networkInterfaceId"] = new Ref(N($"vpn-appliance-{z}"), "primaryNetworkInterfaceId"),
            }, On(P));
        }
    }
}
