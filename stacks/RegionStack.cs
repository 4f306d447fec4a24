using HarborHa.Cluster;
using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.LoadBalancer;
using HarborHa.Model;
using HarborHa.Network;
using HarborHa.Planning;
using HarborHa.Registry;

namespace HarborHa.Stacks;

/// <summary>
/// Everything one region runs, whatever the topology: its providers and network, then state,
/// cluster and Harbor. Topologies decide the options (NAT, sizing) and add what links regions.
/// </summary>
public sealed class RegionStack
{
    private readonly PulumiProgram _program;
    private readonly StackConfig _config;
    private readonly GlobalProviders _global;

    public RegionStack(PulumiProgram program, StackConfig config, GlobalProviders global, RegionConfig region, NatStrategy nat)
    {
        _program = program;
        _config = config;
        _global = global;
        Region = region;
        Providers = new RegionProviders(program, config, region);
        Network = new RegionalNetwork(program, Providers.Aws, new RegionalNetworkArgs { Region = region, Nat = nat });
        // The nodes' group exists before the cluster so that state components can allow it by intent.
        Nodes = new SecurityGroup(program, Providers.Aws, LogicalName.Of(region.Name, "cluster", "nodes-sg"), Network.VpcId,
            "harbor-ha cluster nodes", allowAllEgress: true);
        program.AddOutput($"{OutputPrefix}VpcId", Network.VpcId);

        var sizing = config.Sizing;
        Cluster = new EksCluster(program, Providers.Aws, new EksClusterArgs
        {
            Region = region,
            PrivateSubnetIds = Network.SubnetIds[SubnetTier.Private],
            NodeSecurityGroup = Nodes,
            RandomProvider = global.Random,
            TlsProvider = global.Tls,
            KubernetesVersion = config.KubernetesVersion,
            NodeInstanceType = sizing.NodeInstanceType,
            NodeMinSize = sizing.NodeMinSize,
            NodeDesiredSize = sizing.NodeDesiredSize,
            NodeMaxSize = sizing.NodeMaxSize,
            PublicAccessCidrs = config.ClusterPublicAccessCidrs,
            AdminArns = config.ClusterAdminArns,
            AwsProfile = region.Side == Side.China ? config.AwsCnProfile : config.AwsProfile,
            Protect = config.IsProtected,
        });
        FrontDoor = new RegistryFrontDoor(program, Providers.Aws, new RegistryFrontDoorArgs
        {
            Config = config,
            Region = region,
            VpcId = Network.VpcId,
            PublicSubnetIds = Network.SubnetIds[SubnetTier.Public],
            PrivateSubnetIds = Network.SubnetIds[SubnetTier.Private],
            Nodes = Nodes,
            TlsProvider = global.Tls,
        });
        LoadBalancerController = new LoadBalancerController(program, Providers.Aws, new LoadBalancerControllerArgs
        {
            Region = region,
            Cluster = Cluster,
            VpcId = Network.VpcId,
            TargetGroupArns = FrontDoor.TargetGroupArns,
        });

        program.AddOutput($"{OutputPrefix}ClusterName", Cluster.ClusterName);
        program.AddOutput($"{OutputPrefix}RegistryUrl", FrontDoor.Url);
        foreach (var (scheme, lb) in FrontDoor.LoadBalancers)
        {
            program.AddOutput($"{OutputPrefix}{scheme}AlbDnsName", lb.DnsName);
        }

        if (FrontDoor.SelfSignedCertificatePem is { } pem)
        {
            // Public, not secret: docker clients put it in /etc/docker/certs.d/<host>/ca.crt.
            program.AddOutput($"{OutputPrefix}SelfSignedCertificate", pem);
        }
    }

    public RegionConfig Region { get; }

    public RegionProviders Providers { get; }

    public RegionalNetwork Network { get; }

    /// <summary>Security group of the cluster's nodes: the only source allowed into databases and caches.</summary>
    public SecurityGroup Nodes { get; }

    /// <summary>The region's EKS cluster and its Kubernetes provider.</summary>
    public EksCluster Cluster { get; }

    /// <summary>Certificate, load balancers and DNS name of the region's registry.</summary>
    public RegistryFrontDoor FrontDoor { get; }

    public LoadBalancerController LoadBalancerController { get; }

    /// <summary>Harbor, once <see cref="AddRegistry"/> has run.</summary>
    public HarborRegistry? Registry { get; private set; }

    /// <summary>Stack output names are camelCase per region, e.g. <c>apSoutheast1VpcId</c>.</summary>
    public string OutputPrefix => OutputName(Region.Name);

    public static string OutputName(string region)
    {
        var parts = region.Split('-');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    /// <summary>
    /// Deploys Harbor on the region's cluster, behind its load balancers, on the region's state
    /// tier. Called once the state components exist: <paramref name="state"/> carries their
    /// endpoints and secret references (database, Redis, registry bucket and its access key).
    /// </summary>
    public HarborRegistry AddRegistry(StateEndpoints state)
    {
        if (Registry is not null)
        {
            throw new ProgramException($"Harbor is added to {Region.Name} twice");
        }

        Registry = new HarborRegistry(_program, new HarborRegistryArgs
        {
            Region = Region,
            ExternalUrl = FrontDoor.Url,
            KubernetesProvider = Cluster.KubernetesProvider,
            State = state,
            Shared = HarborSharedSecrets.For(_program, _global),
            TargetGroups = FrontDoor.TargetGroups,
            DependsOn = [LoadBalancerController.Release, .. Cluster.WorkloadsReady],
            Replicas = _config.Sizing.HarborReplicas,
            RequireZoneSpread = _config.Topology != Topology.SingleSite,
        });
        // Where the initial admin password lives in the cluster; its value is the secret stack output harborAdminPassword.
        _program.AddOutput($"{OutputPrefix}AdminPasswordSecret", new Interpolation(Registry.Namespace, "/", Registry.AdminSecretName));
        return Registry;
    }
}
