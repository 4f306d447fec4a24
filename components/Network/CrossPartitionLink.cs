using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Network;

/// <summary>
/// The private link between the partitions. Partitions cannot peer and AWS Site-to-Site VPN is not
/// offered in the China regions (AWS China documentation), so the VPN is an AWS Site-to-Site VPN on
/// the overseas hub's Transit Gateway whose customer gateways are software appliances on EC2 in the
/// China hub: one per AZ in two AZs, each with an Elastic IP, its own VPN connection (two tunnels,
/// BGP, started from AWS's side) and its own pre-shared keys. The overseas Transit Gateway spreads
/// traffic over all four tunnels (ECMP); the China hub's route tables and Transit Gateway send the
/// overseas /9 to the appliances.
/// </summary>
public sealed class CrossPartitionLink
{
    private static readonly int[] TunnelNumbers = [1, 2];

    private static readonly IReadOnlyList<SubnetTier> ChinaHubTiers = [SubnetTier.Public, SubnetTier.Private, SubnetTier.Transit];

    private readonly PulumiProgram _program;
    private readonly CrossPartitionLinkArgs _args;

    public CrossPartitionLink(PulumiProgram program, CrossPartitionLinkArgs args)
    {
        _program = program;
        _args = args;
        var china = args.ChinaHub;
        var overseas = args.OverseasHub;
        if (china.Network.Partition != Partition.AwsCn || overseas.Network.Partition != Partition.Aws)
        {
            throw new ProgramException("the cross-partition link joins the China hub and the overseas hub");
        }

        var logGroup = program.Declare(LogicalName.Of(overseas.Region, "vpn", "logs"), ResourceTypes.CloudWatchLogGroup, overseas.Provider, new MapValue
        {
            ["name"] = args.TunnelLogGroupName,
            ["retentionInDays"] = args.TunnelLogRetentionDays,
        });

        var appliances = VpnPlan.AppliancesOf(china.Network.AvailabilityZones)
            .Select(plan => DeclareAppliance(plan, logGroup.Out("arn")))
            .ToDictionary(a => a.Plan.Zone, StringComparer.Ordinal);
        Appliances = [.. appliances.Values];

        // China side: the hub's Transit Gateway hands the overseas /9 to its VPC, whose route tables
        // (every AZ, including the transit subnets the Transit Gateway delivers into) send it to an appliance.
        var overseasSupernet = args.OverseasCidr;
        var overseasName = Partition.Aws.NameWord();
        china.AddRoute(overseasName, overseasSupernet, china.VpcAttachmentId);
        foreach (var zone in china.Network.AvailabilityZones)
        {
            var appliance = appliances[VpnPlan.ServingZone(china.Network.AvailabilityZones, zone).Zone];
            foreach (var tier in ChinaHubTiers)
            {
                china.Network.AddRoute(tier, zone, overseasName, overseasSupernet,
                    new MapValue { ["networkInterfaceId"] = appliance.NetworkInterfaceId });
            }
        }
    }

    /// <summary>The appliances, by AZ.</summary>
    public IReadOnlyList<VpnAppliance> Appliances { get; }

