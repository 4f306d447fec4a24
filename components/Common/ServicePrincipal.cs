namespace HarborHa.Common;

/// <summary>
/// IAM service principals per partition. In the China partition most services keep the global
/// <c>&lt;service&gt;.amazonaws.com</c> principal (e.g. <c>ec2</c>, <c>vpc-flow-logs</c>: AWS China docs,
/// IAM role for flow logs); only a few use <c>.amazonaws.com.cn</c>. The exceptions are the table the
/// AWS provider's <c>getServicePrincipal</c> and the aws-cdk region-info share.
/// </summary>
public static class ServicePrincipal
{
    private static readonly HashSet<string> ChinaSuffixed = new(StringComparer.Ordinal) { "codedeploy", "elasticmapreduce", "logs" };

    /// <summary>
    /// EC2's principal for instance roles. In China, EKS refuses a node role that does not trust
    /// <c>ec2.amazonaws.com.cn</c> (awslabs/cdk-eks-blueprints#558), while the AWS China IAM docs show
    /// the global form for instance profiles: trust both there. Each names only the EC2 service.
    /// </summary>
    public static Model.Value Ec2(Partition partition) =>
        partition == Partition.AwsCn ? Model.Value.List("ec2.amazonaws.com", "ec2.amazonaws.com.cn") : "ec2.amazonaws.com";

    public static string Of(string service, Partition partition) =>
        partition == Partition.AwsCn && ChinaSuffixed.Contains(service) ? $"{service}.amazonaws.com.cn" : $"{service}.amazonaws.com";
}
