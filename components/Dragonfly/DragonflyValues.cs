using HarborHa.Model;

namespace HarborHa.Dragonfly;

/// <summary>
/// Helm values of the dragonfly chart 1.7.4 (Dragonfly 2.5.0) for one region, as a pure function.
/// Every key exists in the chart's values.yaml, except <c>affinity</c> of the manager, scheduler and
/// seed client, which the chart's templates read (templates/*/…-deployment/statefulset.yaml) but its
/// values.yaml does not list; the tests hold that exception list.
/// </summary>
public static class DragonflyValues
{
    /// <summary>Pins the chart's object names, so the manager's address does not depend on the release name.</summary>
    public const string FullName = "dragonfly";

    /// <summary>
    /// Where EKS's Amazon Linux 2023 nodes keep containerd's config. Those nodes already set the
    /// registry <c>config_path</c>, so dfinit only writes <c>hosts.toml</c> files, which containerd
    /// reads on every pull: no containerd restart is needed.
    /// </summary>
    public const string ContainerdConfigPath = "/etc/containerd/config.toml";

    /// <summary>Seed peers keep their cache on the node's disk (no EBS CSI driver or storage class needed); a lost cache refills from Harbor.</summary>
    public const string SeedCachePath = "/var/lib/dragonfly-seed-client";

    public static MapValue For(DragonflyValuesInput input)
    {
        var values = new MapValue
        {
            ["fullnameOverride"] = FullName,
            ["manager"] = new MapValue
            {
                ["replicas"] = input.Replicas,
                ["affinity"] = Spread("manager"),
                ["config"] = new MapValue
                {
                    ["auth"] = new MapValue { ["jwt"] = new MapValue { ["key"] = new Secret(input.JwtKey) } },
                },
            },
            ["scheduler"] = new MapValue
            {
                ["replicas"] = input.Replicas,
                ["affinity"] = Spread("scheduler"),
            },
            ["seedClient"] = new MapValue
            {
                ["replicas"] = input.Replicas,
                // RocksDB locks the cache directory: two seed peers on one node (one hostPath) would crash-loop.
                ["affinity"] = Spread("seed-client", ownNode: true),
                ["config"] = new MapValue { ["gc"] = new MapValue { ["policy"] = CacheBudget(SeedCacheBudget) } },
                ["persistence"] = new MapValue
                {
                    ["enable"] = true,
                    ["hostPath"] = new MapValue { ["path"] = SeedCachePath, ["type"] = "DirectoryOrCreate" },
                },
            },
            // The peer daemon runs on every node (a DaemonSet); dfinit points the node's containerd at it.
            ["client"] = new MapValue
            {
                ["config"] = new MapValue { ["gc"] = new MapValue { ["policy"] = CacheBudget(PeerCacheBudget) } },
                ["dfinit"] = new MapValue
                {
                    ["enable"] = true,
                    ["restartContainerRuntime"] = false,
                    ["config"] = new MapValue
                    {
                        ["containerRuntime"] = new MapValue
                        {
                            ["containerd"] = new MapValue
                            {
                                ["configPath"] = ContainerdConfigPath,
                                // Only Harbor's names go through the peers; other registries are pulled as before,
                                // so nothing bypasses Harbor's proxy caches towards the internet.
                                ["proxyAllRegistries"] = false,
                                ["registries"] = Value.List(
                                    Mirror(input.RegionalHost, input.RegionalHost),
                                    Mirror(input.GlobalHost, input.RegionalHost)),
                            },
                        },
                    },
                },
            },
            // The chart's bundled MySQL and Redis are off: the manager uses an encrypted RDS MySQL and
            // an ElastiCache Redis that only the nodes reach.
            ["mysql"] = new MapValue { ["enable"] = false },
            ["redis"] = new MapValue { ["enable"] = false },
            ["externalMysql"] = new MapValue
            {
                ["host"] = input.DatabaseHost,
                ["port"] = 3306,
                ["username"] = DragonflyCluster.DatabaseUser,
                ["password"] = new Secret(input.DatabasePassword),
                ["database"] = DragonflyCluster.DatabaseName,
                ["migrate"] = true,
            },
            ["externalRedis"] = new MapValue
            {
                ["addrs"] = Value.List(input.RedisAddress),
            },
        };
        values = MapValue.Merge(values, DragonflyImages.Pinned(input.ImageDigests));
        if (input.ImageRegistry is not null)
        {
            values.Add("global", new MapValue { ["imageRegistry"] = input.ImageRegistry });
        }

        return values;
    }

    /// <summary>A containerd registry host namespace served by the region's Harbor through the local peer.</summary>
    private static MapValue Mirror(string hostNamespace, string harborHost) => new()
    {
        ["hostNamespace"] = hostNamespace,
        ["serverAddr"] = $"https://{harborHost}",
        ["capabilities"] = Value.List("pull", "resolve"),
    };

    /// <summary>Cache budget of each node's peer daemon (it shares the node's root volume with images and pods).</summary>
    public const string PeerCacheBudget = "10GiB";

    /// <summary>Cache budget of each seed peer.</summary>
    public const string SeedCacheBudget = "20GiB";

    /// <summary>
    /// Garbage collection against a fixed budget, not the whole disk: by default dfdaemon collects only
    /// at 90 % of the disk, after kubelet's image GC (85 %) and evictions have already started.
    /// </summary>
    private static MapValue CacheBudget(string budget) => new()
    {
        ["distThreshold"] = budget,
        ["distHighThresholdPercent"] = 80,
        ["distLowThresholdPercent"] = 60,
    };

    /// <summary>
    /// Prefer one pod per AZ, then one per node. Preferred, not required: a rolling update briefly
    /// runs one pod more than there are AZs, and a required rule would leave it pending. With
    /// <paramref name="ownNode"/>, one per node is required (StatefulSets replace pods one at a time,
    /// so this never blocks a rollout while there are at least as many nodes as replicas).
    /// </summary>
    public static MapValue Spread(string component, bool ownNode = false)
    {
        MapValue Term(int weight, string topologyKey) => new()
        {
            ["weight"] = weight,
            ["podAffinityTerm"] = new MapValue
            {
                ["topologyKey"] = topologyKey,
                ["labelSelector"] = new MapValue { ["matchLabels"] = new MapValue { ["app"] = FullName, ["component"] = component } },
            },
        };

        var antiAffinity = new MapValue
        {
            ["preferredDuringSchedulingIgnoredDuringExecution"] = ownNode
                ? Value.List(Term(100, "topology.kubernetes.io/zone"))
                : Value.List(Term(100, "topology.kubernetes.io/zone"), Term(50, "kubernetes.io/hostname")),
        };
        if (ownNode)
        {
            antiAffinity.Add("requiredDuringSchedulingIgnoredDuringExecution", Value.List((MapValue)Term(0, "kubernetes.io/hostname")["podAffinityTerm"]));
        }

        return new MapValue { ["podAntiAffinity"] = antiAffinity };
    }
}
