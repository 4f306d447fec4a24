namespace HarborHa.LoadBalancer;

/// <summary>Which of Harbor's paths a load balancer serves to which sources.</summary>
public enum PathPolicy
{
    /// <summary>
    /// Clients reach only the registry API (<c>/v2/</c>) and its token service (<c>/service/token</c>),
    /// what docker, containerd, helm and oras use; the UI, <c>/api/</c>, <c>/c/</c> (login, OIDC) and
    /// <c>/account/</c> answer 403 except to the admin CIDRs.
    /// </summary>
    RegistryOnly,

    /// <summary>Every path to every admitted client: for a load balancer on the private network only.</summary>
    AllPaths,
}
