using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Network;

/// <summary>
/// A region's VPC from the global plan: subnets per tier and AZ, a route table per tier and AZ,
/// internet gateway, NAT, an S3 gateway endpoint (registry traffic to S3 stays off NAT) and VPC
/// flow logs. Data subnets have no route to the internet.
/// </summary>
public sealed class RegionalNetwork
{
    private readonly PulumiProgram _program;
    private readonly Ref _provider;
    private readonly Dictionary<(SubnetTier, string), Ref> _routeTables = [];

    public RegionalNetwork(PulumiProgram program, Ref provider, RegionalNetworkArgs args)
    {
        _program = program;
        _provider = provider;
        Region = args.Region;
        VpcCidr = args.VpcCidr;
        var r = args.Region;
        var vpc = program.Declare(Name("vpc"), ResourceTypes.Vpc, provider, new MapValue
        {
            ["cidrBlock"] = VpcCidr,
            ["enableDnsSupport"] = true,
            ["enableDnsHostnames"] = true,
            ["tags"] = ProgramExtensions.NameTag(Name("vpc")),
        });
        VpcId = vpc.Id;
        var igw = program.Declare(Name("igw"), ResourceTypes.InternetGateway, provider, new MapValue
        {
            ["vpcId"] = VpcId,
            ["tags"] = ProgramExtensions.NameTag(Name("igw")),
        });
        InternetGateway = igw.Self;

        Subnets = args.Subnets;
        var subnetIds = new Dictionary<SubnetTier, List<Ref>>();
        foreach (var subnet in Subnets)
        {
            var zone = ZoneLetter(subnet.AvailabilityZone);
            var subnetName = Name($"{Tier(subnet.Tier)}-{zone}");
            var tags = ProgramExtensions.NameTag(subnetName);
            // Tags the AWS Load Balancer Controller uses to discover subnets for load balancers; public
            // subnets only where the region serves the internet.
            if (subnet.Tier == SubnetTier.Public && args.LoadBalancerSubnets == LoadBalancerSubnets.InternalAndPublic)
            {
                tags.Add("kubernetes.io/role/elb", "1");
            }
            else if (subnet.Tier == SubnetTier.Private)
            {
                tags.Add("kubernetes.io/role/internal-elb", "1");
            }

            var s = program.Declare(subnetName, ResourceTypes.Subnet, provider, new MapValue
            {
                ["vpcId"] = VpcId,
                ["cidrBlock"] = subnet.CidrBlock,
                ["availabilityZone"] = subnet.AvailabilityZone,
                ["mapPublicIpOnLaunch"] = false,
                ["tags"] = tags,
            });
            var rt = program.Declare(Name($"{Tier(subnet.Tier)}-rt-{zone}"), ResourceTypes.RouteTable, provider, new MapValue
            {
                ["vpcId"] = VpcId,
                ["tags"] = ProgramExtensions.NameTag(Name($"{Tier(subnet.Tier)}-rt-{zone}")),
            });
            program.Declare(Name($"{Tier(subnet.Tier)}-rta-{zone}"), ResourceTypes.RouteTableAssociation, provider, new MapValue
            {
                ["subnetId"] = s.Id,
                ["routeTableId"] = rt.Id,
            });
            _routeTables[(subnet.Tier, subnet.AvailabilityZone)] = rt.Id;
            if (!subnetIds.TryGetValue(subnet.Tier, out var ids))
            {
                subnetIds[subnet.Tier] = ids = [];
            }

            ids.Add(s.Id);
        }

        SubnetIds = subnetIds.ToDictionary(e => e.Key, e => (IReadOnlyList<Ref>)e.Value);
        AvailabilityZones = Subnets.Select(s => s.AvailabilityZone).Distinct().ToArray();

        foreach (var zone in AvailabilityZones)
        {
            AddRoute(SubnetTier.Public, zone, "internet", "0.0.0.0/0", new MapValue { ["gatewayId"] = igw.Id });
        }

        DeclareNat(args.Nat);
        S3EndpointId = DeclareS3Endpoint(r, args.S3EndpointBuckets);
        DeclareFlowLogs(args.FlowLogGroupName, args.FlowLogRetentionDays);
    }

