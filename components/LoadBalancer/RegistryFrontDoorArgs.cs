using HarborHa.Common;
using HarborHa.Dns;
using HarborHa.Model;
using HarborHa.Network;

namespace HarborHa.LoadBalancer;

/// <summary>Inputs of <see cref="RegistryFrontDoor"/>.</summary>
public sealed record RegistryFrontDoorArgs
{
    /// <summary>The region code; it names the resources.</summary>
    public required string Region { get; init; }

    /// <summary>The stack's domain: it names the load balancers (AWS names are unique per account and region).</summary>
    public required string Domain { get; init; }

    /// <summary>The host name clients use, e.g. <c>ap-southeast-1.registry.example.com</c>; the certificate names it.</summary>
    public required string Host { get; init; }

    /// <summary>One load balancer per scheme. Default: internal only, so nothing is reachable from the internet unless asked for.</summary>
    public IReadOnlyList<LoadBalancerScheme> Schemes { get; init; } = [LoadBalancerScheme.Internal];

    /// <summary>Where the certificate comes from. Default <see cref="CertificateSource.AcmDns"/> (needs <see cref="Zone"/>).</summary>
    public CertificateSource Certificate { get; init; } = CertificateSource.AcmDns;

    /// <summary>With <see cref="CertificateSource.Imported"/>: the ACM certificate ARN in this region.</summary>
    public string? ImportedCertificateArn { get; init; }

    /// <summary>
    /// The stack's public zone: it validates <see cref="CertificateSource.AcmDns"/> certificates and
    /// holds the regional record. Default null: no public DNS.
    /// </summary>
    public PublicZone? Zone { get; init; }

    public required Ref VpcId { get; init; }

    public required IReadOnlyList<Ref> PublicSubnetIds { get; init; }

    public required IReadOnlyList<Ref> PrivateSubnetIds { get; init; }

    public required SecurityGroup Nodes { get; init; }

    /// <summary>The global tls provider (self-signed certificates).</summary>
    public required Ref TlsProvider { get; init; }

    /// <summary>The region's log bucket: ALB access logs go under its <c>alb/</c> prefix.</summary>
    public required Logging.LogBucket Logs { get; init; }

    /// <summary>Default <see cref="Protection.Protected"/>: load balancers have deletion protection.</summary>
    public Protection Protection { get; init; } = Protection.Protected;

    /// <summary>
    /// Who may pull and push through the public load balancer (IPv4 CIDRs). Default none: a public
    /// load balancer admits nobody until told; <c>0.0.0.0/0</c> must be written to open it to everyone.
    /// The internal load balancer always admits the private network.
    /// </summary>
    public IReadOnlyList<string> ClientCidrs { get; init; } = [];

    /// <summary>
    /// Who may reach the UI and API through the public load balancer (at most
    /// <see cref="RegistryLoadBalancerArgs.MaxAdminCidrs"/>). Default none: administration happens
    /// over the private network (the internal load balancer serves every path).
    /// </summary>
    public IReadOnlyList<string> AdminCidrs { get; init; } = [];

    /// <summary>
    /// Where deployments run from outside the private network: the internet-facing load balancer
    /// admits them on 443 only, to every path (the Harbor API). Needs a
    /// <see cref="LoadBalancerScheme.Public"/> entry in <see cref="Schemes"/>. Default none.
    /// </summary>
    public IReadOnlyList<string> DeployerCidrs { get; init; } = [];

    /// <summary>The public load balancer's per-source rate limit (<see cref="RegistryLoadBalancerArgs.WafRateLimit"/>). Default 5000 per five minutes.</summary>
    public long WafRateLimit { get; init; } = 5000;
}
