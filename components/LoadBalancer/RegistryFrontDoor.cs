using HarborHa.Common;
using HarborHa.Dns;
using HarborHa.Model;

namespace HarborHa.LoadBalancer;

/// <summary>
/// How clients reach a region's Harbor at <c>https://&lt;region&gt;.&lt;domain&gt;</c>: the certificate,
/// one load balancer per exposure (<c>public</c>: internet-facing; <c>internal</c>: private subnets;
/// <c>both</c>), writing access logs to the region's log bucket, and with <c>acm-dns</c> the region's DNS record. The
/// record points at the public load balancer when there is one, else at the internal one (it
/// resolves to private addresses then, which only the private network can reach).
/// </summary>
public sealed class RegistryFrontDoor
{
    public RegistryFrontDoor(PulumiProgram program, Ref provider, RegistryFrontDoorArgs args)
    {
        var region = args.Region;
        Host = args.Host;
        var zone = args.Zone;
        if (args.DeployerCidrs.Count > 0 && !args.Schemes.Contains(LoadBalancerScheme.Public))
        {
            throw new ArgumentException($"{region}: deployer CIDRs are admitted by an internet-facing load balancer; add the public scheme", nameof(args));
        }

        var certificate = new RegionalCertificate(program, provider, args);
        SelfSignedCertificatePem = certificate.SelfSignedCertificatePem;
        LoadBalancers = args.Schemes.Distinct().ToDictionary(s => s, s => new RegistryLoadBalancer(program, provider, new RegistryLoadBalancerArgs
        {
            Region = region,
            Domain = args.Domain,
            Scheme = s,
            VpcId = args.VpcId,
            SubnetIds = s == LoadBalancerScheme.Public ? args.PublicSubnetIds : args.PrivateSubnetIds,
            Nodes = args.Nodes,
            CertificateArn = certificate.Arn,
            Logs = args.Logs,
            Protection = args.Protection,
            // The internet gets the registry paths, its admins every path; the private network every path
            // (replication between regions and the Harbor provider use the API there).
            ClientCidrs = s == LoadBalancerScheme.Public ? args.ClientCidrs : null,
            AdminCidrs = s == LoadBalancerScheme.Public ? args.AdminCidrs : [],
            DeployerCidrs = s == LoadBalancerScheme.Public ? args.DeployerCidrs : [],
            Paths = s == LoadBalancerScheme.Public ? PathPolicy.RegistryOnly : PathPolicy.AllPaths,
            WafRateLimit = args.WafRateLimit,
        }));

        if (zone is not null)
        {
            DeclareRecord(program, zone, region, LoadBalancers.GetValueOrDefault(LoadBalancerScheme.Public) ?? LoadBalancers[LoadBalancerScheme.Internal]);
        }
    }

    /// <summary><c>&lt;region&gt;.&lt;domain&gt;</c>.</summary>
    public string Host { get; }

    public string Url => $"https://{Host}";

    public IReadOnlyDictionary<LoadBalancerScheme, RegistryLoadBalancer> LoadBalancers { get; }

    /// <summary>With <c>self-signed</c> certificates: the certificate clients must trust.</summary>
    public Ref? SelfSignedCertificatePem { get; }

    /// <summary>
    /// The HTTPS listeners and the rules that forward to the target groups: Harbor's rollout waits for
    /// them (its pods' readiness gates need attached target groups).
    /// </summary>
    public IReadOnlyList<Ref> HttpsListeners => LoadBalancers.OrderBy(l => l.Key)
        .SelectMany(l => new[] { l.Value.HttpsListener }.Concat(l.Value.ListenerRules)).ToArray();

    /// <summary>Every target group Harbor's pods are bound to.</summary>
    public IReadOnlyList<Ref> TargetGroupArns => LoadBalancers.OrderBy(l => l.Key).Select(l => l.Value.TargetGroupArn).ToArray();

    /// <summary>Target groups by load balancer role (<c>public</c>, <c>internal</c>).</summary>
    public IReadOnlyDictionary<string, Ref> TargetGroups =>
        LoadBalancers.Values.ToDictionary(l => l.Prefix, l => l.TargetGroupArn, StringComparer.Ordinal);

    private void DeclareRecord(PulumiProgram program, PublicZone zone, string region, RegistryLoadBalancer target)
    {
        var properties = new MapValue
        {
            ["zoneId"] = zone.ZoneId,
            ["name"] = Host,
        };
        if (zone.Partition == Partitions.Of(region))
        {
            properties.Add("type", "A");
            properties.Add("aliases", Value.List(new MapValue
            {
                ["name"] = target.DnsName,
                ["zoneId"] = target.ZoneId,
                ["evaluateTargetHealth"] = true,
            }));
        }
        else
        {
            // Alias targets must be in the zone's own partition (DESIGN.md, the two partitions).
            properties.Add("type", "CNAME");
            properties.Add("ttl", 300);
            properties.Add("records", Value.List(target.DnsName));
        }

        program.Declare(LogicalName.Of(region, "lb", "dns"), ResourceTypes.Route53Record, zone.Provider, properties);
    }
}
