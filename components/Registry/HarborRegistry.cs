using HarborHa.Model;

namespace HarborHa.Registry;

/// <summary>
/// Harbor in a region's cluster: its namespace (with ALB pod readiness gates), the Kubernetes
/// Secrets the chart reads, one TargetGroupBinding per load balancer, and the Helm release of
/// the official chart. Helm values hold names and endpoints only; every secret travels from its
/// <c>random:</c>/<c>tls:</c>/state resource into a Secret's <c>stringData</c>.
/// </summary>
public sealed class HarborRegistry
{
    private readonly PulumiProgram _program;
    private readonly HarborRegistryArgs _args;

    public HarborRegistry(PulumiProgram program, HarborRegistryArgs args)
    {
        _program = program;
        _args = args;
        var ns = Kubernetes(Name("namespace"), ResourceTypes.KubernetesNamespace, new MapValue
        {
            ["metadata"] = new MapValue
            {
                ["name"] = HarborChart.Namespace,
                // New pods become Ready only once the ALB reports them healthy, so a rolling
                // update never removes the last healthy target (Load Balancer Controller docs,
                // pod readiness gate).
                ["labels"] = new MapValue { ["elbv2.k8s.aws/pod-readiness-gate-inject"] = "enabled" },
            },
        });
        Namespace = ns.Out("metadata.name");
        NetworkPolicies = HarborNetworkPolicy.Declare(program, args.Region, args.KubernetesProvider, Namespace, args.VpcCidr, [ns.Self])
            .Select(p => p.Self).ToArray();

        var shared = args.Shared;
        var state = args.State;
        var secrets = new HarborSecretNames
        {
            Internal = Secret("internal", new MapValue
            {
                [HarborSecretKeys.CoreSecret] = shared.CoreSecret,
                [HarborSecretKeys.EncryptionKey] = shared.EncryptionKey,
                [HarborSecretKeys.Xsrf] = shared.XsrfKey,
                [HarborSecretKeys.Jobservice] = shared.JobserviceSecret,
                [HarborSecretKeys.RegistryHttp] = shared.RegistryHttpSecret,
            }),
            Admin = Secret("admin", new MapValue { [HarborSecretKeys.AdminPassword] = shared.AdminPassword }),
            Token = Secret("token", new MapValue
            {
                ["tls.crt"] = shared.TokenCertificate,
                ["tls.key"] = shared.TokenKey,
            }, "kubernetes.io/tls"),
            RegistryCredentials = Secret("registry-credentials", new MapValue
            {
                [HarborSecretKeys.RegistryPassword] = shared.RegistryPassword,
                [HarborSecretKeys.RegistryHtpasswd] = shared.RegistryHtpasswd,
            }),
            Database = Secret("database", new MapValue { [HarborSecretKeys.DatabasePassword] = state.DatabasePassword }),
            Redis = Secret("redis", new MapValue { [HarborSecretKeys.RedisPassword] = state.RedisAuthToken }),
            S3 = Secret("s3", new MapValue
            {
                [HarborSecretKeys.S3AccessKey] = state.S3AccessKeyId,
                [HarborSecretKeys.S3SecretKey] = state.S3SecretAccessKey,
            }),
        };
        AdminSecretName = (Ref)secrets.Admin;

        // Bindings first: pods created by the release then get their readiness gates.
        var bindings = args.TargetGroups.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => TargetGroupBinding(t.Value, t.Key).Self)
            .ToArray();

