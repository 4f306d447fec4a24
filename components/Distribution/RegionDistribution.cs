using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Distribution;

/// <summary>
/// One region's Harbor configured as code: its Harbor provider, the managed projects with their
/// retention and immutability rules, the robots, the proxy-cache projects and the preheat instance.
/// Every region gets the same from the same args; only the primary also gets the CI robot, and only
/// replicas the replicator robot that the primary's rules push with.
/// </summary>
public sealed class RegionDistribution
{
    /// <summary>Harbor's own robot name prefix (Harbor configuration <c>robot_name_prefix</c>, default <c>robot$</c>).</summary>
    public const string RobotPrefix = "robot$";

    private readonly PulumiProgram _program;
    private readonly ResourceOptions _options;

    public RegionDistribution(PulumiProgram program, RegionDistributionArgs args)
    {
        _program = program;
        var harbor = args.Harbor;
        Region = harbor.Name;
        Site = harbor.Site;
        Harbor = harbor;
        PrivateEndpoint = harbor.PrivateEndpoint;
        var dependsOn = new[] { harbor.HarborRelease }.Concat(args.DependsOn).ToArray();
        Answers = dependsOn;
        Provider = program.Add(Name("provider"), Resource.ProviderPrefix + "harbor", new MapValue
        {
            ["url"] = harbor.PrivateEndpoint,
            ["username"] = "admin",
            ["password"] = AsSecret(harbor.AdminPassword),
            // The provider defaults to skipping certificate checks; the private endpoint has a real certificate.
            ["insecure"] = false,
            ["robotPrefix"] = RobotPrefix,
        }, new ResourceOptions
        {
            Version = ProviderVersions.Harbor,
            PluginDownloadUrl = ProviderVersions.HarborDownloadUrl,
            DependsOn = dependsOn,
        }).Self;
        _options = new ResourceOptions { Provider = Provider, DependsOn = dependsOn };

        var managed = args.Projects.Select(p => DeclareProject(p, args.Protection)).ToArray();
        ProjectNames = args.Projects.Zip(managed, (p, r) => (p.Name, Ref: r.Out("name"))).ToDictionary(x => x.Name, x => x.Ref, StringComparer.Ordinal);
        ReplicatedProjectNames = args.Projects.Where(Replicated).Select(p => p.Name).ToArray();
        ProxyProjects = args.ProxyCaches.ToDictionary(c => c.Name, c => DeclareProxyCache(c).Self, StringComparer.Ordinal);

        var managedNames = managed.Select(p => (Value)p.Out("name")).ToArray();
        var replicated = args.Projects.Zip(managed).Where(x => Replicated(x.First)).Select(x => (Value)x.Second.Out("name")).ToArray();

        // Every project, by Harbor's "cover all projects" scope: the pull robot never waits for a
        // proxy project, so an upstream that fails to be created cannot take the robot with it.
        _robotDurationDays = args.RobotDurationDays;
        PullRobot = DeclareRobot(RobotRole.Pull, [], args.Credentials).Self;
        if (harbor.Role == DistributionRole.Primary)
        {
            DeclareRobot(RobotRole.Ci, managedNames, args.Credentials);
        }
        else
        {
            Replicator = DeclareRobot(RobotRole.Replicator, replicated, args.Credentials, args.DeletedArtifacts == DeletedArtifacts.DeleteInReplicas);
        }

        if (args.Preheat is { } preheat)
        {
            DeclarePreheat(preheat);
        }

        // Retention and replication deletes only untag artifacts; their blobs stay in S3 until
        // Harbor's garbage collection runs (GarbageCollectionSpec).
        _program.Add(Name("gc"), ResourceTypes.HarborGarbageCollection, new MapValue
        {
            ["schedule"] = args.GarbageCollection.Schedule,
            ["deleteUntagged"] = args.GarbageCollection.DeleteUntagged,
            ["workers"] = 2,
        }, _options);
    }

    /// <summary>The region code.</summary>
    public string Region { get; }

    /// <summary>The region as the replication plan sees it.</summary>
    public ReplicationSite Site { get; }

    /// <summary>The region's Harbor as the registry tier built it.</summary>
    public RegionHarbor Harbor { get; }

    /// <summary>What the region's Harbor needs to answer at its private endpoint: its release and the args' dependencies (its DNS record).</summary>
    public IReadOnlyList<Ref> Answers { get; }

