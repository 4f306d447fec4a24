using HarborHa.Model;

namespace HarborHa.Cluster;

/// <summary>
/// The cluster's IAM OIDC identity provider, as roles for service accounts need it: its ARN (the
/// federated principal) and its issuer without scheme (the prefix of the <c>:sub</c> and
/// <c>:aud</c> condition keys).
/// </summary>
/// <param name="ProviderArn">ARN of the <c>aws:iam/openIdConnectProvider</c>.</param>
/// <param name="HostPath">A variable holding <c>oidc.eks.&lt;region&gt;.amazonaws.com/id/&lt;id&gt;</c>.</param>
public sealed record OidcIssuer(Ref ProviderArn, Ref HostPath)
{
    /// <summary>
    /// The token audience. <c>sts.amazonaws.com</c> in both partitions: it is the EKS pod identity
    /// webhook's default audience, not an endpoint (eksctl-io/eksctl#1910).
    /// </summary>
    public const string Audience = "sts.amazonaws.com";
}
