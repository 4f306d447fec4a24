using HarborHa.Common;
using HarborHa.Model;
using HarborHa.Network;

namespace HarborHa.LoadBalancer;

/// <summary>Inputs of <see cref="RegistryLoadBalancer"/>. Defaults follow DESIGN.md (Harbor facts).</summary>
public sealed record RegistryLoadBalancerArgs
{
    /// <summary>The region code; it names the resources.</summary>
    public required string Region { get; init; }

    /// <summary>The stack's domain: with the region and role it names the load balancer and target group (AwsNames).</summary>
    public required string Domain { get; init; }

    public required LoadBalancerScheme Scheme { get; init; }

    public required Ref VpcId { get; init; }

    /// <summary>Public subnets for <see cref="LoadBalancerScheme.Public"/>, private subnets otherwise; one per AZ.</summary>
    public required IReadOnlyList<Ref> SubnetIds { get; init; }

    /// <summary>The cluster nodes' group: the load balancer may reach them on <see cref="TargetPort"/> only.</summary>
    public required SecurityGroup Nodes { get; init; }

    /// <summary>ACM certificate for the HTTPS listener.</summary>
    public required Value CertificateArn { get; init; }

    /// <summary>Access log bucket (SSE-S3).</summary>
    public required Logging.LogBucket Logs { get; init; }

    /// <summary>
    /// Who may connect on 80 and 443 (IPv4 CIDRs). Default null: the global private network
    /// (both sides' /9s, 10.0.0.0/8) for an internal load balancer, nobody for a public one, which
    /// admits only what it is given. <c>0.0.0.0/0</c> opens it to the internet; the rule resource then
    /// records the accepted <c>open-ingress</c> trade-off.
    /// </summary>
    public IReadOnlyList<string>? ClientCidrs { get; init; }

    /// <summary>The CIDRs admitted on 80 and 443 once the default is applied.</summary>
    public IReadOnlyList<string> EffectiveClientCidrs => ClientCidrs ?? (Scheme == LoadBalancerScheme.Public ? [] : [PrivateNetwork]);

    /// <summary>
    /// Sources (IPv4 CIDRs, at most <see cref="MaxAdminCidrs"/>) that reach every path under
    /// <see cref="PathPolicy.RegistryOnly"/>; they are admitted on 80 and 443 too. Default none: the
    /// UI and API are not served by this load balancer.
    /// </summary>
    public IReadOnlyList<string> AdminCidrs { get; init; } = [];

    /// <summary>
    /// Where deployments run from outside the private network (IPv4 CIDRs): admitted on 443 only,
    /// never on 80, and served every path (the Harbor provider uses <c>/api/v2.0</c>). Default none.
    /// </summary>
    public IReadOnlyList<string> DeployerCidrs { get; init; } = [];

    /// <summary>
    /// Which paths clients reach. Default <see cref="PathPolicy.RegistryOnly"/>: pulls and pushes for
    /// clients, the UI and API for <see cref="AdminCidrs"/> only.
    /// </summary>
    public PathPolicy Paths { get; init; } = PathPolicy.RegistryOnly;

    /// <summary>
    /// Requests one source address may send in any five minutes before the web ACL blocks it (public
    /// load balancers only; AWS WAF rate-based rule). Default 5000: room for a cluster behind one NAT
    /// address pulling many layers at once (every layer is a request), while a flood or a password
    /// guesser is cut off within seconds.
    /// </summary>
    public long WafRateLimit { get; init; } = 5000;

    /// <summary>The private network of both sides (DESIGN.md, CIDR plan).</summary>
    public const string PrivateNetwork = "10.0.0.0/8";

    /// <summary>An ALB listener rule matches at most five values per condition (ELB quotas).</summary>
    public const int MaxAdminCidrs = 5;

    /// <summary>
    /// TLS policy of the HTTPS listener: TLS 1.3 and 1.2 only. The ALB API's default policy
    /// (ELBSecurityPolicy-2016-08) still allows TLS 1.0 and 1.1. AWS China's documentation lists
    /// no ELB difference and uses this policy in its own examples (AWS Config rule
    /// elbv2-predefined-security-policy-ssl-check); the TLS-1.2-only fallback would be
    /// ELBSecurityPolicy-TLS-1-2-Ext-2018-06. Default ELBSecurityPolicy-TLS13-1-2-2021-06.
    /// </summary>
    public string SslPolicy { get; init; } = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    /// <summary>
    /// Seconds a connection may stay silent. A layer push ends with a PUT during which the registry
    /// moves a large blob in S3 and sends nothing; Harbor's nginx allows 900 s on /v2/
    /// (proxy_read_timeout, chart templates/nginx/configmap-http.yaml), so the ALB must not cut
    /// earlier than that. Default 900 (the ALB maximum is 4000).
    /// </summary>
    public int IdleTimeoutSeconds { get; init; } = 900;

    /// <summary>
    /// Seconds a deregistered pod keeps getting in-flight requests drained; matches nginx's shutdown
    /// window rather than the 300 s default, so rollouts are not slowed. Default 60.
    /// </summary>
    public int DeregistrationDelaySeconds { get; init; } = 60;

    /// <summary>Default <see cref="Protection.Protected"/>: the load balancer has deletion protection.</summary>
    public Protection Protection { get; init; } = Protection.Protected;

    /// <summary>Harbor's nginx container port, which target IPs are registered on.</summary>
    public const int TargetPort = 8080;

    /// <summary>
    /// Harbor's health endpoint: <c>/v2/</c> answers 401 without credentials, the ping answers 200.
    /// </summary>
    public const string HealthCheckPath = "/api/v2.0/ping";
}
