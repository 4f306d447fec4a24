using HarborHa.Model;

namespace HarborHa.Distribution;

/// <summary>
/// What a Harbor resource that calls another region's Harbor across the border waits for. Harbor
/// probes a registry endpoint when it is created and refuses an unreachable one (400, "the registry
/// is unhealthy"), so such an endpoint waits for the cross-border link (the VPN connections), the
/// resolver forwarding-rule associations that make the other side's names resolve in the source
/// region, and a readiness gate that proves the path end to end: a Kubernetes Job in the source
/// region's cluster that calls <c>https://&lt;target&gt;/api/v2.0/ping</c> until it answers. The
/// Kubernetes provider waits for a Job to complete, so whatever depends on the Job starts only once
/// the target answered over the private path (bounded: the Job fails after
/// <see cref="DeadlineSeconds"/> and the deployment stops there, naming it).
/// </summary>
public sealed class ReachabilityGates
{
    /// <summary>How long a gate waits for the target before the deployment fails: first deploys build the VPN and BGP in the meantime.</summary>
    public const int DeadlineSeconds = 2400;

    /// <summary>Seconds between attempts.</summary>
    public const int IntervalSeconds = 15;

    private readonly PulumiProgram _program;
    private readonly IReadOnlyList<Ref> _link;
    private readonly IReadOnlyDictionary<(string Source, string Target), Ref> _resolution;
    private readonly Dictionary<(string, string), Ref> _jobs = [];

    /// <param name="program">The stack's program.</param>
    /// <param name="crossBorderLink">What carries traffic between the partitions, e.g. the Site-to-Site VPN connections.</param>
    /// <param name="nameResolution">
    /// Per (source, target) region codes, what makes the target's name resolve in the source (its
    /// forwarding-rule association there). Only that one: adding a region must not touch existing gates.
    /// </param>
    public ReachabilityGates(PulumiProgram program, IReadOnlyList<Ref> crossBorderLink, IReadOnlyDictionary<(string Source, string Target), Ref> nameResolution)
    {
        _program = program;
        _link = crossBorderLink;
        _resolution = nameResolution;
    }

    /// <summary>Whether <paramref name="target"/>'s name resolves in <paramref name="source"/> across the border.</summary>
    public bool Resolves(string source, string target) => _resolution.ContainsKey((source, target));

    /// <summary>
    /// Everything a resource in <paramref name="source"/> that calls <paramref name="target"/>'s
    /// private endpoint across the border must depend on: the link, the source's name resolution and
    /// the gate Job (one per source and target, declared on first use).
    /// </summary>
    /// <param name="source">The region whose Harbor makes the call.</param>
    /// <param name="target">The region called, at its private endpoint.</param>
    /// <param name="targetAnswers">What the target's Harbor needs to answer: its release and private DNS record.</param>
    public IReadOnlyList<Ref> Across(RegionHarbor source, RegionHarbor target, IReadOnlyList<Ref> targetAnswers)
    {
        if (!_resolution.TryGetValue((source.Name, target.Name), out var resolution))
        {
            throw new ProgramException($"{source.Name} cannot resolve {target.Name}'s private name: it has no forwarding rule across the border");
        }

        if (!_jobs.TryGetValue((source.Name, target.Name), out var job))
        {
            job = DeclareJob(source, target, [.. _link, resolution, .. targetAnswers]);
            _jobs[(source.Name, target.Name)] = job;
        }

        return [job, .. _link, resolution];
    }

    private Ref DeclareJob(RegionHarbor source, RegionHarbor target, IReadOnlyList<Ref> dependsOn)
    {
        var kubernetes = source.KubernetesProvider
            ?? throw new ProgramException($"{source.Name}: a readiness gate needs the region's Kubernetes provider");
        var ns = source.Namespace ?? throw new ProgramException($"{source.Name}: a readiness gate needs a namespace");
        var image = source.ProbeImage ?? throw new ProgramException($"{source.Name}: a readiness gate needs its probe image");
        var script = new Interpolation(
            "until curl -fsS --max-time 10 ", target.PrivateEndpoint, $"/api/v2.0/ping; do echo waiting for {target.Name}; sleep {IntervalSeconds}; done");
        var name = LogicalName.Of(source.Name, "harbor", "ping", target.Name);
        return _program.Add(name, ResourceTypes.KubernetesJob, new MapValue
        {
            ["metadata"] = new MapValue
            {
                // No fixed name: Pulumi names it, so a changed Job (immutable) is replaced without a clash.
                ["namespace"] = ns,
                ["labels"] = new MapValue { ["app.kubernetes.io/name"] = "harbor-ha-ping", ["app.kubernetes.io/managed-by"] = "harbor-ha" },
                // A gate that timed out on an earlier run is replaced, so the next `pulumi up` probes again.
                ["annotations"] = new MapValue { ["pulumi.com/replaceUnready"] = "true" },
            },
            ["spec"] = new MapValue
            {
                ["backoffLimit"] = 2,
                ["activeDeadlineSeconds"] = DeadlineSeconds,
                ["template"] = new MapValue
                {
                    ["metadata"] = new MapValue { ["labels"] = new MapValue { ["app.kubernetes.io/name"] = "harbor-ha-ping" } },
                    ["spec"] = new MapValue
                    {
                        ["restartPolicy"] = "Never",
                        ["automountServiceAccountToken"] = false,
                        ["containers"] = Value.List(new MapValue
                        {
                            ["name"] = "ping",
                            ["image"] = image,
                            ["command"] = Value.List("sh", "-c", script),
                            ["resources"] = new MapValue
                            {
                                ["requests"] = new MapValue { ["cpu"] = "10m", ["memory"] = "16Mi" },
                                ["limits"] = new MapValue { ["memory"] = "32Mi" },
                            },
                            ["securityContext"] = new MapValue
                            {
                                ["runAsNonRoot"] = true,
                                ["runAsUser"] = 100,
                                ["allowPrivilegeEscalation"] = false,
                                ["readOnlyRootFilesystem"] = true,
                                ["capabilities"] = new MapValue { ["drop"] = Value.List("ALL") },
                            },
                        }),
                    },
                },
            },
        }, new ResourceOptions { Provider = kubernetes, DependsOn = dependsOn }).Self;
    }
}
