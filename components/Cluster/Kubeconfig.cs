using HarborHa.Model;

namespace HarborHa.Cluster;

/// <summary>
/// The kubeconfig the per-region Kubernetes provider uses. Authentication is an exec plugin
/// (<c>aws eks get-token</c>) rather than a token in the config: nothing secret is stored, the
/// token is fresh on every run, and the config only changes when the cluster itself changes (a
/// changed kubeconfig replaces the provider, and with it every Kubernetes resource, which is
/// exactly what a rebuilt cluster needs).
/// </summary>
public static class Kubeconfig
{
    /// <summary>The kubeconfig object; the caller writes it as JSON (<c>fn::toJSON</c>).</summary>
    /// <param name="endpoint">API server URL (the cluster's <c>endpoint</c>).</param>
    /// <param name="certificateAuthority">Base64 CA bundle (<c>certificateAuthority.data</c>).</param>
    /// <param name="clusterName">EKS cluster name, for <c>get-token</c>.</param>
    /// <param name="region">Region of the cluster, for <c>get-token</c>.</param>
    /// <param name="profile">Credentials profile of the region's partition, or null for ambient credentials.</param>
    public static MapValue For(Value endpoint, Value certificateAuthority, Value clusterName, string region, string? profile)
    {
        var args = new List<Value> { "eks", "get-token", "--cluster-name", clusterName, "--region", region, "--output", "json" };
        if (profile is not null)
        {
            args.Add("--profile");
            args.Add(profile);
        }

        return new MapValue
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Config",
            ["clusters"] = Value.List(new MapValue
            {
                ["name"] = region,
                ["cluster"] = new MapValue
                {
                    ["server"] = endpoint,
                    ["certificate-authority-data"] = certificateAuthority,
                },
            }),
            ["users"] = Value.List(new MapValue
            {
                ["name"] = region,
                ["user"] = new MapValue
                {
                    ["exec"] = new MapValue
                    {
                        ["apiVersion"] = "client.authentication.k8s.io/v1beta1",
                        ["command"] = "aws",
                        ["args"] = new ListValue(args),
                        ["interactiveMode"] = "Never",
                    },
                },
            }),
            ["contexts"] = Value.List(new MapValue
            {
                ["name"] = region,
                ["context"] = new MapValue { ["cluster"] = region, ["user"] = region },
            }),
            ["current-context"] = region,
        };
    }
}