    /// <summary>The region code.</summary>
    public string Region { get; }

    public Partition Partition => Partitions.Of(Region);

    public string VpcCidr { get; }

    /// <summary>The internet gateway; Elastic IPs on network interfaces need it attached first.</summary>
    public Ref InternetGateway { get; }

    /// <summary>The region's AWS provider, for components that add to this network.</summary>
    public Ref Provider => _provider;

    public Ref VpcId { get; }

    public IReadOnlyList<PlannedSubnet> Subnets { get; }

    public IReadOnlyList<string> AvailabilityZones { get; }

    /// <summary>Subnet ids per tier, in AZ order.</summary>
    public IReadOnlyDictionary<SubnetTier, IReadOnlyList<Ref>> SubnetIds { get; }

    /// <summary>Route table ids of a tier, in AZ order.</summary>
    public IReadOnlyList<Ref> RouteTableIds(SubnetTier tier) =>
        AvailabilityZones.Select(z => _routeTables[(tier, z)]).ToArray();

    /// <summary>
    /// Adds a route to one tier's route table in one AZ. <paramref name="target"/> holds the one
    /// target property (gatewayId, natGatewayId, transitGatewayId, networkInterfaceId).
    /// </summary>
    public Resource AddRoute(SubnetTier tier, string zone, string purpose, string destination, MapValue target, IReadOnlyList<Ref>? dependsOn = null)
    {
        var properties = new MapValue
        {
            ["routeTableId"] = _routeTables[(tier, zone)],
            ["destinationCidrBlock"] = destination,
        };
        foreach (var (key, value) in target)
        {
            properties.Add(key, value);
        }

        return _program.Declare(Name($"{Tier(tier)}-route-{purpose}-{ZoneLetter(zone)}"), ResourceTypes.Route, _provider, properties,
            new ResourceOptions { DependsOn = dependsOn ?? [] });
    }

    /// <summary>A logical name of this network: <c>&lt;region&gt;-network-&lt;role&gt;</c>.</summary>
    public string Name(string role) => LogicalName.Of(Region, "network", role);

    /// <summary>The AZ's letter (<c>a</c> of <c>ap-southeast-1a</c>): names use it, never a list position.</summary>
    public static string ZoneLetter(string zone) => zone[^1..];

    private static string Tier(SubnetTier tier) => tier.ToString().ToLowerInvariant();

    private void DeclareNat(NatStrategy strategy)
    {
        var natZones = strategy == NatStrategy.PerAz ? AvailabilityZones : AvailabilityZones.Take(1).ToArray();
        var publicSubnets = SubnetIds[SubnetTier.Public];
        var nats = new Dictionary<string, Ref>();
        var natIps = new List<Ref>();
        foreach (var zone in natZones)
        {
            var letter = ZoneLetter(zone);
            var eip = _program.Declare(Name($"nat-eip-{letter}"), ResourceTypes.Eip, _provider, new MapValue
            {
                ["domain"] = "vpc",
                ["tags"] = ProgramExtensions.NameTag(Name($"nat-eip-{letter}")),
            });
            natIps.Add(eip.Out("publicIp"));
            var index = AvailabilityZones.ToList().IndexOf(zone);
            nats[zone] = _program.Declare(Name($"nat-{letter}"), ResourceTypes.NatGateway, _provider, new MapValue
            {
                ["allocationId"] = eip.Id,
                ["subnetId"] = publicSubnets[index],
                ["connectivityType"] = "public",
                ["tags"] = ProgramExtensions.NameTag(Name($"nat-{letter}")),
            }, new ResourceOptions
            {
                // A public NAT gateway needs the VPC's internet gateway attached (AWS provider docs,
                // aws_nat_gateway); without the edge it can be created first and fail.
                DependsOn = [InternetGateway],
            }).Id;
        }

        if (strategy == NatStrategy.Single)
        {
            _program.Accept(Name($"nat-{ZoneLetter(natZones[0])}"), "az-loss", "single-site routes every AZ through one NAT gateway to save cost; use ha for one NAT gateway per AZ");
        }

        foreach (var zone in AvailabilityZones)
        {
            var nat = nats.GetValueOrDefault(zone) ?? nats[natZones[0]];
            AddRoute(SubnetTier.Private, zone, "internet", "0.0.0.0/0", new MapValue { ["natGatewayId"] = nat });
        }

        NatGatewayZones = natZones;
        NatPublicIps = natIps;
    }

