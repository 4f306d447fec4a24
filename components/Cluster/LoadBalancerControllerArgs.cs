using HarborHa.Model;

namespace HarborHa.Cluster;

/// <summary>Inputs of <see cref="LoadBalancerController"/>.</summary>
public sealed record LoadBalancerControllerArgs
{
    /// <summary>The region code; the controller is told it because IMDS is closed to pods.</summary>
    public required string Region { get; init; }

    /// <summary>The cluster it runs in (name, OIDC provider, Kubernetes provider, readiness).</summary>
    public required EksCluster Cluster { get; init; }

    /// <summary>The VPC; passed explicitly because IMDS is closed to pods (hop limit 1).</summary>
    public required Ref VpcId { get; init; }

    /// <summary>
    /// The target groups it may register pods in, and nothing else: harbor-ha uses the controller
    /// only through TargetGroupBinding; the load balancers themselves are Pulumi resources.
    /// </summary>
    public required IReadOnlyList<Ref> TargetGroupArns { get; init; }

    /// <summary>Chart version (eks-charts <c>aws-load-balancer-controller</c>). Default <see cref="LoadBalancerController.ChartVersion"/>.</summary>
    public string ChartVersion { get; init; } = LoadBalancerController.ChartVersion;

    /// <summary>Controller replicas (one leader, the others take over). Default 2.</summary>
    public int Replicas { get; init; } = 2;

    /// <summary>
    /// Image digests by <c>repository:tag</c> (the image lock). Default none: the image runs by tag.
    /// When the controller's image has an entry, it is pinned by digest.
    /// </summary>
    public IReadOnlyDictionary<string, string> ImageDigests { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
