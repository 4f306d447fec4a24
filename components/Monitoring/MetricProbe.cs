using HarborHa.Cluster;
using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Monitoring;

/// <summary>
/// A small CronJob that measures what AWS cannot see (Harbor's own health, nodes' readiness,
/// Harbor's replication executions) and publishes it as CloudWatch metrics, which alarms then
/// watch. It works the same in both partitions: it needs only the cluster, IAM roles for service
/// accounts and CloudWatch, where the Container Insights add-on would need an agent DaemonSet and
/// its own images in the China mirror. Its role may only put metrics into
/// <see cref="MetricNamespace"/> (<c>cloudwatch:namespace</c> condition).
/// </summary>
public sealed class MetricProbe
{
    /// <summary>The CloudWatch namespace every probe publishes into.</summary>
    public const string MetricNamespace = "HarborHa";

    private readonly PulumiProgram _program;
    private readonly MetricProbeArgs _args;
    private readonly string _serviceAccount;
    private readonly IReadOnlyList<Ref> _dependsOn;

    public MetricProbe(PulumiProgram program, MetricProbeArgs args)
    {
        string Name(params string[] parts) => LogicalName.Of([args.Region, args.Role, .. parts]);
        var serviceAccount = $"harbor-ha-{args.Role}";
        var ns = args.NamespaceName;
        var role = ServiceAccountRole.Declare(program, args.AwsProvider, Name("role"), args.Issuer, ns, serviceAccount, args.Description);
        program.Declare(Name("policy"), ResourceTypes.IamRolePolicy, args.AwsProvider, new MapValue
        {
            ["role"] = role.Out("id"),
            ["policy"] = new ToJson(new MapValue
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = Value.List(new MapValue
                {
                    ["Effect"] = "Allow",
                    ["Action"] = "cloudwatch:PutMetricData",
                    ["Resource"] = "*",
                    ["Condition"] = new MapValue { ["StringEquals"] = new MapValue { ["cloudwatch:namespace"] = MetricNamespace } },
                }),
            }),
        });
        RoleName = role.Name;

        var options = new ResourceOptions { Provider = args.KubernetesProvider, DependsOn = args.DependsOn };
        var account = program.Add(Name("sa"), ResourceTypes.KubernetesServiceAccount, new MapValue
        {
            ["metadata"] = new MapValue
            {
                ["name"] = serviceAccount,
                ["namespace"] = args.Namespace,
                ["annotations"] = new MapValue { ["eks.amazonaws.com/role-arn"] = role.Out("arn") },
            },
        }, options);
        var dependsOn = new List<Ref> { account.Self };
        if (args.ReadsNodes)
        {
            var clusterRole = program.Add(Name("nodes-reader"), ResourceTypes.KubernetesClusterRole, new MapValue
            {
                ["metadata"] = new MapValue { ["name"] = $"{serviceAccount}-nodes-reader" },
                ["rules"] = Value.List(new MapValue
                {
                    ["apiGroups"] = Value.List(""),
                    ["resources"] = Value.List("nodes"),
                    ["verbs"] = Value.List("list"),
                }),
            }, options);
            dependsOn.Add(program.Add(Name("nodes-reader-binding"), ResourceTypes.KubernetesClusterRoleBinding, new MapValue
            {
                ["metadata"] = new MapValue { ["name"] = $"{serviceAccount}-nodes-reader" },
                ["roleRef"] = new MapValue { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = clusterRole.Out("metadata.name") },
                ["subjects"] = Value.List(new MapValue { ["kind"] = "ServiceAccount", ["name"] = serviceAccount, ["namespace"] = args.Namespace }),
            }, options).Self);
        }