    /// <summary>AZs that hold a NAT gateway; with <see cref="NatStrategy.Single"/> every AZ depends on the first.</summary>
    public IReadOnlyList<string> NatGatewayZones { get; private set; } = [];

    /// <summary>The public addresses of the NAT gateways: where the private subnets' internet traffic comes from.</summary>
    public IReadOnlyList<Ref> NatPublicIps { get; private set; } = [];

    /// <summary>The S3 gateway endpoint's id: policies that must only be used from inside this VPC name it (<c>aws:SourceVpce</c>).</summary>
    public Ref S3EndpointId { get; }

    private Ref DeclareS3Endpoint(string region, IReadOnlyList<string> buckets)
    {
        // The S3 gateway endpoint keeps the com.amazonaws prefix in the China regions too; only some
        // interface endpoints there use cn.com.amazonaws (e.g. ECR). aws-cdk names it the same way in
        // every partition (GatewayVpcEndpointAwsService.S3).
        var service = $"com.amazonaws.{region}.s3";
        return _program.Declare(Name("s3-endpoint"), ResourceTypes.Ec2VpcEndpoint, _provider, new MapValue
        {
            ["vpcId"] = VpcId,
            ["serviceName"] = service,
            ["vpcEndpointType"] = "Gateway",
            ["routeTableIds"] = new ListValue(RouteTableIds(SubnetTier.Private).Concat(RouteTableIds(SubnetTier.Data)).ToArray()),
            ["policy"] = S3EndpointPolicy.Document(region, buckets),
            ["tags"] = ProgramExtensions.NameTag(Name("s3-endpoint")),
        }).Id;
    }

    private Invoke AccountId() =>
        new(ResourceTypes.GetCallerIdentity, new MapValue(), _provider, "accountId");

    private void DeclareFlowLogs(string logGroupName, int retentionDays)
    {
        var logGroup = _program.Declare(Name("flow-logs"), ResourceTypes.CloudWatchLogGroup, _provider, new MapValue
        {
            ["name"] = logGroupName,
            ["retentionInDays"] = retentionDays,
        });
        var role = _program.Declare(Name("flow-logs-role"), ResourceTypes.IamRole, _provider, new MapValue
        {
            ["assumeRolePolicy"] = new ToJson(new MapValue
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = Value.List(new MapValue
                {
                    ["Effect"] = "Allow",
                    ["Principal"] = new MapValue { ["Service"] = ServicePrincipal.Of("vpc-flow-logs", Partition) },
                    ["Action"] = "sts:AssumeRole",
                    // Only flow logs of this account may use the role (confused deputy; VPC flow logs IAM role docs).
                    ["Condition"] = new MapValue
                    {
                        ["StringEquals"] = new MapValue { ["aws:SourceAccount"] = AccountId() },
                    },
                }),
            }),
        });
        _program.Declare(Name("flow-logs-policy"), ResourceTypes.IamRolePolicy, _provider, new MapValue
        {
            ["role"] = role.Id,
            ["policy"] = new ToJson(new MapValue
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = Value.List(new MapValue
                {
                    ["Effect"] = "Allow",
                    ["Action"] = Value.List("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
                    ["Resource"] = new Interpolation(logGroup.Out("arn"), ":*"),
                }),
            }),
        });
        _program.Declare(Name("flow-log"), ResourceTypes.FlowLog, _provider, new MapValue
        {
            ["vpcId"] = VpcId,
            ["trafficType"] = "ALL",
            ["logDestinationType"] = "cloud-watch-logs",
            ["logDestination"] = logGroup.Out("arn"),
            ["iamRoleArn"] = role.Out("arn"),
            ["maxAggregationInterval"] = 60,
        });
    }
}
