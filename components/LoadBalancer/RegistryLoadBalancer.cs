using HarborHa.Common;
using HarborHa.Model;
using HarborHa.Network;

namespace HarborHa.LoadBalancer;

/// <summary>
/// One Application Load Balancer in front of Harbor: a security group open on 80 and 443 to the
/// given clients only, an AWS WAF web ACL when it faces the internet, an HTTP listener that answers
/// 301 to HTTPS (a docker client that logs in over plain HTTP behind a TLS-offloading load balancer
/// fails otherwise), an HTTPS listener with an explicit TLS 1.2/1.3 policy that serves the UI and
/// API only to admin CIDRs, and an IP target group that the Load Balancer Controller fills with
/// Harbor's nginx pods through a TargetGroupBinding.
/// </summary>
public sealed class RegistryLoadBalancer
{
    public RegistryLoadBalancer(PulumiProgram program, Ref provider, RegistryLoadBalancerArgs args)
    {
        var role = args.Scheme.ToString().ToLowerInvariant();
        Prefix = role;
        string Name(string part) => LogicalName.Of(args.Region, "lb", role, part);

        SecurityGroup = new SecurityGroup(program, provider, Name("sg"), args.VpcId,
            $"harbor-ha {role} load balancer: HTTP and HTTPS in, Harbor pods out", allowAllEgress: false);
        AllowSources(program, args);

        program.Declare(Name("sg-to-nodes"), ResourceTypes.EgressRule, provider, new MapValue
        {
            ["securityGroupId"] = SecurityGroup.Id,
            ["referencedSecurityGroupId"] = args.Nodes.Id,
            ["ipProtocol"] = "tcp",
            ["fromPort"] = RegistryLoadBalancerArgs.TargetPort,
            ["toPort"] = RegistryLoadBalancerArgs.TargetPort,
            ["description"] = "to Harbor nginx pods and health checks",
        });
        args.Nodes.AllowFrom(SecurityGroup, RegistryLoadBalancerArgs.TargetPort, $"{role} load balancer to Harbor nginx pods");

        // 32 characters at most (AWS): an explicit name, since a generated one would overrun it.
        var awsName = AwsNames.LoadBalancer(args.Domain, args.Region, args.Scheme);
        var alb = program.Declare(Name("alb"), ResourceTypes.LoadBalancer, provider, new MapValue
        {
            ["name"] = awsName,
            ["loadBalancerType"] = "application",
            ["internal"] = args.Scheme == LoadBalancerScheme.Internal,
            ["subnets"] = new ListValue(args.SubnetIds.ToArray()),
            ["securityGroups"] = Value.List(SecurityGroup.Id),
            ["idleTimeout"] = args.IdleTimeoutSeconds,
            ["dropInvalidHeaderFields"] = true,
            ["enableDeletionProtection"] = args.Protection == Protection.Protected,
            ["accessLogs"] = new MapValue
            {
                ["bucket"] = args.Logs.BucketId,
                ["prefix"] = $"{Logging.LogBucket.AlbPrefix}/{Prefix}",
                ["enabled"] = true,
            },
            ["tags"] = ProgramExtensions.NameTag(Name("alb")),
        }, new ResourceOptions { DependsOn = args.Logs.Ready });
        DnsName = alb.Out("dnsName");
        ZoneId = alb.Out("zoneId");
        ArnSuffix = alb.Out("arnSuffix");
        DeregistrationDelaySeconds = args.DeregistrationDelaySeconds;

        var targets = program.Declare(Name("tg"), ResourceTypes.LbTargetGroup, provider, new MapValue
        {
            ["name"] = awsName,
            ["targetType"] = "ip",
            ["protocol"] = "HTTP",
            ["port"] = RegistryLoadBalancerArgs.TargetPort,
            ["vpcId"] = args.VpcId,
            ["deregistrationDelay"] = args.DeregistrationDelaySeconds,
            ["healthCheck"] = new MapValue
            {
                ["enabled"] = true,
                ["protocol"] = "HTTP",
                ["path"] = RegistryLoadBalancerArgs.HealthCheckPath,
                ["port"] = "traffic-port",
                ["matcher"] = "200",
                ["interval"] = 15,
                ["timeout"] = 5,
                ["healthyThreshold"] = 2,
                ["unhealthyThreshold"] = 3,
            },
            ["tags"] = ProgramExtensions.NameTag(Name("tg")),
        });
        TargetGroupArn = targets.Out("arn");
        TargetGroupArnSuffix = targets.Out("arnSuffix");

        program.Declare(Name("http"), ResourceTypes.Listener, provider, new MapValue
        {
            ["loadBalancerArn"] = alb.Out("arn"),
            ["port"] = 80,
            ["protocol"] = "HTTP",
            ["defaultActions"] = Value.List(new MapValue
            {
                ["type"] = "redirect",
                ["redirect"] = new MapValue
                {
                    ["protocol"] = "HTTPS",
                    ["port"] = "443",
                    ["statusCode"] = "HTTP_301",
                },
            }),
        });
        var forward = new MapValue
        {
            ["type"] = "forward",
            ["targetGroupArn"] = TargetGroupArn,
        };
        var https = program.Declare(Name("https"), ResourceTypes.Listener, provider, new MapValue
        {
            ["loadBalancerArn"] = alb.Out("arn"),
            ["port"] = 443,
            ["protocol"] = "HTTPS",
            ["sslPolicy"] = args.SslPolicy,
            ["certificateArn"] = args.CertificateArn,
            // Registry-only: what no rule below forwards is refused here, so a new Harbor path is
            // closed until it is allowed on purpose.
            ["defaultActions"] = Value.List(args.Paths == PathPolicy.AllPaths ? forward : Refused()),
        });
        HttpsListener = https.Self;
        ListenerRules = args.Paths == PathPolicy.AllPaths ? [] : DeclarePathRules(program, provider, args, https, forward, Name);

        if (args.Scheme == LoadBalancerScheme.Public)
        {
            // Every internet-facing load balancer sits behind AWS WAF; the China regions offer it too
            // (regional web ACLs; AWS China documentation, "AWS WAF").
            WebAcl = new RegistryWebAcl(program, provider, Name("waf"), alb.Out("arn"), args.WafRateLimit).Arn;
        }
    }