        _program = program;
        _args = args;
        _serviceAccount = serviceAccount;
        _dependsOn = [.. args.DependsOn, .. dependsOn];
        if (args.Script.Length > 0)
        {
            CronJob = Job(Name("cronjob"), serviceAccount, args.Script, args.Environment, args.Schedule);
        }
    }

    /// <summary>
    /// Declares a CronJob of the probe (its service account and role): one per measured thing, so
    /// that adding one (a new replica region) changes none of the others.
    /// </summary>
    /// <param name="name">The logical name.</param>
    /// <param name="jobName">The Kubernetes name (52 characters at most).</param>
    /// <param name="script">The shell script.</param>
    /// <param name="environment">Its environment: values, or <c>valueFrom</c> maps.</param>
    /// <param name="schedule">Cron schedule.</param>
    public Resource Job(string name, string jobName, string script, IReadOnlyDictionary<string, Value> environment, string schedule)
    {
        var args = _args;
        var env = new List<Value>
        {
            new MapValue { ["name"] = "AWS_REGION", ["value"] = args.Region },
            new MapValue { ["name"] = "AWS_STS_REGIONAL_ENDPOINTS", ["value"] = "regional" },
            new MapValue { ["name"] = "HOME", ["value"] = "/tmp" },
            new MapValue { ["name"] = "METRIC_NAMESPACE", ["value"] = MetricNamespace },
        };
        env.AddRange(environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (Value)(e.Value is MapValue from
            ? new MapValue { ["name"] = e.Key, ["valueFrom"] = from }
            : new MapValue { ["name"] = e.Key, ["value"] = e.Value })));
        return _program.Add(name, ResourceTypes.KubernetesCronJob, new MapValue
        {
            ["metadata"] = new MapValue { ["name"] = jobName, ["namespace"] = args.Namespace },
            ["spec"] = new MapValue
            {
                ["schedule"] = schedule,
                ["concurrencyPolicy"] = "Forbid",
                ["successfulJobsHistoryLimit"] = 1,
                ["failedJobsHistoryLimit"] = 3,
                ["jobTemplate"] = new MapValue
                {
                    ["spec"] = new MapValue
                    {
                        ["backoffLimit"] = 0,
                        ["activeDeadlineSeconds"] = 50,
                        ["ttlSecondsAfterFinished"] = 600,
                        ["template"] = new MapValue
                        {
                            ["metadata"] = new MapValue { ["labels"] = new MapValue { ["app.kubernetes.io/name"] = jobName } },
                            ["spec"] = new MapValue
                            {
                                ["serviceAccountName"] = _serviceAccount,
                                ["restartPolicy"] = "Never",
                                ["securityContext"] = new MapValue { ["runAsNonRoot"] = true, ["runAsUser"] = 65534, ["runAsGroup"] = 65534 },
                                ["containers"] = Value.List(new MapValue
                                {
                                    ["name"] = "probe",
                                    ["image"] = args.Image,
                                    ["command"] = Value.List("/bin/sh", "-c", script),
                                    ["env"] = new ListValue(env.ToArray()),
                                    ["resources"] = new MapValue
                                    {
                                        ["requests"] = new MapValue { ["cpu"] = "20m", ["memory"] = "64Mi" },
                                        ["limits"] = new MapValue { ["memory"] = "256Mi" },
                                    },
                                    ["securityContext"] = new MapValue
                                    {
                                        ["allowPrivilegeEscalation"] = false,
                                        ["readOnlyRootFilesystem"] = true,
                                        ["capabilities"] = new MapValue { ["drop"] = Value.List("ALL") },
                                    },
                                    ["volumeMounts"] = Value.List(new MapValue { ["name"] = "tmp", ["mountPath"] = "/tmp" }),
                                }),
                                ["volumes"] = Value.List(new MapValue { ["name"] = "tmp", ["emptyDir"] = new MapValue() }),
                            },
                        },
                    },
                },
            },
        }, new ResourceOptions { Provider = args.KubernetesProvider, DependsOn = _dependsOn });
    }

    /// <summary>Logical name of the probe's IAM role.</summary>
    public string RoleName { get; }

    /// <summary>The probe's own CronJob, when its args carry a script.</summary>
    public Resource? CronJob { get; }
}
