using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Cluster;

/// <summary>
/// An IAM role that exactly one Kubernetes service account can assume through the cluster's OIDC
/// provider (IAM roles for service accounts), so a controller gets only its own permissions and
/// never the node role's.
/// </summary>
public static class ServiceAccountRole
{
    /// <summary>Declares the role; attach its permissions to the returned resource.</summary>
    public static Resource Declare(PulumiProgram program, Ref provider, string name, OidcIssuer issuer, string serviceAccountNamespace, string serviceAccount, string description) =>
        program.Declare(name, ResourceTypes.IamRole, provider, new MapValue
        {
            ["description"] = description,
            ["assumeRolePolicy"] = TrustPolicy(issuer, serviceAccountNamespace, serviceAccount),
            ["tags"] = ProgramExtensions.NameTag(name),
        });

    /// <summary>
    /// The trust policy as JSON text. Its condition keys start with the issuer, an output, and
    /// Pulumi YAML cannot compute map keys, so the document is an interpolated string.
    /// </summary>
    public static Interpolation TrustPolicy(OidcIssuer issuer, string serviceAccountNamespace, string serviceAccount) => new(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"",
        issuer.ProviderArn,
        "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\"",
        issuer.HostPath,
        $":aud\":\"{OidcIssuer.Audience}\",\"",
        issuer.HostPath,
        $":sub\":\"system:serviceaccount:{serviceAccountNamespace}:{serviceAccount}\"}}}}}}]}}");
}
