using HarborHa.Model;

namespace HarborHa.Registry;

/// <summary>
/// The Harbor chart's values, as a pure function: tests walk the tree against the chart's own
/// values.yaml (Helm ignores a misspelt key silently) and check that no secret is in it. Every
/// secret is referenced by the name of a Kubernetes Secret, never by content.
/// </summary>
public static class HarborValues
{
    /// <summary>Components that run as Deployments or StatefulSets with a <c>replicas</c> value.</summary>
    public static readonly IReadOnlyList<string> ReplicatedComponents = ["core", "exporter", "jobservice", "nginx", "portal", "registry", "trivy"];

    /// <summary>CPU and memory requests per container, sized so one replica of everything fits a quarter of an m6i.xlarge.</summary>
    private static readonly (string Path, string Cpu, string Memory)[] Requests =
    [
        ("core", "200m", "256Mi"),
        ("exporter", "50m", "64Mi"),
        ("jobservice", "100m", "256Mi"),
        ("nginx", "50m", "64Mi"),
        ("portal", "50m", "64Mi"),
        ("registry.registry", "200m", "256Mi"),
        ("registry.controller", "50m", "64Mi"),
    ];

    /// <summary>Database connections each core and exporter pod may open (docs/sizing.md).</summary>
    public const int MaxOpenConnections = 100;

    /// <summary>Exporter replicas: each scrapes the same database, so more than one only multiplies the load.</summary>
    public const int ExporterReplicas = 1;

    /// <summary>Connections Harbor may hold open at most: core's and the exporter's pools together.</summary>
    public static int DatabaseConnectionPool(int replicas) => (replicas + ExporterReplicas) * MaxOpenConnections;

    /// <summary>Idle database connections each pod keeps.</summary>
    public const int MaxIdleConnections = 20;