    /// <summary>
    /// The security group's ingress, in one place: the clients (and admins) on 80 and 443. A public
    /// load balancer admits only the CIDRs it is given; <c>0.0.0.0/0</c> among them is the accepted
    /// open-ingress trade-off of the rule that admits it.
    /// </summary>
    private void AllowSources(PulumiProgram program, RegistryLoadBalancerArgs args)
    {
        if (args.Scheme == LoadBalancerScheme.Internal && args.ClientCidrs is null)
        {
            // The private network, under the rule names internal load balancers always had.
            foreach (var port in Ports)
            {
                SecurityGroup.AllowFromCidr($"clients-{port}", RegistryLoadBalancerArgs.PrivateNetwork, "tcp", port, port, $"registry clients (private network) on {port}");
            }

            return;
        }

        var sources = args.EffectiveClientCidrs.Select(c => (Cidr: c, Who: "clients"))
            .Concat(args.AdminCidrs.Select(c => (Cidr: c, Who: "admins")))
            .DistinctBy(s => s.Cidr)
            .ToArray();
        foreach (var (cidr, who) in sources)
        {
            foreach (var port in Ports)
            {
                var rule = $"{who}-{CidrName(cidr)}-{port}";
                SecurityGroup.AllowFromCidr(rule, cidr, "tcp", port, port, $"registry {who} {cidr} on {port}");
                if (cidr == "0.0.0.0/0")
                {
                    program.Accept($"{SecurityGroup.Name}-from-{rule}", "open-ingress", "clientCidrs explicitly 0.0.0.0/0");
                }
            }
        }

        // Deployers need the API over TLS and nothing else: 443 only, even when 80 would only redirect.
        foreach (var cidr in args.DeployerCidrs.Where(c => !sources.Any(s => s.Cidr == c)))
        {
            SecurityGroup.AllowFromCidr($"deployers-{CidrName(cidr)}-443", cidr, "tcp", 443, 443, $"deployer {cidr} on 443 (Harbor API)");
        }
    }

