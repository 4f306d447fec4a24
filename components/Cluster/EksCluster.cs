using System.Text.RegularExpressions;
using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Cluster;

/// <summary>
/// A region's EKS cluster: control plane with every log type and KMS envelope encryption of
/// Secrets, an API endpoint that is private unless CIDRs are configured, the IAM OIDC provider, the
/// pinned core add-ons, one managed node group over the private subnets of every AZ (launch
/// template: IMDSv2 only, encrypted gp3 root volume, the nodes' own security group), and the
/// Kubernetes provider that every Kubernetes resource of the region names.
/// </summary>
public sealed partial class EksCluster
{
    /// <summary>Control-plane log types (EKS User Guide, control plane logging): all of them.</summary>
    public static readonly IReadOnlyList<string> LogTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler"];

    private readonly PulumiProgram _program;
    private readonly Ref _provider;
    private readonly string _region;
    private readonly Partition _partition;

    public EksCluster(PulumiProgram program, Ref provider, EksClusterArgs args)
    {
        _program = program;
        _provider = provider;
        _region = args.Region;
        _partition = Partitions.Of(args.Region);
        var r = args.Region;

        // Cluster names are unique per account and region, and two stacks (dev and staging) may
        // share both: a random suffix keeps them apart, while the log group can still be created
        // before the cluster under the name EKS will write to.
        var suffix = program.Add(Name("name-suffix"), ResourceTypes.RandomString, new MapValue
        {
            ["length"] = 6,
            ["special"] = false,
            ["upper"] = false,
        }, new ResourceOptions { Provider = args.RandomProvider });
        var clusterName = new Interpolation($"harbor-{r}-", suffix.Out("result"));

        // EKS writes control-plane logs to this group; created first so that retention applies
        // (EKS would otherwise create it with logs kept forever).
        var logs = program.Declare(Name("logs"), ResourceTypes.CloudWatchLogGroup, provider, new MapValue
        {
            ["name"] = new Interpolation($"/aws/eks/harbor-{r}-", suffix.Out("result"), "/cluster"),
            ["retentionInDays"] = args.LogRetentionDays,
        });

        var role = program.Declare(Name("role"), ResourceTypes.IamRole, provider, new MapValue
        {
            ["description"] = $"harbor-ha {r}: EKS control plane",
            ["assumeRolePolicy"] = IamPolicy.AssumableBy("eks.amazonaws.com"),
            ["tags"] = ProgramExtensions.NameTag(Name("role")),
        });
        var rolePolicy = program.Declare(Name("role-eks-policy"), ResourceTypes.IamRolePolicyAttachment, provider, new MapValue
        {
            ["role"] = role.Id,
            ["policyArn"] = IamPolicy.Managed(_partition, "AmazonEKSClusterPolicy"),
        });
        // Envelope encryption of Secrets: administered by the key administrators, used by the control
        // plane's role (which only EKS can assume) and through EKS for its grants, by nobody else.
        var key = program.Declare(Name("secrets-key"), ResourceTypes.KmsKey, provider, new MapValue
        {
            ["description"] = $"harbor-ha {r}: envelope encryption of Kubernetes Secrets",
            ["enableKeyRotation"] = true,
            ["deletionWindowInDays"] = 30,
            ["policy"] = Encryption.KeyPolicy.Document(r, provider, args.KeyAdminArns, Encryption.KeyPolicy.ViaServices(r, "eks"), [role.Out("arn")]),
            ["tags"] = ProgramExtensions.NameTag(Name("secrets-key")),
        }, new ResourceOptions { Protect = args.Protection == Protection.Protected });

        // Envelope encryption: the control plane uses this key and no other.
        var roleKms = program.Declare(Name("role-kms"), ResourceTypes.IamRolePolicy, provider, new MapValue
        {
            ["role"] = role.Id,
            ["policy"] = IamPolicy.Document(new MapValue
            {
                ["Effect"] = "Allow",
                ["Action"] = Value.List("kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"),
                ["Resource"] = key.Out("arn"),
            }),
        });

        var vpcConfig = new MapValue
        {
            ["subnetIds"] = new ListValue(args.PrivateSubnetIds.ToArray()),
            ["endpointPrivateAccess"] = true,
            ["endpointPublicAccess"] = args.PublicAccessCidrs.Count > 0,
        };
        if (args.PublicAccessCidrs.Count > 0)
        {
            vpcConfig.Add("publicAccessCidrs", Value.List(args.PublicAccessCidrs));
        }

        var cluster = program.Declare(Name("eks"), ResourceTypes.EksCluster, provider, new MapValue
        {
            ["name"] = clusterName,
            ["version"] = args.KubernetesVersion,
            ["roleArn"] = role.Out("arn"),
            ["vpcConfig"] = vpcConfig,
            // Access entries (API mode) instead of the aws-auth ConfigMap. The creator gets no hidden,
            // permanent admin entry (it applies only at creation and is invisible in the program):
            // every admin is an access entry below, from AdminArns or DeployerAccess.
            ["accessConfig"] = new MapValue
            {
                ["authenticationMode"] = "API",
                ["bootstrapClusterCreatorAdminPermissions"] = false,
            },
            // The core add-ons are managed EKS add-ons at pinned builds (below), not the unmanaged copies.
            ["bootstrapSelfManagedAddons"] = false,
            ["enabledClusterLogTypes"] = Value.List(LogTypes),
            ["encryptionConfig"] = new MapValue
            {
                ["provider"] = new MapValue { ["keyArn"] = key.Out("arn") },
                ["resources"] = Value.List("secrets"),
            },
            ["deletionProtection"] = args.Protection == Protection.Protected,
            ["tags"] = ProgramExtensions.NameTag(Name("eks")),
        }, new ResourceOptions
        {
            Protect = args.Protection == Protection.Protected,
            // EKS needs its role's permissions until it has deleted what it created (AWS provider docs).
            DependsOn = [logs.Self, rolePolicy.Self, roleKms.Self],
        });
        ClusterName = cluster.Out("name");
        Endpoint = cluster.Out("endpoint");
        ClusterSecurityGroupId = cluster.Out("vpcConfig.clusterSecurityGroupId");
        foreach (var cidr in args.PrivateAccessCidrs)
        {
            _program.Declare(Name($"api-from-{cidr.Replace('.', '-').Replace('/', '-')}"), ResourceTypes.IngressRule, _provider, new MapValue
            {
                ["securityGroupId"] = ClusterSecurityGroupId,
                ["cidrIpv4"] = cidr,
                ["ipProtocol"] = "tcp",
                ["fromPort"] = 443,
                ["toPort"] = 443,
                ["description"] = "Kubernetes API from the private network (deployers, operators)",
            });
        }

        Issuer = DeclareOidcProvider(cluster, args);
        var addons = args.Addons;
        var vpcCni = DeclareVpcCni(cluster, addons.VpcCni);
        var kubeProxy = DeclareAddon(cluster, "kube-proxy", addons.KubeProxy, null, []);
        var nodeGroup = DeclareNodeGroup(cluster, args, [vpcCni.Self, kubeProxy.Self]);
        // CoreDNS pods need nodes to become active; created before the node group it never would.
        var coreDns = DeclareAddon(cluster, "coredns", addons.CoreDns, null, [nodeGroup.Self]);
        DeclareAdmins(cluster, args.AdminArns, args.DeployerAccess);

        WorkloadsReady = [nodeGroup.Self, coreDns.Self];
        var kubernetes = new MapValue
        {
            ["kubeconfig"] = new ToJson(Kubeconfig.For(Endpoint, cluster.Out("certificateAuthority.data"), ClusterName, r, args.AwsProfile)),
            ["enableServerSideApply"] = true,
        };
        if (args.ForgetUnreachableObjects)
        {
            // Only for rebuilding a lost region: objects of an unreachable cluster leave the state.
            kubernetes.Add("deleteUnreachable", true);
        }

        KubernetesProvider = program.Add(LogicalName.Of(r, "k8s"), Resource.ProviderPrefix + "kubernetes", kubernetes,
            new ResourceOptions { Version = ProviderVersions.Kubernetes }).Self;
    }

