namespace HarborHa.Network;

/// <summary>
/// Which subnets carry the tags the AWS Load Balancer Controller (and the in-tree service
/// controller) uses to place load balancers it creates for Services of type LoadBalancer or
/// Ingresses (EKS User Guide, subnet tags): <c>kubernetes.io/role/internal-elb</c> on private
/// subnets, <c>kubernetes.io/role/elb</c> on public ones.
/// </summary>
public enum LoadBalancerSubnets
{
    /// <summary>Only the private subnets are tagged: nothing in the cluster can make itself public.</summary>
    Internal,

    /// <summary>Private and public subnets are tagged: for regions that serve the internet.</summary>
    InternalAndPublic,
}