    /// <summary>
    /// Listener rules of <see cref="PathPolicy.RegistryOnly"/>: the registry API and its token service
    /// for every admitted client, everything for the admin CIDRs; the listener refuses the rest.
    /// </summary>
    private static IReadOnlyList<Ref> DeclarePathRules(PulumiProgram program, Ref provider, RegistryLoadBalancerArgs args, Resource https, MapValue forward, Func<string, string> name)
    {
        if (args.AdminCidrs.Count > RegistryLoadBalancerArgs.MaxAdminCidrs)
        {
            throw new ProgramException($"at most {RegistryLoadBalancerArgs.MaxAdminCidrs} admin CIDRs fit one listener rule (got {args.AdminCidrs.Count})");
        }

        var rules = new List<Ref>
        {
            program.Declare(name("https-registry"), ResourceTypes.ListenerRule, provider, new MapValue
            {
                ["listenerArn"] = https.Out("arn"),
                ["priority"] = 10,
                ["conditions"] = Value.List(new MapValue { ["pathPattern"] = new MapValue { ["values"] = Value.List(RegistryPaths) } }),
                ["actions"] = Value.List(forward),
            }).Self,
        };
        if (args.AdminCidrs.Count > 0)
        {
            rules.Add(program.Declare(name("https-admins"), ResourceTypes.ListenerRule, provider, new MapValue
            {
                ["listenerArn"] = https.Out("arn"),
                ["priority"] = 20,
                ["conditions"] = Value.List(new MapValue { ["sourceIp"] = new MapValue { ["values"] = Value.List(args.AdminCidrs) } }),
                ["actions"] = Value.List(forward),
            }).Self);
        }

        // Deployers reach every path (the Harbor provider calls /api/v2.0); five sources per rule (ELB quotas).
        var chunks = args.DeployerCidrs.Chunk(RegistryLoadBalancerArgs.MaxAdminCidrs).ToArray();
        for (var i = 0; i < chunks.Length; i++)
        {
            rules.Add(program.Declare(name(i == 0 ? "https-deployers" : $"https-deployers-{i + 1}"), ResourceTypes.ListenerRule, provider, new MapValue
            {
                ["listenerArn"] = https.Out("arn"),
                ["priority"] = 30 + i,
                ["conditions"] = Value.List(new MapValue { ["sourceIp"] = new MapValue { ["values"] = Value.List(chunks[i]) } }),
                ["actions"] = Value.List(forward),
            }).Self);
        }

        return rules;
    }

    private static MapValue Refused() => new()
    {
        ["type"] = "fixed-response",
        ["fixedResponse"] = new MapValue
        {
            ["contentType"] = "text/plain",
            ["statusCode"] = "403",
            ["messageBody"] = "Forbidden: this path is served to the registry's admin networks only.",
        },
    };

    /// <summary>What registry clients use: the distribution API and Harbor's token service (docker login).</summary>
    public static readonly IReadOnlyList<string> RegistryPaths = ["/v2", "/v2/*", "/service/token"];

    private static readonly int[] Ports = [80, 443];

    /// <summary>A CIDR as a name part: <c>203.0.113.0/24</c> → <c>203-0-113-0-24</c>.</summary>
    private static string CidrName(string cidr) => cidr.Replace('.', '-').Replace('/', '-');

    /// <summary>The listener rules that forward to the target group (none with <see cref="PathPolicy.AllPaths"/>).</summary>
    public IReadOnlyList<Ref> ListenerRules { get; }

    /// <summary>The web ACL of an internet-facing load balancer; null for an internal one.</summary>
    public Ref? WebAcl { get; }

    /// <summary>
    /// The HTTPS listener: the only thing that attaches the target group to the load balancer, so
    /// Harbor's pods (whose readiness gates wait for healthy targets) wait for it.
    /// </summary>
    public Ref HttpsListener { get; }

    /// <summary><c>public</c> or <c>internal</c>: the access log prefix and the binding's name part.</summary>
    public string Prefix { get; }

    public SecurityGroup SecurityGroup { get; }

    public Ref DnsName { get; }

    /// <summary>The load balancer's hosted zone, for Route 53 alias records.</summary>
    public Ref ZoneId { get; }

    public Ref TargetGroupArn { get; }

    /// <summary>The load balancer's <c>arnSuffix</c>: the dimension of its CloudWatch metrics.</summary>
    public Ref ArnSuffix { get; }

    /// <summary>The target group's <c>arnSuffix</c>: the dimension of its CloudWatch metrics.</summary>
    public Ref TargetGroupArnSuffix { get; }

    /// <summary>Seconds a deregistered target keeps draining (pods' preStop must outlast it).</summary>
    public int DeregistrationDelaySeconds { get; }
}