    /// <summary>The EKS cluster name (with its random suffix).</summary>
    public Ref ClusterName { get; }

    /// <summary>The API server URL.</summary>
    public Ref Endpoint { get; }

    /// <summary>The security group EKS creates for the control plane and attaches to the nodes.</summary>
    public Ref ClusterSecurityGroupId { get; }

    /// <summary>The OIDC provider, for roles of service accounts.</summary>
    public OidcIssuer Issuer { get; }

    /// <summary>The region's <c>pulumi:providers:kubernetes</c>; every Kubernetes resource names it.</summary>
    public Ref KubernetesProvider { get; }

    /// <summary>What workloads (Helm releases) wait for: nodes up and cluster DNS running.</summary>
    public IReadOnlyList<Ref> WorkloadsReady { get; }

    /// <summary>The EKS managed node group AMI type for an instance type: ARM for Graviton families (m7g, c6gn, r8gd).</summary>
    public static string AmiTypeFor(string instanceType) =>
        GravitonFamily().IsMatch(instanceType) ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD";

    private string Name(string role) => LogicalName.Of(_region, "cluster", role);

    private OidcIssuer DeclareOidcProvider(Resource cluster, EksClusterArgs args)
    {
        var issuerUrl = cluster.Out("identities[0].oidcs[0].issuer");
        // The thumbprint of the issuer's root CA, read from the endpoint itself.
        var certificates = _program.AddVariable(Name("oidc-certificates"),
            new Invoke(ResourceTypes.GetTlsCertificate, new MapValue { ["url"] = issuerUrl }, args.TlsProvider));
        var oidc = _program.Declare(Name("oidc"), ResourceTypes.IamOpenIdConnectProvider, _provider, new MapValue
        {
            ["url"] = issuerUrl,
            ["clientIdLists"] = Value.List(OidcIssuer.Audience),
            ["thumbprintLists"] = Value.List(new Ref(certificates.Target, "certificates[0].sha1Fingerprint")),
            ["tags"] = ProgramExtensions.NameTag(Name("oidc")),
        });
        // The provider ARN ends in "oidc-provider/<issuer without scheme>": the condition key prefix.
        var hostPath = _program.AddVariable(Name("oidc-issuer"), new Select(1, new Split("oidc-provider/", oidc.Out("arn"))));
        return new OidcIssuer(oidc.Out("arn"), hostPath);
    }

