namespace HarborHa.LoadBalancer;

/// <summary>Who can reach a load balancer; a front door has one or both.</summary>
public enum LoadBalancerScheme
{
    /// <summary>Internet-facing, in the public subnets.</summary>
    Public,

    /// <summary>Internal, in the private subnets; reached over the VPC and the private network.</summary>
    Internal,
}