    private VpnAppliance DeclareAppliance(PlannedAppliance plan, Ref logGroupArn)
    {
        var china = _args.ChinaHub;
        var overseas = _args.OverseasHub;
        var cn = china.Provider;
        var name = LogicalName.Of(china.Region, "vpn", "appliance", plan.Letter);
        string N(string role) => LogicalName.Of(name, role);
        var subnetIndex = china.Network.AvailabilityZones.ToList().IndexOf(plan.Zone);
        var publicSubnet = china.Network.SubnetIds[SubnetTier.Public][subnetIndex];

        var firewall = new SecurityGroup(_program, cn, N("sg"), china.Network.VpcId,
            $"harbor-ha VPN appliance {plan.Zone}: IKE from its tunnels, traffic of the China side to forward", allowAllEgress: true);
        var eni = _program.Declare(N("eni"), ResourceTypes.NetworkInterface, cn, new MapValue
        {
            ["subnetId"] = publicSubnet,
            ["securityGroups"] = Value.List(firewall.Id),
            // A router forwards packets that are neither from nor to itself.
            ["sourceDestCheck"] = false,
            ["description"] = $"harbor-ha VPN appliance {plan.Zone}",
            ["tags"] = ProgramExtensions.NameTag(N("eni")),
        });
        // The interface, its Elastic IP and so the customer gateway outlive the instance: replacing
        // the instance (new image, new user data) keeps the tunnels' far end and the VPC routes.
        var eip = _program.Declare(N("eip"), ResourceTypes.Eip, cn, new MapValue
        {
            ["domain"] = "vpc",
            ["networkInterface"] = eni.Id,
            ["tags"] = ProgramExtensions.NameTag(N("eip")),
        }, new ResourceOptions { DependsOn = [china.Network.InternetGateway] });

        // AWS: 8-64 characters of letters, digits, '.' and '_', not starting with '0' (VPN tunnel options);
        // letters only keeps clear of the leading zero: 40 of them are ~228 bits.
        var keys = TunnelNumbers.ToDictionary(n => n, n => GeneratedSecret.Password(_program, N($"tunnel{n}-psk"), _args.RandomProvider, 40, digits: false));

        // Overseas side: a customer gateway and a VPN connection per appliance on the hub's Transit Gateway.
        var o = overseas.Provider;
        var link = LogicalName.Of(overseas.Region, "vpn", china.Region, plan.Letter);
        var customerGateway = _program.Declare(LogicalName.Of(link, "customer-gateway"), ResourceTypes.CustomerGateway, o, new MapValue
        {
            ["type"] = "ipsec.1",
            ["bgpAsn"] = _args.ApplianceAsn.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ipAddress"] = eip.Out("publicIp"),
            ["deviceName"] = name,
            ["tags"] = ProgramExtensions.NameTag(LogicalName.Of(link, "customer-gateway")),
        });
        var connectionProperties = new MapValue
        {
            ["type"] = "ipsec.1",
            ["customerGatewayId"] = customerGateway.Id,
            ["transitGatewayId"] = overseas.Id,
            ["staticRoutesOnly"] = false,
            ["tags"] = ProgramExtensions.NameTag(LogicalName.Of(link, "connection")),
        };
        foreach (var tunnel in plan.Tunnels)
        {
            AddTunnelOptions(connectionProperties, tunnel, keys[tunnel.Number], logGroupArn);
        }

        var connection = _program.Declare(LogicalName.Of(link, "connection"), ResourceTypes.VpnConnection, o, connectionProperties,
            new ResourceOptions { AdditionalSecretOutputs = ["tunnel1PresharedKey", "tunnel2PresharedKey"] });
        var attachment = connection.Out("transitGatewayAttachmentId");
        var role = LogicalName.Of("vpn", china.Region, plan.Letter);
        overseas.Associate(role, attachment);
        overseas.Propagate(role, attachment);

        // IKE (500) and NAT-T (4500) only from this appliance's two tunnel endpoints; everything the
        // China side sends towards the overseas side, which the appliance forwards into the tunnels.
        foreach (var (number, outside) in new[] { (1, connection.Out("tunnel1Address")), (2, connection.Out("tunnel2Address")) })
        {
            var cidr = new Interpolation(outside, "/32");
            firewall.AllowFromCidr($"tunnel{number}-ike", cidr, "udp", 500, 500, $"IKE from AWS tunnel {number}");
            firewall.AllowFromCidr($"tunnel{number}-nat-t", cidr, "udp", 4500, 4500, $"IPsec NAT traversal from AWS tunnel {number}");
        }

        firewall.AllowAllFromCidr("china", _args.ChinaCidr, "China side traffic to forward to the overseas side");

        var parameter = _program.Declare(N("psk"), ResourceTypes.SsmParameter, cn, new MapValue
        {
            ["type"] = "SecureString",
            ["description"] = $"harbor-ha: pre-shared keys of {name}'s tunnels",
            ["value"] = new Secret(new ToJson(new MapValue { ["tunnel1"] = keys[1], ["tunnel2"] = keys[2] })),
        });
        var profile = DeclareInstanceRole(name, parameter.Out("arn"));

        var userData = new ApplianceUserData
        {
            ApplianceName = name,
            Region = china.Region,
            Plan = plan,
            AwsAsn = overseas.Asn,
            ApplianceAsn = _args.ApplianceAsn,
            LocalSupernet = _args.ChinaCidr,
            RemoteSupernet = _args.OverseasCidr,
            PublicIp = eip.Out("publicIp"),
            PskParameter = parameter.Out("name"),
            Tunnel1Outside = connection.Out("tunnel1Address"),
            Tunnel2Outside = connection.Out("tunnel2Address"),
            AptSnapshot = _args.AptSnapshot,
        };
        var instance = _program.Declare(name, ResourceTypes.Ec2Instance, cn, new MapValue
        {
            ["ami"] = _args.ApplianceImageId is { } image ? image : ApplianceImage.Lookup(cn, Partition.AwsCn, _args.ApplianceInstanceType),
            ["instanceType"] = _args.ApplianceInstanceType,
            ["primaryNetworkInterface"] = new MapValue { ["networkInterfaceId"] = eni.Id },
            ["iamInstanceProfile"] = profile,
            ["metadataOptions"] = new MapValue
            {
                ["httpEndpoint"] = "enabled",
                ["httpTokens"] = "required",
                ["httpPutResponseHopLimit"] = 1,
            },
            ["rootBlockDevice"] = new MapValue
            {
                ["encrypted"] = true,
                ["volumeType"] = "gp3",
                ["volumeSize"] = _args.ApplianceVolumeGb,
            },
            ["maintenanceOptions"] = new MapValue { ["autoRecovery"] = "default" },
            ["monitoring"] = true,
            ["userData"] = userData.Render(),
            // The script configures at first boot only; new tunnel addresses need a new instance.
            ["userDataReplaceOnChange"] = true,
            ["tags"] = ProgramExtensions.NameTag(name),
        }, new ResourceOptions
        {
            // A newer Ubuntu image must not replace a working appliance behind the user's back; roll
            // it deliberately (docs/network.md, replacing an appliance).
            IgnoreChanges = ["ami"],
            // The instance owns a pre-created interface (device 0) that only one instance can hold:
            // the old instance must go before its replacement can start. The other AZs carry the traffic meanwhile.
            DeleteBeforeReplace = true,
        });

        return new VpnAppliance(plan, name, instance.Id, eni.Id, eip.Out("publicIp"), connection.Id);
    }

