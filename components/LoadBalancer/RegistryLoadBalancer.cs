using HarborHa.Common;
using HarborHa.Model;
using HarborHa.Network;

namespace HarborHa.LoadBalancer;

/// <summary>
/// One Application Load Balancer in front of Harbor: a security group open on 80 and 443 only,
/// an HTTP listener that answers 301 to HTTPS (a docker client that logs in over plain HTTP
/// behind a TLS-offloading load balancer fails otherwise), an HTTPS listener with an explicit
/// TLS 1.2/1.3 policy, and an IP target group that the Load Balancer Controller fills with
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
        foreach (var port in new[] { 80, 443 })
        {
            SecurityGroup.AllowFromCidr($"clients-{port}", args.ClientCidr, "tcp", port, port,
                $"registry clients ({(args.Scheme == LoadBalancerScheme.Public ? "internet" : "private network")}) on {port}");
        }

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
        HttpsListener = program.Declare(Name("https"), ResourceTypes.Listener, provider, new MapValue
        {
            ["loadBalancerArn"] = alb.Out("arn"),
            ["port"] = 443,
            ["protocol"] = "HTTPS",
            ["sslPolicy"] = args.SslPolicy,
            ["certificateArn"] = args.CertificateArn,
            ["defaultActions"] = Value.List(new MapValue
            {
                ["type"] = "forward",
                ["targetGroupArn"] = TargetGroupArn,
            }),
        }).Self;
    }

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
}