        Values = MapValue.Merge(HarborValues.Build(new HarborValuesArgs
        {
            ExternalUrl = args.ExternalUrl,
            Replicas = args.Replicas,
            RequireZoneSpread = args.RequireZoneSpread,
            Secrets = secrets,
            DatabaseHost = state.DatabaseHost,
            DatabasePort = state.DatabasePort,
            DatabaseName = state.DatabaseName,
            DatabaseUsername = state.DatabaseUsername,
            RedisAddress = new Interpolation(Part(state.RedisHost), ":", Part(state.RedisPort)),
            BucketName = state.BucketName,
            BucketRegion = state.BucketRegion,
        }), args.ExtraValues);
        Release = Kubernetes(Name("release"), ResourceTypes.HelmRelease, new MapValue
        {
            ["name"] = HarborChart.ReleaseName,
            ["chart"] = HarborChart.Name,
            ["version"] = args.ChartVersion,
            ["repositoryOpts"] = new MapValue { ["repo"] = HarborChart.Repository },
            ["namespace"] = Namespace,
            ["values"] = Values,
            // Never atomic: Harbor migrates its schema before the new pods start, so an automatic
            // rollback would put the old pods on a migrated schema, where they crash-loop. A failed
            // upgrade stops where it failed; the way back is the snapshot below (docs/registry-tier.md).
            ["atomic"] = false,
            ["timeout"] = args.TimeoutSeconds,
            ["maxHistory"] = 10,
        }, [.. args.DependsOn, .. bindings, PreUpgradeSnapshot(args).Self]);
    }

    /// <summary>
    /// A snapshot of the database taken before this chart version first runs, named for the version
    /// (<c>…-harbor-1-19-1</c>) and kept when it leaves the program: changing the chart version
    /// declares a new snapshot, which RDS takes before Helm starts the upgrade (the release depends
    /// on it), and the previous one stays in the account as the way back.
    /// </summary>
    private Resource PreUpgradeSnapshot(HarborRegistryArgs args)
    {
        var version = SnapshotSuffix(args.ChartVersion);
        return _program.Add(LogicalName.Of(args.Region, "db", "snapshot", version), ResourceTypes.RdsSnapshot, new MapValue
        {
            ["dbInstanceIdentifier"] = args.Database.InstanceIdentifier,
            ["dbSnapshotIdentifier"] = new Interpolation(args.Database.InstanceIdentifier, $"-{version}"),
        }, new ResourceOptions
        {
            Provider = args.Database.AwsProvider,
            RetainOnDelete = true,
            // Taking a snapshot of a large instance outlasts the provider's default.
            CustomTimeouts = new CustomTimeouts(Create: "120m"),
        });
    }

    /// <summary><c>harbor-1-19-1</c> for chart <c>1.19.1</c>: a snapshot identifier takes letters, digits and hyphens.</summary>
    public static string SnapshotSuffix(string chartVersion) => $"{HarborChart.Name}-{chartVersion.Replace('.', '-')}";

    /// <summary>The Helm values given to the chart (also what the tests walk).</summary>
    public MapValue Values { get; }

    public Ref Namespace { get; }

    /// <summary>The namespace's NetworkPolicies (<see cref="HarborNetworkPolicy"/>).</summary>
    public IReadOnlyList<Ref> NetworkPolicies { get; }

    /// <summary>Name of the Secret holding the initial admin password (key <c>HARBOR_ADMIN_PASSWORD</c>).</summary>
    public Ref AdminSecretName { get; }

    public Resource Release { get; }

    private static Value Part(Value value) => value switch
    {
        Text or Ref or Number => value,
        _ => throw new ProgramException($"the Redis endpoint must be text or a reference, not {value.GetType().Name}"),
    };

    private string Name(string role) => LogicalName.Of(_args.Region, "harbor", role);

    private Resource Kubernetes(string name, string type, MapValue properties, IReadOnlyList<Ref>? dependsOn = null, ResourceOptions? options = null) =>
        _program.Add(name, type, properties, (options ?? new ResourceOptions()) with
        {
            Provider = _args.KubernetesProvider,
            DependsOn = dependsOn ?? [],
        });

    /// <summary>
    /// A Secret with a generated name: when its content changes (a rotated key), it is replaced
    /// under a new name, which changes the Helm values and so rolls the pods onto the new content.
    /// </summary>
    private Ref Secret(string role, MapValue data, string type = "Opaque") =>
        Kubernetes(Name($"{role}-secret"), ResourceTypes.KubernetesSecret, new MapValue
        {
            ["metadata"] = new MapValue { ["namespace"] = Namespace },
            ["type"] = type,
            ["stringData"] = data,
        }, options: new ResourceOptions
        {
            ReplaceOnChanges = ["stringData"],
            AdditionalSecretOutputs = ["data", "stringData"],
        }).Out("metadata.name");

    /// <summary>
    /// A TargetGroupBinding object. Pulumi YAML refuses the generic
    /// <c>kubernetes:apiextensions.k8s.io:CustomResource</c> (pulumi-yaml, pkg/pulumiyaml/packages.go:
    /// "not supported in YAML at this time"), so the object goes through a
    /// <c>kubernetes:yaml/v2:ConfigGroup</c>, which the Kubernetes provider implements itself.
    /// </summary>
    private Resource TargetGroupBinding(Ref targetGroupArn, string role) =>
        Kubernetes(Name($"{role}-binding"), ResourceTypes.KubernetesYamlConfigGroup, new MapValue
        {
            ["objs"] = Value.List(new MapValue
            {
                ["apiVersion"] = "elbv2.k8s.aws/v1beta1",
                ["kind"] = "TargetGroupBinding",
                ["metadata"] = new MapValue { ["name"] = $"harbor-{role}", ["namespace"] = Namespace },
                ["spec"] = new MapValue
                {
                    ["serviceRef"] = new MapValue { ["name"] = HarborChart.ServiceName, ["port"] = HarborChart.ServicePort },
                    ["targetGroupARN"] = targetGroupArn,
                    ["targetType"] = "ip",
                },
            }),
        }, _args.DependsOn);
}