    /// <summary>The region's private endpoint, where the primary's rules push to.</summary>
    public Value PrivateEndpoint { get; }

    /// <summary>The region's Harbor provider; every Harbor resource of the region uses it.</summary>
    public Ref Provider { get; }

    /// <summary>The managed projects' names as outputs of their resources (referencing them orders creation).</summary>
    public IReadOnlyDictionary<string, Ref> ProjectNames { get; }

    /// <summary>Names of the projects the primary replicates, in the order given.</summary>
    public IReadOnlyList<string> ReplicatedProjectNames { get; }

    /// <summary>The proxy-cache projects, by name.</summary>
    public IReadOnlyDictionary<string, Ref> ProxyProjects { get; }

    /// <summary>The pull robot (same name and secret in every region).</summary>
    public Ref PullRobot { get; }

    /// <summary>The replicator robot; null in the primary, which only pushes.</summary>
    public Resource? Replicator { get; }

    /// <summary>Logical names of this region's Harbor resources: <c>&lt;region&gt;-harbor-&lt;role&gt;</c>.</summary>
    internal string Name(params string[] role) => LogicalName.Of([Region, "harbor", .. role]);

    /// <summary>Declares a Harbor resource of this region (its provider, waiting for the Harbor release).</summary>
    internal Resource Declare(string name, string type, MapValue properties, Protection protection = Protection.Disposable, IReadOnlyList<Ref>? dependsOn = null) =>
        _program.Add(name, type, properties, _options with
        {
            Protect = protection == Protection.Protected,
            DependsOn = [.. _options.DependsOn, .. dependsOn ?? []],
        });

    private static bool Replicated(HarborProjectSpec project) => project.Replication == ProjectReplication.EveryRegion;

    private Resource DeclareProject(HarborProjectSpec project, Protection protection)
    {
        var properties = new MapValue
        {
            ["name"] = project.Name,
            ["public"] = project.Visibility == ProjectVisibility.Public,
            ["vulnerabilityScanning"] = project.ScanOnPush,
            ["autoSbomGeneration"] = project.SbomOnPush,
            ["enableContentTrustCosign"] = project.RequireCosign,
        };
        properties.AddIfSet("storageQuota", project.StorageQuotaGb is { } gb ? new Number(gb) : null);
        properties.AddIfSet("deploymentSecurity", project.PreventVulnerable is { } s ? new Text(SeverityName(s)) : null);
        var resource = Declare(Name("project", project.Name), ResourceTypes.HarborProject, properties, protection);

        if (project.Retention is { } retention)
        {
            if (retention.KeepLastPushed is null && retention.KeepPushedWithinDays is null)
            {
                // Harbor deletes what no rule keeps: a policy without rules would empty the project.
                throw new ProgramException($"the retention of project {project.Name} has no rule; it would delete every artifact");
            }

            var rules = new List<Value>();
            if (retention.KeepLastPushed is { } n)
            {
                rules.Add(new MapValue { ["mostRecentlyPushed"] = n, ["repoMatching"] = "**", ["tagMatching"] = "**" });
            }

            if (retention.KeepPushedWithinDays is { } days)
            {
                rules.Add(new MapValue { ["nDaysSinceLastPush"] = days, ["repoMatching"] = "**", ["tagMatching"] = "**" });
            }

            Declare(Name("project", project.Name, "retention"), ResourceTypes.HarborRetentionPolicy, new MapValue
            {
                // The provider takes the project's id (/projects/N) as the policy's scope.
                ["scope"] = resource.Id,
                ["schedule"] = ScheduleName(retention.Frequency),
                ["rules"] = new ListValue(rules),
            });
        }

        foreach (var pattern in project.ImmutableTags)
        {
            Declare(Name("project", project.Name, "immutable", PatternSlug(pattern)), ResourceTypes.HarborImmutableTagRule, new MapValue
            {
                ["projectId"] = resource.Id,
                ["repoMatching"] = "**",
                ["tagMatching"] = pattern,
            });
        }

        return resource;
    }

