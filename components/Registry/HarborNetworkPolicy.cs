using HarborHa.Model;

namespace HarborHa.Registry;

/// <summary>
/// Kubernetes NetworkPolicies of Harbor's namespace, enforced by the VPC CNI's network policy agent:
/// Harbor's pods accept connections only from each other, and nginx, the one entry point, also from
/// the VPC on its container port, which is where the load balancers' targets are (IP targets keep
/// the client's connection inside the VPC, so the load balancers' nodes come from its subnets). A pod
/// elsewhere in the cluster can no longer reach core, the registry, job service, Trivy or the
/// exporter directly, around nginx and the load balancers. Egress stays open: Harbor reaches RDS,
/// ElastiCache, S3, upstream registries and the other regions.
/// </summary>
public static class HarborNetworkPolicy
{
    /// <summary>Labels the chart puts on nginx's pods (harbor-helm templates/nginx/deployment.yaml).</summary>
    public static readonly IReadOnlyDictionary<string, string> NginxLabels = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["app"] = "harbor",
        ["component"] = "nginx",
    };

    /// <summary>nginx's container port (the target groups' port).</summary>
    public const int NginxPort = 8080;

    public static IReadOnlyList<Resource> Declare(PulumiProgram program, string region, Ref kubernetesProvider, Value ns, string vpcCidr, IReadOnlyList<Ref> dependsOn)
    {
        Resource Policy(string role, MapValue spec) => program.Add(LogicalName.Of(region, "harbor", "network-policy", role), ResourceTypes.KubernetesNetworkPolicy, new MapValue
        {
            ["metadata"] = new MapValue { ["name"] = $"harbor-{role}", ["namespace"] = ns },
            ["spec"] = spec,
        }, new ResourceOptions { Provider = kubernetesProvider, DependsOn = dependsOn });

        return
        [
            // Every pod of the namespace: ingress only from the namespace's own pods.
            Policy("namespace-only", new MapValue
            {
                ["podSelector"] = new MapValue(),
                ["policyTypes"] = Value.List("Ingress"),
                ["ingress"] = Value.List(new MapValue { ["from"] = Value.List(new MapValue { ["podSelector"] = new MapValue() }) }),
            }),
            // nginx: also from the VPC on its port, for the load balancers (and their health checks).
            Policy("load-balancers", new MapValue
            {
                ["podSelector"] = new MapValue
                {
                    ["matchLabels"] = new MapValue(NginxLabels.Select(l => KeyValuePair.Create(l.Key, (Value)l.Value))),
                },
                ["policyTypes"] = Value.List("Ingress"),
                ["ingress"] = Value.List(new MapValue
                {
                    ["from"] = Value.List(new MapValue { ["ipBlock"] = new MapValue { ["cidr"] = vpcCidr } }),
                    ["ports"] = Value.List(new MapValue { ["protocol"] = "TCP", ["port"] = NginxPort }),
                }),
            }),
        ];
    }
}