    private Resource DeclareVpcCni(Resource cluster, string version)
    {
        // The CNI's permissions go to its own service account, so the node role does not need them
        // (EKS User Guide, "Configure Amazon VPC CNI plugin to use IRSA").
        var role = ServiceAccountRole.Declare(_program, _provider, Name("vpc-cni-role"), Issuer, "kube-system", "aws-node",
            $"harbor-ha {_region}: Amazon VPC CNI (aws-node)");
        var policy = _program.Declare(Name("vpc-cni-role-policy"), ResourceTypes.IamRolePolicyAttachment, _provider, new MapValue
        {
            ["role"] = role.Id,
            ["policyArn"] = IamPolicy.Managed(_partition, "AmazonEKS_CNI_Policy"),
        });
        // The CNI's network policy agent enforces Kubernetes NetworkPolicies (EKS User Guide, "Limit pod
        // traffic with Kubernetes network policies"); without it a NetworkPolicy is accepted and ignored.
        // The add-on starts aws-node with the role at once: without the policy attached, pods get no IPs
        // and the node group never becomes ready.
        return DeclareAddon(cluster, "vpc-cni", version, role.Out("arn"), [policy.Self],
            new ToJson(new MapValue { ["enableNetworkPolicy"] = "true" }));
    }

    private Resource DeclareAddon(Resource cluster, string addon, string version, Value? serviceAccountRole, IReadOnlyList<Ref> dependsOn, Value? configuration = null)
    {
        var properties = new MapValue
        {
            ["clusterName"] = cluster.Out("name"),
            ["addonName"] = addon,
            ["addonVersion"] = version,
            ["resolveConflictsOnCreate"] = "OVERWRITE",
            ["resolveConflictsOnUpdate"] = "OVERWRITE",
        };
        properties.AddIfSet("serviceAccountRoleArn", serviceAccountRole);
        properties.AddIfSet("configurationValues", configuration);
        return _program.Declare(Name($"addon-{addon}"), ResourceTypes.EksAddon, _provider, properties,
            new ResourceOptions { DependsOn = dependsOn });
    }

