namespace HarborHa.Model;

/// <summary>
/// The one table of type tokens the program uses, as the pinned SDKs spell them (aws 7.48.0
/// <c>__pulumiType</c>, kubernetes 4.34.2, random 4.21.2, tls 5.6.1, harbor 3.10.21). Components
/// declare with these constants and checks read with them, so a token is spelled once. Where aws has
/// two tokens for one AWS resource (<c>lb</c>/<c>alb</c>, <c>Bucket</c>/<c>BucketV2</c>), rules accept both.
/// </summary>
public static class ResourceTypes
{
    // Providers
    public const string AwsProvider = "pulumi:providers:aws";
    public const string KubernetesProvider = "pulumi:providers:kubernetes";

    // AWS resources
    public const string AcmCertificate = "aws:acm/certificate:Certificate";
    public const string AcmCertificateValidation = "aws:acm/certificateValidation:CertificateValidation";
    public const string AlbListener = "aws:alb/listener:Listener";
    public const string AlbLoadBalancer = "aws:alb/loadBalancer:LoadBalancer";
    public const string Bucket = "aws:s3/bucket:Bucket";
    public const string BucketEncryption = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
    public const string BucketEncryptionV2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
    public const string BucketLogging = "aws:s3/bucketLogging:BucketLogging";
    public const string BucketLoggingV2 = "aws:s3/bucketLoggingV2:BucketLoggingV2";
    public const string BucketObjectLockConfiguration = "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration";
    public const string BucketPolicy = "aws:s3/bucketPolicy:BucketPolicy";
    public const string BucketPublicAccessBlock = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    public const string BucketV2 = "aws:s3/bucketV2:BucketV2";
    public const string BucketVersioning = "aws:s3/bucketVersioning:BucketVersioning";
    public const string BucketVersioningV2 = "aws:s3/bucketVersioningV2:BucketVersioningV2";
    public const string CacheCluster = "aws:elasticache/cluster:Cluster";
    public const string CacheReplicationGroup = "aws:elasticache/replicationGroup:ReplicationGroup";
    public const string CacheSubnetGroup = "aws:elasticache/subnetGroup:SubnetGroup";
    public const string CloudTrail = "aws:cloudtrail/trail:Trail";
    public const string CloudWatchLogGroup = "aws:cloudwatch/logGroup:LogGroup";
    public const string CustomerGateway = "aws:ec2/customerGateway:CustomerGateway";
    public const string EbsVolume = "aws:ebs/volume:Volume";
    public const string Ec2Instance = "aws:ec2/instance:Instance";
    public const string Ec2VpcEndpoint = "aws:ec2/vpcEndpoint:VpcEndpoint";
    public const string EcrRepository = "aws:ecr/repository:Repository";
    public const string EfsFileSystem = "aws:efs/fileSystem:FileSystem";
    public const string EgressRule = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    public const string Eip = "aws:ec2/eip:Eip";
    public const string EksAccessEntry = "aws:eks/accessEntry:AccessEntry";
    public const string EksAccessPolicyAssociation = "aws:eks/accessPolicyAssociation:AccessPolicyAssociation";
    public const string EksAddon = "aws:eks/addon:Addon";
    public const string EksCluster = "aws:eks/cluster:Cluster";
    public const string EksNodeGroup = "aws:eks/nodeGroup:NodeGroup";
    public const string FlowLog = "aws:ec2/flowLog:FlowLog";
    public const string GuardDutyDetector = "aws:guardduty/detector:Detector";
    public const string GuardDutyDetectorFeature = "aws:guardduty/detectorFeature:DetectorFeature";
    public const string IamAccessKey = "aws:iam/accessKey:AccessKey";
    public const string IamInstanceProfile = "aws:iam/instanceProfile:InstanceProfile";
    public const string IamOpenIdConnectProvider = "aws:iam/openIdConnectProvider:OpenIdConnectProvider";
    public const string IamPolicyAttachment = "aws:iam/policyAttachment:PolicyAttachment";
    public const string IamRole = "aws:iam/role:Role";
    public const string IamRolePolicy = "aws:iam/rolePolicy:RolePolicy";
    public const string IamRolePolicyAttachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    public const string IamUser = "aws:iam/user:User";
    public const string IamUserLoginProfile = "aws:iam/userLoginProfile:UserLoginProfile";
    public const string IamUserPolicy = "aws:iam/userPolicy:UserPolicy";
    public const string IngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    public const string InternetGateway = "aws:ec2/internetGateway:InternetGateway";
    public const string KmsAlias = "aws:kms/alias:Alias";
    public const string KmsKey = "aws:kms/key:Key";
    public const string LaunchTemplate = "aws:ec2/launchTemplate:LaunchTemplate";
    public const string LbTargetGroup = "aws:lb/targetGroup:TargetGroup";
    public const string Listener = "aws:lb/listener:Listener";
    public const string ListenerRule = "aws:lb/listenerRule:ListenerRule";
    public const string LoadBalancer = "aws:lb/loadBalancer:LoadBalancer";
    public const string NatGateway = "aws:ec2/natGateway:NatGateway";
    public const string NetworkInterface = "aws:ec2/networkInterface:NetworkInterface";
    public const string RdsCluster = "aws:rds/cluster:Cluster";
    public const string RdsInstance = "aws:rds/instance:Instance";
    public const string RdsInstanceAutomatedBackupsReplication = "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication";
    public const string RdsParameterGroup = "aws:rds/parameterGroup:ParameterGroup";
    public const string RdsSubnetGroup = "aws:rds/subnetGroup:SubnetGroup";
    public const string Route = "aws:ec2/route:Route";
    public const string Route53HealthCheck = "aws:route53/healthCheck:HealthCheck";
    public const string Route53Record = "aws:route53/record:Record";
    public const string Route53ResolverEndpoint = "aws:route53/resolverEndpoint:ResolverEndpoint";
    public const string Route53ResolverRule = "aws:route53/resolverRule:ResolverRule";
    public const string Route53ResolverRuleAssociation = "aws:route53/resolverRuleAssociation:ResolverRuleAssociation";
    public const string Route53Zone = "aws:route53/zone:Zone";
    public const string Route53ZoneAssociation = "aws:route53/zoneAssociation:ZoneAssociation";
    public const string RouteTable = "aws:ec2/routeTable:RouteTable";
    public const string RouteTableAssociation = "aws:ec2/routeTableAssociation:RouteTableAssociation";
    public const string S3BucketLifecycleConfiguration = "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration";
    public const string S3BucketOwnershipControls = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
    public const string S3BucketReplicationConfig = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
    public const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    public const string SecurityGroupRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
    public const string SsmParameter = "aws:ssm/parameter:Parameter";
    public const string Subnet = "aws:ec2/subnet:Subnet";
    public const string TransitGateway = "aws:ec2transitgateway/transitGateway:TransitGateway";
    public const string TransitGatewayPeeringAttachment = "aws:ec2transitgateway/peeringAttachment:PeeringAttachment";
    public const string TransitGatewayPeeringAttachmentAccepter = "aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter";
    public const string TransitGatewayRoute = "aws:ec2transitgateway/route:Route";
    public const string TransitGatewayRouteTable = "aws:ec2transitgateway/routeTable:RouteTable";
    public const string TransitGatewayRouteTableAssociation = "aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation";
    public const string TransitGatewayRouteTablePropagation = "aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation";
    public const string TransitGatewayVpcAttachment = "aws:ec2transitgateway/vpcAttachment:VpcAttachment";
    public const string Vpc = "aws:ec2/vpc:Vpc";
    public const string VpnConnection = "aws:ec2/vpnConnection:VpnConnection";
    public const string WafWebAcl = "aws:wafv2/webAcl:WebAcl";
    public const string WafWebAclAssociation = "aws:wafv2/webAclAssociation:WebAclAssociation";

