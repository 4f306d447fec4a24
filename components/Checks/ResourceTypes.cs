namespace HarborHa.Checks;

/// <summary>
/// Type tokens the rules read, as the pinned SDKs spell them (aws 7.48.0 <c>__pulumiType</c>,
/// kubernetes 4.34.2). Where aws has two tokens for one AWS resource (<c>lb</c>/<c>alb</c>,
/// <c>Bucket</c>/<c>BucketV2</c>), rules accept both.
/// </summary>
public static class ResourceTypes
{
    public const string AwsProvider = "pulumi:providers:aws";
    public const string KubernetesProvider = "pulumi:providers:kubernetes";

    public const string RdsInstance = "aws:rds/instance:Instance";
    public const string RdsCluster = "aws:rds/cluster:Cluster";
    public const string RdsParameterGroup = "aws:rds/parameterGroup:ParameterGroup";
    public const string RdsSubnetGroup = "aws:rds/subnetGroup:SubnetGroup";

    public const string CacheReplicationGroup = "aws:elasticache/replicationGroup:ReplicationGroup";
    public const string CacheCluster = "aws:elasticache/cluster:Cluster";
    public const string CacheSubnetGroup = "aws:elasticache/subnetGroup:SubnetGroup";

    public const string Bucket = "aws:s3/bucket:Bucket";
    public const string BucketV2 = "aws:s3/bucketV2:BucketV2";
    public const string BucketVersioning = "aws:s3/bucketVersioning:BucketVersioning";
    public const string BucketVersioningV2 = "aws:s3/bucketVersioningV2:BucketVersioningV2";
    public const string BucketEncryption = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
    public const string BucketEncryptionV2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
    public const string BucketPublicAccessBlock = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    public const string BucketPolicy = "aws:s3/bucketPolicy:BucketPolicy";
    public const string BucketLogging = "aws:s3/bucketLogging:BucketLogging";
    public const string BucketLoggingV2 = "aws:s3/bucketLoggingV2:BucketLoggingV2";

    public const string Ec2Instance = "aws:ec2/instance:Instance";
    public const string LaunchTemplate = "aws:ec2/launchTemplate:LaunchTemplate";
    public const string EbsVolume = "aws:ebs/volume:Volume";
    public const string EfsFileSystem = "aws:efs/fileSystem:FileSystem";
    public const string NetworkInterface = "aws:ec2/networkInterface:NetworkInterface";

    public const string EksCluster = "aws:eks/cluster:Cluster";
    public const string EksNodeGroup = "aws:eks/nodeGroup:NodeGroup";

    public const string LoadBalancer = "aws:lb/loadBalancer:LoadBalancer";
    public const string AlbLoadBalancer = "aws:alb/loadBalancer:LoadBalancer";
    public const string Listener = "aws:lb/listener:Listener";
    public const string AlbListener = "aws:alb/listener:Listener";

    public const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    public const string SecurityGroupRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
    public const string IngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    public const string EgressRule = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

    public const string Vpc = "aws:ec2/vpc:Vpc";
    public const string Subnet = "aws:ec2/subnet:Subnet";
    public const string FlowLog = "aws:ec2/flowLog:FlowLog";
    public const string NatGateway = "aws:ec2/natGateway:NatGateway";
    public const string InternetGateway = "aws:ec2/internetGateway:InternetGateway";
    public const string Route = "aws:ec2/route:Route";
    public const string RouteTable = "aws:ec2/routeTable:RouteTable";
    public const string RouteTableAssociation = "aws:ec2/routeTableAssociation:RouteTableAssociation";
    public const string Eip = "aws:ec2/eip:Eip";
    public const string TransitGateway = "aws:ec2transitgateway/transitGateway:TransitGateway";
    public const string TransitGatewayVpcAttachment = "aws:ec2transitgateway/vpcAttachment:VpcAttachment";
    public const string VpnConnection = "aws:ec2/vpnConnection:VpnConnection";
    public const string CustomerGateway = "aws:ec2/customerGateway:CustomerGateway";

    public const string KmsKey = "aws:kms/key:Key";
    public const string IamRole = "aws:iam/role:Role";
    public const string IamRolePolicy = "aws:iam/rolePolicy:RolePolicy";
    public const string IamRolePolicyAttachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    public const string IamPolicyAttachment = "aws:iam/policyAttachment:PolicyAttachment";
    public const string IamUserLoginProfile = "aws:iam/userLoginProfile:UserLoginProfile";
    public const string Route53Zone = "aws:route53/zone:Zone";
    public const string EcrRepository = "aws:ecr/repository:Repository";

    public const string KubernetesSecret = "kubernetes:core/v1:Secret";
    public const string KubernetesNamespace = "kubernetes:core/v1:Namespace";

    public static readonly IReadOnlySet<string> Buckets = new HashSet<string>(StringComparer.Ordinal) { Bucket, BucketV2 };

    public static readonly IReadOnlySet<string> LoadBalancers = new HashSet<string>(StringComparer.Ordinal) { LoadBalancer, AlbLoadBalancer };

    public static readonly IReadOnlySet<string> Listeners = new HashSet<string>(StringComparer.Ordinal) { Listener, AlbListener };
}