    private Resource DeclareNodeGroup(Resource cluster, EksClusterArgs args, IReadOnlyList<Ref> dependsOn)
    {
        var role = _program.Declare(Name("node-role"), ResourceTypes.IamRole, _provider, new MapValue
        {
            ["description"] = $"harbor-ha {_region}: EKS nodes",
            ["assumeRolePolicy"] = IamPolicy.AssumableBy(ServicePrincipal.Ec2(_partition)),
            ["tags"] = ProgramExtensions.NameTag(Name("node-role")),
        });
        // Least privilege: join the cluster and pull add-on images. No CNI policy (the CNI has its
        // own role), no S3 (the registry has its own scoped key), no SSM. With EcrRepositoryArns the
        // pulls are limited to those repositories instead of every repository the account can see.
        var managed = args.EcrRepositoryArns is null
            ? new[] { ("worker", "AmazonEKSWorkerNodePolicy"), ("ecr", "AmazonEC2ContainerRegistryReadOnly") }
            : new[] { ("worker", "AmazonEKSWorkerNodePolicy") };
        var attachments = managed
            .Select(p => _program.Declare(Name($"node-role-{p.Item1}-policy"), ResourceTypes.IamRolePolicyAttachment, _provider, new MapValue
            {
                ["role"] = role.Id,
                ["policyArn"] = IamPolicy.Managed(_partition, p.Item2),
            }).Self)
            .ToArray();
        if (args.EcrRepositoryArns is { } repositories)
        {
            attachments = [.. attachments, _program.Declare(Name("node-role-ecr-read"), ResourceTypes.IamRolePolicy, _provider, new MapValue
            {
                ["role"] = role.Id,
                ["policy"] = IamPolicy.Document(
                    new MapValue
                    {
                        // GetAuthorizationToken has no resource-level permissions (ECR User Guide).
                        ["Sid"] = "RegistryLogin",
                        ["Effect"] = "Allow",
                        ["Action"] = "ecr:GetAuthorizationToken",
                        ["Resource"] = "*",
                    },
                    new MapValue
                    {
                        ["Sid"] = "PullNamedRepositories",
                        ["Effect"] = "Allow",
                        ["Action"] = Value.List("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
                        ["Resource"] = Value.List(repositories),
                    }),
            }).Self];
        }

        var template = _program.Declare(Name("node-template"), ResourceTypes.LaunchTemplate, _provider, new MapValue
        {
            ["description"] = $"harbor-ha {_region}: EKS nodes (IMDSv2 only, encrypted root volume)",
            ["metadataOptions"] = new MapValue
            {
                ["httpEndpoint"] = "enabled",
                ["httpTokens"] = "required",
                // One hop: host processes reach IMDS, pods cannot borrow the node role. Controllers
                // get their region and VPC from values or use their own roles.
                ["httpPutResponseHopLimit"] = 1,
            },
            ["blockDeviceMappings"] = Value.List(new MapValue
            {
                // The root device of the EKS-optimised Amazon Linux 2023 AMIs.
                ["deviceName"] = "/dev/xvda",
                ["ebs"] = new MapValue
                {
                    ["volumeSize"] = args.NodeVolumeSizeGb,
                    ["volumeType"] = "gp3",
                    ["encrypted"] = "true",
                    ["deleteOnTermination"] = "true",
                },
            }),
            // The nodes' own group (which state components allow) plus the cluster group, which
            // carries control plane <-> node traffic; without it nodes do not join.
            ["vpcSecurityGroupIds"] = Value.List(args.NodeSecurityGroup.Id, ClusterSecurityGroupId),
            ["tagSpecifications"] = Value.List(
                new MapValue { ["resourceType"] = "instance", ["tags"] = ProgramExtensions.NameTag(Name("node")) },
                new MapValue { ["resourceType"] = "volume", ["tags"] = ProgramExtensions.NameTag(Name("node")) }),
            ["updateDefaultVersion"] = true,
            ["tags"] = ProgramExtensions.NameTag(Name("node-template")),
        });

        return _program.Declare(Name("nodes"), ResourceTypes.EksNodeGroup, _provider, new MapValue
        {
            ["clusterName"] = cluster.Out("name"),
            // Nodes follow the control plane's version when it is upgraded.
            ["version"] = cluster.Out("version"),
            ["nodeRoleArn"] = role.Out("arn"),
            ["subnetIds"] = new ListValue(args.PrivateSubnetIds.ToArray()),
            ["scalingConfig"] = new MapValue
            {
                ["minSize"] = args.NodeMinSize,
                ["desiredSize"] = args.NodeDesiredSize,
                ["maxSize"] = args.NodeMaxSize,
            },
            ["instanceTypes"] = Value.List(args.NodeInstanceType),
            ["amiType"] = AmiTypeFor(args.NodeInstanceType),
            ["capacityType"] = "ON_DEMAND",
            ["launchTemplate"] = new MapValue
            {
                ["id"] = template.Id,
                // The template's version is a number and the node group wants a string: its JSON
                // text is exactly that ("$Latest" would show a diff on every run, AWS provider docs).
                ["version"] = new ToJson(template.Out("latestVersion")),
            },
            ["updateConfig"] = new MapValue { ["maxUnavailable"] = 1 },
            ["tags"] = ProgramExtensions.NameTag(Name("nodes")),
        }, new ResourceOptions { DependsOn = [.. attachments, .. dependsOn] });
    }

    private void DeclareAdmins(Resource cluster, IReadOnlyList<string> adminArns, DeployerAccess deployer)
    {
        var partition = _partition.ArnName();
        var admins = adminArns.Where(a => a.StartsWith($"arn:{partition}:", StringComparison.Ordinal))
            .Select(a => (Id: AdminId(a), Principal: (Value)a))
            .ToList();
        if (deployer == DeployerAccess.ClusterAdmin)
        {
            // The IAM role (or user) behind the deploying session: an assumed-role session ARN is not a
            // valid access entry principal, its issuer is (iam:getSessionContext).
            var caller = new Invoke(ResourceTypes.GetCallerIdentity, new MapValue(), _provider, "arn");
            admins.Add(("deployer", new Invoke(ResourceTypes.GetSessionContext, new MapValue { ["arn"] = caller }, _provider, "issuerArn")));
        }

        foreach (var (id, principal) in admins)
        {
            var entry = _program.Declare(Name($"admin-{id}"), ResourceTypes.EksAccessEntry, _provider, new MapValue
            {
                ["clusterName"] = cluster.Out("name"),
                ["principalArn"] = principal,
                ["type"] = "STANDARD",
            });
            _program.Declare(Name($"admin-{id}-policy"), ResourceTypes.EksAccessPolicyAssociation, _provider, new MapValue
            {
                ["clusterName"] = cluster.Out("name"),
                ["principalArn"] = principal,
                ["policyArn"] = $"arn:{partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
                ["accessScope"] = new MapValue { ["type"] = "cluster" },
            }, new ResourceOptions { DependsOn = [entry.Self] });
        }
    }

    /// <summary>A name part from a principal ARN (account, kind and name), never from a list position.</summary>
    public static string AdminId(string arn)
    {
        var parts = arn.Split(':', 6);
        var id = $"{parts[4]}-{parts[5]}".ToLowerInvariant();
        return NonNameCharacters().Replace(id, "-").Trim('-');
    }

    [GeneratedRegex("^[a-z]+[0-9]+[a-z]*g[a-z]*\\.")]
    private static partial Regex GravitonFamily();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonNameCharacters();
}