    // Day two: alarms, alert topics, event rules, snapshots, the appliance failover function
    public const string EventRule = "aws:cloudwatch/eventRule:EventRule";
    public const string EventTarget = "aws:cloudwatch/eventTarget:EventTarget";
    public const string LambdaFunction = "aws:lambda/function:Function";
    public const string LambdaPermission = "aws:lambda/permission:Permission";
    public const string MetricAlarm = "aws:cloudwatch/metricAlarm:MetricAlarm";
    public const string RdsSnapshot = "aws:rds/snapshot:Snapshot";
    public const string SnsTopic = "aws:sns/topic:Topic";
    public const string SnsTopicPolicy = "aws:sns/topicPolicy:TopicPolicy";
    public const string SnsTopicSubscription = "aws:sns/topicSubscription:TopicSubscription";

    // Kubernetes resources
    public const string HelmRelease = "kubernetes:helm.sh/v3:Release";
    public const string KubernetesNamespace = "kubernetes:core/v1:Namespace";
    public const string KubernetesNetworkPolicy = "kubernetes:networking.k8s.io/v1:NetworkPolicy";
    public const string KubernetesSecret = "kubernetes:core/v1:Secret";
    public const string KubernetesYamlConfigGroup = "kubernetes:yaml/v2:ConfigGroup";
    public const string KubernetesJob = "kubernetes:batch/v1:Job";
    public const string KubernetesCronJob = "kubernetes:batch/v1:CronJob";
    public const string KubernetesServiceAccount = "kubernetes:core/v1:ServiceAccount";
    public const string KubernetesClusterRole = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";
    public const string KubernetesClusterRoleBinding = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding";

    // random and tls
    public const string RandomPassword = "random:index/randomPassword:RandomPassword";
    public const string RandomString = "random:index/randomString:RandomString";

    public const string TlsPrivateKey = "tls:index/privateKey:PrivateKey";
    public const string TlsSelfSignedCert = "tls:index/selfSignedCert:SelfSignedCert";

    // Harbor (pulumiverse)
    public const string HarborGarbageCollection = "harbor:index/garbageCollection:GarbageCollection";
    public const string HarborImmutableTagRule = "harbor:index/immutableTagRule:ImmutableTagRule";
    public const string HarborPreheatInstance = "harbor:index/preheatInstance:PreheatInstance";
    public const string HarborProject = "harbor:index/project:Project";
    public const string HarborRegistry = "harbor:index/registry:Registry";
    public const string HarborReplication = "harbor:index/replication:Replication";
    public const string HarborRetentionPolicy = "harbor:index/retentionPolicy:RetentionPolicy";
    public const string HarborRobotAccount = "harbor:index/robotAccount:RobotAccount";

    // Functions (fn::invoke)
    public const string GetAmi = "aws:ec2/getAmi:getAmi";
    public const string GetCallerIdentity = "aws:index/getCallerIdentity:getCallerIdentity";
    public const string GetElbServiceAccount = "aws:elb/getServiceAccount:getServiceAccount";
    public const string GetSessionContext = "aws:iam/getSessionContext:getSessionContext";
    public const string GetTlsCertificate = "tls:index/getCertificate:getCertificate";

    public static readonly IReadOnlySet<string> Buckets = new HashSet<string>(StringComparer.Ordinal) { Bucket, BucketV2 };

    public static readonly IReadOnlySet<string> LoadBalancers = new HashSet<string>(StringComparer.Ordinal) { LoadBalancer, AlbLoadBalancer };

    public static readonly IReadOnlySet<string> Listeners = new HashSet<string>(StringComparer.Ordinal) { Listener, AlbListener };
}