    private static void AddTunnelOptions(MapValue properties, PlannedTunnel tunnel, Ref presharedKey, Ref logGroupArn)
    {
        var t = $"tunnel{tunnel.Number}";
        properties.Add($"{t}InsideCidr", tunnel.InsideCidr);
        properties.Add($"{t}PresharedKey", new Secret(presharedKey));
        // AWS initiates: the appliance sits behind its Elastic IP's NAT and only answers.
        properties.Add($"{t}StartupAction", "start");
        properties.Add($"{t}DpdTimeoutAction", "restart");
        properties.Add($"{t}IkeVersions", Value.List("ikev2"));
        // Exactly what the appliances propose (aes256-sha256-modp2048), nothing weaker.
        properties.Add($"{t}Phase1EncryptionAlgorithms", Value.List("AES256"));
        properties.Add($"{t}Phase1IntegrityAlgorithms", Value.List("SHA2-256"));
        properties.Add($"{t}Phase1DhGroupNumbers", Value.List(14));
        properties.Add($"{t}Phase2EncryptionAlgorithms", Value.List("AES256"));
        properties.Add($"{t}Phase2IntegrityAlgorithms", Value.List("SHA2-256"));
        properties.Add($"{t}Phase2DhGroupNumbers", Value.List(14));
        properties.Add($"{t}LogOptions", new MapValue
        {
            ["cloudwatchLogOptions"] = new MapValue
            {
                ["logEnabled"] = true,
                ["logGroupArn"] = logGroupArn,
                ["logOutputFormat"] = "json",
            },
        });
    }

    /// <summary>
    /// The appliance's role: read its own key parameter, and be reachable by Session Manager (no SSH
    /// keys, no open port) with the channel permissions only. AmazonSSMManagedInstanceCore would also
    /// grant ssm:GetParameter(s) on every parameter, so one compromised appliance, facing the internet,
    /// would read every tunnel's keys (Session Manager User Guide, "minimal permissions": the
    /// ssmmessages channel actions and ssm:UpdateInstanceInformation).
    /// </summary>
    private Ref DeclareInstanceRole(string name, Ref parameterArn)
    {
        var cn = _args.ChinaHub.Provider;
        var partition = _args.ChinaHub.Network.Partition;
        var role = _program.Declare(LogicalName.Of(name, "role"), ResourceTypes.IamRole, cn, new MapValue
        {
            ["assumeRolePolicy"] = new ToJson(new MapValue
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = Value.List(new MapValue
                {
                    ["Effect"] = "Allow",
                    ["Principal"] = new MapValue { ["Service"] = ServicePrincipal.Ec2(partition) },
                    ["Action"] = "sts:AssumeRole",
                }),
            }),
        });
        _program.Declare(LogicalName.Of(name, "policy"), ResourceTypes.IamRolePolicy, cn, new MapValue
        {
            ["role"] = role.Id,
            ["policy"] = new ToJson(new MapValue
            {
                ["Version"] = "2012-10-17",
                // SecureString under the AWS managed key: ssm:GetParameter suffices, the key policy allows use through SSM.
                ["Statement"] = Value.List(
                    new MapValue
                    {
                        ["Sid"] = "OwnTunnelKeys",
                        ["Effect"] = "Allow",
                        ["Action"] = "ssm:GetParameter",
                        ["Resource"] = parameterArn,
                    },
                    new MapValue
                    {
                        // Neither action supports resource-level permissions on the channel (Session Manager User Guide).
                        ["Sid"] = "SessionManagerChannels",
                        ["Effect"] = "Allow",
                        ["Action"] = Value.List("ssm:UpdateInstanceInformation", "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                            "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"),
                        ["Resource"] = "*",
                    }),
            }),
        });
        return _program.Declare(LogicalName.Of(name, "profile"), ResourceTypes.IamInstanceProfile, cn, new MapValue
        {
            ["role"] = role.Id,
        }).Out("name");
    }
}