    private Resource DeclareProxyCache(ProxyCacheSpec cache)
    {
        var registry = new MapValue
        {
            ["name"] = $"upstream-{cache.Name}",
            ["providerName"] = ProviderName(cache.Upstream),
            ["endpointUrl"] = cache.Endpoint,
            ["insecure"] = false,
            ["description"] = $"upstream of the {cache.Name} proxy cache (managed by harbor-ha)",
        };
        if (cache.Credentials is { } credentials)
        {
            registry.Add("accessId", credentials.Username);
            registry.Add("accessSecret", AsSecret(credentials.Password));
        }

        var upstream = Declare(Name("upstream", cache.Name), ResourceTypes.HarborRegistry, registry, dependsOn: cache.DependsOn);
        return Declare(Name("proxy", cache.Name), ResourceTypes.HarborProject, new MapValue
        {
            ["name"] = cache.Name,
            ["registryId"] = upstream.Out("registryId"),
            ["public"] = false,
            ["vulnerabilityScanning"] = false,
        });
    }

    private readonly int? _robotDurationDays;

    private Resource DeclareRobot(RobotRole role, IReadOnlyList<Value> projects, DistributionCredentials credentials, bool deletes = false)
    {
        var properties = new MapValue
        {
            ["name"] = RobotPermissions.Name(role),
            ["description"] = RobotPermissions.Description(role),
            ["level"] = "system",
            ["secret"] = credentials.SecretOf(role),
            ["permissions"] = RobotPermissions.For(role, projects, deletes),
        };
        properties.AddIfSet("duration", _robotDurationDays is { } days ? new Number(days) : null);
        return Declare(Name("robot", RobotPermissions.Name(role)), ResourceTypes.HarborRobotAccount, properties);
    }

    private void DeclarePreheat(PreheatTarget preheat) =>
        _program.Add(Name("preheat", "dragonfly"), ResourceTypes.HarborPreheatInstance, new MapValue
        {
            ["name"] = "dragonfly",
            ["vendor"] = "dragonfly",
            ["endpoint"] = preheat.Endpoint,
            // Dragonfly's open API (/oapi/v1/jobs) only accepts a personal access token as a bearer token.
            ["authMode"] = "OAUTH",
            ["token"] = AsSecret(preheat.Token),
            ["default"] = true,
            ["enabled"] = true,
            ["insecure"] = false,
            ["description"] = "the region's Dragonfly P2P cluster (managed by harbor-ha)",
        }, _options with { DependsOn = [.. _options.DependsOn, preheat.Release] });

    /// <summary>
    /// The provider's <c>provider_name</c> for an upstream kind (terraform-provider-harbor maps
    /// <c>github</c> to Harbor's <c>github-ghcr</c> adapter). Quay goes through the generic
    /// <c>docker-registry</c> adapter: chart 1.19.1 no longer permits the <c>quay</c> type for proxy
    /// caches (PERMITTED_REGISTRY_TYPES_FOR_PROXY_CACHE, harbor-helm #2223), and quay.io speaks the
    /// plain registry API for anonymous pulls.
    /// </summary>
    public static string ProviderName(UpstreamKind kind) => kind switch
    {
        UpstreamKind.DockerHub => "docker-hub",
        UpstreamKind.Ghcr => "github",
        UpstreamKind.Harbor => "harbor",
        _ => "docker-registry",
    };

    /// <summary>Harbor's <c>deployment_security</c> words.</summary>
    private static string SeverityName(Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.High => "high",
        Severity.Medium => "medium",
        _ => "low",
    };

    /// <summary>The provider's retention <c>schedule</c> words.</summary>
    private static string ScheduleName(RetentionFrequency frequency) => frequency switch
    {
        RetentionFrequency.Hourly => "Hourly",
        RetentionFrequency.Weekly => "Weekly",
        _ => "Daily",
    };

    /// <summary>A credential wrapped secret once, whether or not the caller already wrapped it.</summary>
    private static Secret AsSecret(Value value) => value as Secret ?? new Secret(value);

    /// <summary>A name part for a tag pattern: its letters and digits plus a short hash, so reordering patterns renames nothing.</summary>
    public static string PatternSlug(string pattern)
    {
        var letters = new string(pattern.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (letters.Contains("--", StringComparison.Ordinal))
        {
            letters = letters.Replace("--", "-", StringComparison.Ordinal);
        }

        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(pattern)))[..8];
        return LogicalName.Of(letters.Length > 20 ? letters[..20].TrimEnd('-') : letters, hash);
    }
}