    public static MapValue Build(HarborValuesArgs args)
    {
        var values = new MapValue
        {
            // nginx behind the ALB: a ClusterIP service that TargetGroupBinding resolves to pod IPs;
            // TLS ends at the ALB, so none inside.
            ["expose"] = new MapValue
            {
                ["type"] = "clusterIP",
                ["tls"] = new MapValue { ["enabled"] = false },
                ["clusterIP"] = new MapValue
                {
                    ["name"] = HarborChart.ServiceName,
                    ["ports"] = new MapValue { ["httpPort"] = HarborChart.ServicePort },
                },
            },
            ["externalURL"] = args.ExternalUrl,
            ["internalTLS"] = new MapValue { ["enabled"] = false },
            // The VPC is IPv4 only; nginx must not try to listen on [::].
            ["ipFamily"] = new MapValue { ["ipv6"] = new MapValue { ["enabled"] = false } },
            // No PersistentVolumeClaim anywhere: images in S3, job logs in the database, scanner
            // cache on emptyDir. A ReadWriteOnce volume would pin a Deployment to one AZ and
            // block rolling updates.
            ["persistence"] = new MapValue
            {
                ["enabled"] = false,
                ["imageChartStorage"] = new MapValue
                {
                    // Blobs flow through Harbor rather than through redirects to S3 URLs, so
                    // clients on the private network never need a route to S3 (DESIGN.md: image
                    // traffic between regions stays on the private network).
                    ["disableredirect"] = true,
                    ["type"] = "s3",
                    ["s3"] = new MapValue
                    {
                        ["region"] = args.BucketRegion,
                        ["bucket"] = args.BucketName,
                        ["existingSecret"] = args.Secrets.S3,
                        ["secure"] = true,
                    },
                },
            },
            ["existingSecretAdminPassword"] = args.Secrets.Admin,
            ["existingSecretAdminPasswordKey"] = HarborSecretKeys.AdminPassword,
            ["existingSecretSecretKey"] = args.Secrets.Internal,
            ["updateStrategy"] = new MapValue { ["type"] = "RollingUpdate" },
            // The schema migration runs once, as a pre-upgrade hook Job, before any new pod starts,
            // instead of in every new core pod while old ones still serve.
            ["enableMigrateHelmHook"] = true,
            ["metrics"] = new MapValue { ["enabled"] = true },
            ["database"] = new MapValue
            {
                ["type"] = "external",
                ["external"] = new MapValue
                {
                    ["host"] = args.DatabaseHost,
                    ["port"] = args.DatabasePort,
                    ["username"] = args.DatabaseUsername,
                    ["coreDatabase"] = args.DatabaseName,
                    ["existingSecret"] = args.Secrets.Database,
                    // RDS enforces TLS (rds.force_ssl); "require" encrypts without a CA bundle in the image.
                    ["sslmode"] = "require",
                },
                // Per core and exporter pod. The chart's 900 open connections per pod would exceed
                // what an RDS instance allows (max_connections scales with its memory: about 1,700 on
                // db.r6g.large) at a few replicas; 100 per pod keeps 3 replicas of each under 600.
                ["maxOpenConns"] = MaxOpenConnections,
                ["maxIdleConns"] = MaxIdleConnections,
            },
            ["redis"] = new MapValue
            {
                ["type"] = "external",
                ["external"] = new MapValue
                {
                    ["addr"] = args.RedisAddress,
                    ["tlsOptions"] = new MapValue { ["enable"] = true },
                    ["existingSecret"] = args.Secrets.Redis,
                },
            },
        };

        var components = ReplicatedComponents.ToDictionary(c => c, _ => Component(args), StringComparer.Ordinal);
        components["core"].Add("existingSecret", args.Secrets.Internal);
        components["core"].Add("existingXsrfSecret", args.Secrets.Internal);
        components["core"].Add("existingXsrfSecretKey", HarborSecretKeys.Xsrf);
        components["core"].Add("secretName", args.Secrets.Token);
        components["jobservice"].Add("existingSecret", args.Secrets.Internal);
        components["jobservice"].Add("existingSecretKey", HarborSecretKeys.Jobservice);
        // Job logs in the database: no volume, readable from every replica.
        components["jobservice"].Add("jobLoggers", Value.List("database"));
        components["registry"].Add("existingSecret", args.Secrets.Internal);
        components["registry"].Add("existingSecretKey", HarborSecretKeys.RegistryHttp);
        components["registry"].Add("credentials", new MapValue
        {
            ["username"] = HarborSharedSecrets.RegistryUser,
            ["existingSecret"] = args.Secrets.RegistryCredentials,
        });
        components["trivy"].Add("resources", new MapValue
        {
            ["requests"] = new MapValue { ["cpu"] = "200m", ["memory"] = "512Mi" },
            ["limits"] = new MapValue { ["cpu"] = "1", ["memory"] = "1Gi" },
        });
        foreach (var (path, cpu, memory) in Requests)
        {
            var parts = path.Split('.');
            var target = components[parts[0]];
            if (parts.Length > 1)
            {
                var container = new MapValue();
                target.Add(parts[1], container);
                target = container;
            }

            target.Add("resources", new MapValue { ["requests"] = new MapValue { ["cpu"] = cpu, ["memory"] = memory } });
        }

        foreach (var (name, component) in components)
        {
            values.Add(name, component);
        }

        return values;
    }

    /// <summary>Replicas, disruption budget and zone spread, the same for every component.</summary>
    private static MapValue Component(HarborValuesArgs args) => new()
    {
        ["replicas"] = args.Replicas,
        // The chart renders a budget only above one replica; with one, a budget would block node drains.
        ["podDisruptionBudget"] = new MapValue
        {
            ["enabled"] = args.Replicas > 1,
            ["minAvailable"] = 1,
        },
        // The chart adds each component's labelSelector itself (templates/*/…-dpl.yaml).
        ["topologySpreadConstraints"] = Value.List(
            new MapValue
            {
                ["maxSkew"] = 1,
                ["topologyKey"] = "topology.kubernetes.io/zone",
                ["whenUnsatisfiable"] = args.RequireZoneSpread ? "DoNotSchedule" : "ScheduleAnyway",
            },
            new MapValue
            {
                ["maxSkew"] = 1,
                ["topologyKey"] = "kubernetes.io/hostname",
                ["whenUnsatisfiable"] = "ScheduleAnyway",
            }),
    };
}
