using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HarborHa.Planning;

namespace HarborHa.Configuration;

/// <summary>
/// Turns raw stack config into a <see cref="StackConfig"/>, collecting every problem first
/// (STYLE.md: validate everything, report all at once). Keys outside the <c>harbor-ha</c>
/// namespace (e.g. <c>aws:region</c>) are ignored; unknown keys inside it are errors.
/// </summary>
public static partial class ConfigParser
{
    private static readonly Dictionary<string, Topology> Topologies = new(StringComparer.Ordinal)
    {
        ["single-site"] = Topology.SingleSite,
        ["ha"] = Topology.Ha,
        ["geo"] = Topology.Geo,
    };

    private static readonly Dictionary<string, Stage> Stages = new(StringComparer.Ordinal)
    {
        ["dev"] = Stage.Dev,
        ["staging"] = Stage.Staging,
        ["prod"] = Stage.Prod,
    };

    private static readonly Dictionary<string, Exposure> Exposures = new(StringComparer.Ordinal)
    {
        ["internal"] = Exposure.Internal,
        ["public"] = Exposure.Public,
        ["both"] = Exposure.Both,
    };

    private static readonly Dictionary<string, CertificateMode> CertificateModes = new(StringComparer.Ordinal)
    {
        ["acm-dns"] = CertificateMode.AcmDns,
        ["imported"] = CertificateMode.Imported,
        ["self-signed"] = CertificateMode.SelfSigned,
    };

    private static readonly Dictionary<string, RegionRole> Roles = new(StringComparer.Ordinal)
    {
        ["primary"] = RegionRole.Primary,
        ["replica"] = RegionRole.Replica,
    };

    private static readonly Dictionary<string, StorageRestore> StorageRestores = new(StringComparer.Ordinal)
    {
        ["none"] = StorageRestore.None,
        ["use-dr"] = StorageRestore.UseDr,
        ["copy-from-dr"] = StorageRestore.CopyFromDr,
    };

    /// <summary>Every key of the namespace, without the prefix. README.md documents each.</summary>
    public static readonly IReadOnlyList<string> KnownKeys =
    [
        "adminCidrs", "alerts", "audit", "awsAccountId", "awsCnAccountId", "awsCnProfile", "awsProfile", "certificate", "chinaImageMirror", "clientCidrs", "clusterAdminArns", "clusterPrivateAccessCidrs", "clusterPublicAccessCidrs",
        "costAssumptions", "deployerCidrs", "domain", "dragonfly", "drObjectLock", "environment", "exposure", "keyAdminArns", "kubernetesVersion", "projects", "proxyCaches", "regions", "registryKeyVersion", "replication",
        "sizing", "tags", "topology", "vpn", "wafRateLimit", "garbageCollection", "robots", "acceptedFindings",
    ];

    /// <summary>AZs the VPC subnet layout fits (the network component's SubnetPlan.MaxAzs; a test keeps them equal).</summary>
    public const int MaxAzsPerVpc = 4;

    public static readonly IReadOnlyList<string> RegionFields = ["azCount", "drRegion", "hub", "lost", "name", "restore", "role", "slot"];
    private static readonly string[] RestoreFields = ["databaseBackupArn", "databaseRestoreTime", "databaseSnapshot", "storage"];
    private static readonly string[] VpnFields = ["applianceAmis", "applianceAsn", "applianceInstanceType"];
    private static readonly string[] RetiredVpnFields = ["awsAsn", "chinaTransitAsn"];
    private static readonly string[] CertificateFields = ["arns", "mode"];

    /// <summary>Parses and validates; throws <see cref="ConfigException"/> with every problem.</summary>
    public static StackConfig Parse(RawConfig raw)
    {
        var errors = new List<ConfigError>();
        var read = new NodeReader(errors);
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var others = new SortedDictionary<string, RawValue>(StringComparer.Ordinal);
        var prefix = StackConfig.Namespace + ":";
        foreach (var (key, value) in raw.Values)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = key[prefix.Length..];
            if (!KnownKeys.Contains(name))
            {
                // Decided once every setting is read: a secret setting that a setting names is known.
                others[name] = value;
                continue;
            }

            if (value.IsSecure)
            {
                read.Error(key, EncryptedMessage + ": set it as plain text");
                continue;
            }

            values[name] = value.Node;
        }

        string K(string name) => prefix + name;
        JsonNode? V(string name) => values.GetValueOrDefault(name);

        var topology = RequiredStruct(read, K("topology"), values.ContainsKey("topology"), () => read.Choice(K("topology"), V("topology"), Topologies));
        var domain = Required(read, K("domain"), values.ContainsKey("domain"), () => read.String(K("domain"), V("domain")));
        if (domain is not null && !DomainPattern().IsMatch(domain))
        {
            read.Error(K("domain"), $"must be a lowercase DNS name with at least two labels, e.g. registry.example.com (got '{domain}')");
            domain = null;
        }

        var stage = read.Choice(K("environment"), V("environment"), Stages) ?? Stage.Prod;
        var regions = values.ContainsKey("regions") && V("regions") is not null
            ? ReadRegions(read, K("regions"), V("regions"), topology)
            : MissingRegions(read, K("regions"));

        var sizing = ReadSizing(read, K("sizing"), V("sizing"), topology ?? Topology.Ha);
        // Internal for every topology: a stack that says nothing is never reachable from the internet.
        var exposure = read.Choice(K("exposure"), V("exposure"), Exposures) ?? Exposure.Internal;
        if (topology == Topology.Geo && exposure == Exposure.Public)
        {
            read.Error(K("exposure"), "geo needs private endpoints: images travel between regions over the private network only; use internal (the default) or both");
        }

        var secrets = new SortedSet<string>(StringComparer.Ordinal);
        var projects = DistributionConfigReader.ReadProjects(read, K("projects"), V("projects"));
        var proxyCaches = DistributionConfigReader.ReadProxyCaches(read, K("proxyCaches"), V("proxyCaches"), secrets);
        DistributionConfigReader.CheckUniqueNames(read, K("projects"), K("proxyCaches"), projects, proxyCaches);
        if (topology == Topology.Geo && values.ContainsKey("projects") && projects.All(p => !p.Replicate))
        {
            read.Error(K("projects"), "geo replicates at least one project from the primary: set replicate: true on one (the default)");
        }

        var replication = DistributionConfigReader.ReadReplication(read, K("replication"), V("replication"));
        if (replication.StorageRtc && regions is not null && regions.All(r => r.DrRegion is null))
        {
            read.Error(K("replication") + ".storageRtc", "applies to registry-bucket replication to a DR region, but no region has a drRegion");
        }

        var dragonfly = DistributionConfigReader.ReadDragonfly(read, K("dragonfly"), V("dragonfly"), regions, secrets);
        foreach (var geoOnly in new[] { "replication", "dragonfly" })
        {
            // One region has nothing to replicate to and no peers across regions to share with;
            // replication.storageRtc alone is about the registry bucket's DR copy, which every topology may have.
            var drOnly = geoOnly == "replication" && V(geoOnly) is JsonObject given && given.All(field => field.Key == "storageRtc");
            if (topology is not null and not Topology.Geo && values.ContainsKey(geoOnly) && !drOnly)
            {
                read.Error(K(geoOnly), "applies to geo stacks only: single-site and ha have one region, with no replication between regions and no Dragonfly; remove it"
                    + (geoOnly == "replication" ? " (only storageRtc, for the DR copy, applies to every topology)" : ""));
            }
        }

        var garbageCollection = HarborAsCodeConfigReader.ReadGarbageCollection(read, K("garbageCollection"), V("garbageCollection"));
        var robots = HarborAsCodeConfigReader.ReadRobots(read, K("robots"), V("robots"));
        CheckSecretSettings(read, raw, prefix, others, secrets);
        var certificate = ReadCertificate(read, K("certificate"), V("certificate"), regions);
        var vpn = ReadVpn(read, K("vpn"), V("vpn"));
        var cidrs = ApiCidrs(read, K("clusterPublicAccessCidrs"), V("clusterPublicAccessCidrs")) ?? [];
        var privateCidrs = ApiCidrs(read, K("clusterPrivateAccessCidrs"), V("clusterPrivateAccessCidrs"));
        var deployerCidrs = DeployerCidrs(read, K("deployerCidrs"), V("deployerCidrs"));
        var chinaMirror = read.String(K("chinaImageMirror"), V("chinaImageMirror"));
        if (chinaMirror is not null && !MirrorPattern().IsMatch(chinaMirror))
        {
            read.Error(K("chinaImageMirror"), $"must be a registry host and path without scheme or trailing slash, e.g. 123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/mirror (got '{chinaMirror}')");
        }
        else if (chinaMirror is null && regions is not null && regions.Any(r => r.Side == Side.China))
        {
            read.Error(K("chinaImageMirror"), "is required when a region is in China: Harbor's images on docker.io are not reachable from there; mirror them (docs/operations.md) and name the mirror, e.g. 123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/mirror");
        }

        if (domain is not null && regions is not null)
        {
            CheckStateNames(read, K("domain"), domain, regions);
        }

        var kubernetesVersion = read.String(K("kubernetesVersion"), V("kubernetesVersion")) ?? KubernetesReleases.Default;
        if (!KubernetesReleases.IsSupported(kubernetesVersion))
        {
            read.Error(K("kubernetesVersion"), $"must be one of {string.Join(", ", KubernetesReleases.Supported)} (the versions whose EKS add-on builds are pinned; got '{kubernetesVersion}')");
        }

        var keyVersion = (int)(read.Integer(K("registryKeyVersion"), V("registryKeyVersion"), 1, 1_000_000) ?? 1);
        var admins = read.Strings(K("clusterAdminArns"), V("clusterAdminArns")) ?? [];
        for (var i = 0; i < admins.Count; i++)
        {
            if (!PrincipalArnPattern().IsMatch(admins[i]))
            {
                read.Error($"{K("clusterAdminArns")}[{i}]", $"must be an IAM role or user ARN such as arn:aws:iam::111122223333:role/platform-admins (got '{admins[i]}')");
            }
        }

        var tags = read.StringMap(K("tags"), V("tags")) ?? new SortedDictionary<string, string>(StringComparer.Ordinal);
        var awsAccount = AccountId(read, K("awsAccountId"), V("awsAccountId"));
        var awsCnAccount = AccountId(read, K("awsCnAccountId"), V("awsCnAccountId"));
        var costAssumptions = CostAssumptionsReader.Read(read, K("costAssumptions"), V("costAssumptions"));
        var security = SecurityConfigReader.Read(read, prefix, V, stage, exposure, regions, admins);

        var alerts = AlertsConfigReader.Read(read, K("alerts"), V("alerts"), regions);
        var awsProfile = read.String(K("awsProfile"), V("awsProfile"));
        var awsCnProfile = read.String(K("awsCnProfile"), V("awsCnProfile"));
        var acceptedFindings = AcceptedFindingsReader.Read(read, K("acceptedFindings"), V("acceptedFindings"));
        if (errors.Count > 0 || topology is null || domain is null || regions is null)
        {
            throw new ConfigException(errors.Count > 0 ? Unique(errors) : [new ConfigError(raw.Origin, "is incomplete")]);
        }

        return security.ApplyTo(new StackConfig
        {
            Topology = topology.Value,
            Domain = domain,
            Regions = regions.Where(r => !r.IsLost).ToArray(),
            LostRegions = regions.Where(r => r.IsLost).ToArray(),
            Stage = stage,
            AwsProfile = awsProfile,
            AwsCnProfile = awsCnProfile,
            AwsAccountId = awsAccount,
            AwsCnAccountId = awsCnAccount,
            Tags = tags,
            Sizing = sizing,
            Exposure = exposure,
            Certificate = certificate,
            ClusterPublicAccessCidrs = cidrs,
            DeployerCidrs = deployerCidrs,
            ChinaImageMirror = chinaMirror,
            ClusterPrivateAccessCidrs = privateCidrs ?? DefaultPrivateAccess(regions),
            KubernetesVersion = kubernetesVersion,
            RegistryKeyVersion = keyVersion,
            ClusterAdminArns = admins,
            Vpn = vpn,
            Projects = projects,
            ProxyCaches = proxyCaches,
            Replication = replication,
            Dragonfly = dragonfly,
            GarbageCollection = garbageCollection,
            Robots = robots,
            CostAssumptions = costAssumptions,
            Alerts = alerts,
            AcceptedFindings = acceptedFindings,
        });
    }

    /// <summary>
    /// Keys outside <see cref="KnownKeys"/> are errors unless a setting names them as a secret
    /// (e.g. a proxy cache's <c>passwordSecret</c>). A named secret must be set, and in a stack
    /// file it must be encrypted: a credential in plain text would sit in git.
    /// </summary>
    private static void CheckSecretSettings(NodeReader read, RawConfig raw, string prefix, IReadOnlyDictionary<string, RawValue> others, IReadOnlySet<string> secrets)
    {
        foreach (var (name, value) in others)
        {
            if (!secrets.Contains(name))
            {
                read.Error(prefix + name, "is not a known setting" + Suggestion.For(prefix + name, KnownKeys.Select(k => prefix + k)));
            }
            else if (!value.IsSecure && raw.Origin != RawConfig.EnvironmentVariable)
            {
                read.Error(prefix + name, $"holds a credential in plain text: set it with pulumi config set --secret {prefix}{name}");
            }
        }

        foreach (var name in secrets.Where(s => !others.ContainsKey(s)))
        {
            read.Error(prefix + name, $"is named as a secret setting but not set: pulumi config set --secret {prefix}{name} <value>");
        }
    }

    /// <summary>
    /// Every problem once. An encrypted key is also absent from the values, so its "is required"
    /// error would only repeat the encryption error; it is dropped.
    /// </summary>
    private static IReadOnlyList<ConfigError> Unique(List<ConfigError> errors)
    {
        var encrypted = errors.Where(e => e.Message.StartsWith(EncryptedMessage, StringComparison.Ordinal)).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        return errors.Distinct()
            .Where(e => !(encrypted.Contains(e.Key) && e.Message.StartsWith("is required", StringComparison.Ordinal)))
            .ToArray();
    }

    private const string EncryptedMessage = "is encrypted, but it is not a secret setting";

    private static T? Required<T>(NodeReader read, string key, bool present, Func<T?> get)
    {
        T? value = default;
        CheckRequired(read, key, present, () => (value = get()) is null);
        return value;
    }

    private static T? RequiredStruct<T>(NodeReader read, string key, bool present, Func<T?> get)
        where T : struct
    {
        T? value = null;
        CheckRequired(read, key, present, () => (value = get()) is null);
        return value;
    }

    /// <summary>
    /// Reports a missing key, or one written with nothing after it (YAML <c>key:</c>, JSON null),
    /// which is as good as missing; <paramref name="readIsEmpty"/> reads the value once.
    /// </summary>
    private static void CheckRequired(NodeReader read, string key, bool present, Func<bool> readIsEmpty)
    {
        if (!present)
        {
            read.Error(key, "is required");
            return;
        }

        var before = read.Count;
        if (readIsEmpty() && read.Count == before)
        {
            read.Error(key, "is required, but its value is empty");
        }
    }

    private static IReadOnlyList<RegionConfig>? MissingRegions(NodeReader read, string key)
    {
        read.Error(key, "is required: a list of { name, slot, role?, hub?, azCount?, drRegion? }");
        return null;
    }

    /// <summary>CIDRs that may reach the Kubernetes API: IPv4 blocks, never the whole internet.</summary>
    private static IReadOnlyList<string>? ApiCidrs(NodeReader read, string key, JsonNode? node)
    {
        var cidrs = read.Strings(key, node);
        for (var i = 0; i < (cidrs?.Count ?? 0); i++)
        {
            if (!Planning.Cidr.TryParse(cidrs![i], out var net))
            {
                read.Error($"{key}[{i}]", $"must be an IPv4 CIDR block such as 203.0.113.0/24 (got '{cidrs[i]}')");
            }
            else if (net.Cidr == 0)
            {
                read.Error($"{key}[{i}]", "must not open the Kubernetes API to the whole internet (0.0.0.0/0)");
            }
        }

        return cidrs;
    }

    /// <summary>
    /// Where the first <c>pulumi up</c> runs from, when not from inside the private network it creates:
    /// IPv4 blocks that reach the EKS APIs and the Harbor APIs (443). Never the whole internet.
    /// </summary>
    private static IReadOnlyList<string> DeployerCidrs(NodeReader read, string key, JsonNode? node)
    {
        var cidrs = read.Strings(key, node) ?? [];
        for (var i = 0; i < cidrs.Count; i++)
        {
            if (!Planning.Cidr.TryParse(cidrs[i], out var net))
            {
                read.Error($"{key}[{i}]", $"must be an IPv4 CIDR block such as 203.0.113.0/24, the address range the deployer's traffic leaves from (got '{cidrs[i]}')");
            }
            else if (net.Cidr == 0)
            {
                read.Error($"{key}[{i}]", "must not be 0.0.0.0/0: it would open every cluster's Kubernetes API and every Harbor API to the whole internet; list the deployer's egress range");
            }
        }

        if (cidrs.Distinct(StringComparer.Ordinal).Count() != cidrs.Count)
        {
            read.Error(key, "lists a CIDR more than once");
        }

        return cidrs;
    }

    private static string? AccountId(NodeReader read, string key, JsonNode? node)
    {
        var id = read.String(key, node);
        if (id is not null && !AccountPattern().IsMatch(id))
        {
            read.Error(key, $"must be a 12-digit AWS account id (got '{id}')");
            return null;
        }

        return id;
    }

    private static IReadOnlyList<RegionConfig>? ReadRegions(NodeReader read, string key, JsonNode? node, Topology? topology)
    {
        var list = read.Array(key, node);
        if (list is null)
        {
            return null;
        }

        var before = ErrorCount(read);
        var regions = new List<RegionConfig>();
        var hubFlags = new List<bool?>();
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"{key}[{i}]";
            var entry = read.Object(path, list[i]);
            if (entry is null)
            {
                continue;
            }

            var name = read.String($"{path}.name", entry["name"]);
            if (name is null)
            {
                read.RejectUnknownFields(path, entry, RegionFields);
                if (!entry.ContainsKey("name"))
                {
                    read.Error($"{path}.name", "is required (an AWS region code such as ap-southeast-1)");
                }

                continue;
            }

            // From here on, errors name the region rather than its position: positions shift when regions are added.
            path = $"{key}[{name}]";
            read.RejectUnknownFields(path, entry, RegionFields);
            if (!Regions.IsKnown(name))
            {
                read.Error($"{path}.name", $"'{name}' is not a known AWS region code" + Suggestion.For(name, Regions.All));
                continue;
            }

            var slot = entry.ContainsKey("slot") ? read.Integer($"{path}.slot", entry["slot"], 0, 15) : null;
            if (!entry.ContainsKey("slot"))
            {
                read.Error($"{path}.slot", "is required: the region's fixed place (0-15) in its side's CIDR plan");
            }

            var role = read.Choice($"{path}.role", entry["role"], Roles);
            var hub = read.Boolean($"{path}.hub", entry["hub"]);
            var lost = read.Boolean($"{path}.lost", entry["lost"]) ?? false;
            var minAz = topology is Topology.Ha or Topology.Geo ? 3 : 2;
            if (Regions.ZoneCount(name) < minAz)
            {
                // An HA region spreads everything over three zones; fewer would leave a zone whose loss halves capacity.
                read.Error($"{path}.name", $"{name} has only {Regions.ZoneCount(name)} availability zones that harbor-ha can use; topologies ha and geo need {minAz} per region");
                continue;
            }

            // At most what the zone table offers and what the VPC's subnet layout fits (MaxAzsPerVpc).
            var azCount = (int)(read.Integer($"{path}.azCount", entry["azCount"], minAz, Math.Min(Regions.ZoneCount(name), MaxAzsPerVpc))
                ?? minAz);
            var (dr, drSource) = ReadDrRegion(read, $"{path}.drRegion", entry["drRegion"], name, topology);
            if (dr is not null && drSource == DrRegionSource.Given)
            {
                if (!Regions.IsKnown(dr))
                {
                    read.Error($"{path}.drRegion", $"'{dr}' is not a known AWS region code" + Suggestion.For(dr, Regions.All));
                }
                else if (dr == name)
                {
                    read.Error($"{path}.drRegion", "must be another region than the region itself");
                }
                else if (Regions.SideOf(dr) != Regions.SideOf(name))
                {
                    read.Error($"{path}.drRegion", $"'{dr}' is in another partition: S3 replication and RDS backups do not cross between aws and aws-cn");
                }
            }

            var restore = ReadRestore(read, $"{path}.restore", entry["restore"]);
            if (restore is not null && restore.Storage != StorageRestore.None && dr is null)
            {
                read.Error($"{path}.restore.storage", "needs the region's drRegion: that is where the replicated bucket lives");
            }

            if (slot is null)
            {
                continue;
            }

            hubFlags.Add(hub);
            regions.Add(new RegionConfig
            {
                Name = name,
                Slot = (int)slot,
                Role = role ?? RegionRole.Replica,
                IsHub = hub ?? false,
                AzCount = azCount,
                DrRegion = dr,
                DrRegionSource = drSource,
                Restore = restore,
                IsLost = lost,
            });
        }

        // Every problem at once: the set-level checks run over the entries that did parse, even when
        // others did not, so a duplicate slot is reported together with a bad drRegion.
        var perRegion = ErrorCount(read);
        CheckRegionSet(read, key, regions, topology);
        CheckHubs(read, key, regions, hubFlags);
        CheckLost(read, key, regions, hubFlags);
        if (ErrorCount(read) > perRegion || regions.Count == 0)
        {
            return null;
        }

        var live = regions.Select((r, i) => (r, i)).Where(x => !x.r.IsLost).ToArray();
        var assigned = AssignDefaults([.. live.Select(x => x.r)], [.. live.Select(x => hubFlags[x.i])]);
        CheckTransitPeering(read, key, assigned, topology);
        return ErrorCount(read) > before ? null : [.. assigned, .. regions.Where(r => r.IsLost).OrderBy(r => r.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// <c>drRegion</c>: a region code, <c>none</c> (no copies outside the region, on purpose), or
    /// absent: the region's default partner in ha and geo (<see cref="DrPartners"/>), none in single-site.
    /// </summary>
    private static (string? Region, DrRegionSource Source) ReadDrRegion(NodeReader read, string key, JsonNode? node, string region, Topology? topology)
    {
        var dr = read.String(key, node);
        return dr switch
        {
            NoDrRegion => (null, DrRegionSource.None),
            null => (topology is { } t ? DrPartners.DefaultFor(t, region) : null, DrRegionSource.Default),
            _ => (dr, DrRegionSource.Given),
        };
    }

    /// <summary>The <c>drRegion</c> value that opts a region out of DR copies.</summary>
    public const string NoDrRegion = "none";

    /// <summary>
    /// geo peers each side's hub with every other region on that side. In China, Transit Gateway
    /// peering exists only between Beijing and Ningxia (AWS China documentation), so a China hub
    /// must be one of the two and its spokes the other.
    /// </summary>
    private static void CheckTransitPeering(NodeReader read, string key, IReadOnlyList<RegionConfig> regions, Topology? topology)
    {
        if (topology != Topology.Geo)
        {
            return;
        }

        foreach (var (hub, spoke) in TransitPlan.UnsupportedPeerings(regions))
        {
            read.Error($"{key}[{spoke.Name}]", $"cannot join hub {hub.Name}: Transit Gateway peering between {hub.Name} and {spoke.Name} is not offered"
                + (hub.Side == Side.China ? " (in China it exists only between cn-north-1 and cn-northwest-1)" : ""));
        }
    }

    private static int ErrorCount(NodeReader read) => read.Count;

    /// <summary>
    /// A lost region gets nothing declared in it or depending on it (docs/disaster-recovery.md): it
    /// cannot keep a role that others need, nor hold another region's DR copies; a region rebuilt
    /// from its replica bucket must sit where that bucket is.
    /// </summary>
    private static void CheckLost(NodeReader read, string key, List<RegionConfig> regions, List<bool?> hubFlags)
    {
        var lost = regions.Where(r => r.IsLost).ToDictionary(r => r.Name, StringComparer.Ordinal);
        for (var i = 0; i < regions.Count; i++)
        {
            var r = regions[i];
            if (r.IsLost && r.IsPrimary)
            {
                read.Error($"{key}[{r.Name}].role", $"{r.Name} is lost and cannot stay primary: make a surviving region primary (infra dr plan --lost {r.Name} prints the config)");
            }

            if (r.IsLost && hubFlags[i] == true)
            {
                read.Error($"{key}[{r.Name}].hub", $"{r.Name} is lost and cannot stay its side's hub: make a surviving region of its side the hub (infra dr plan --lost {r.Name} prints the config)");
            }

            if (r.IsLost && r.Restore is not null)
            {
                read.Error($"{key}[{r.Name}].restore", $"{r.Name} is lost: nothing is declared there; rebuild it in another region (restore.storage: {{ replicaOf: {r.Name} }}) or set lost: false to rebuild it in place");
            }

            if (!r.IsLost && r.DrRegion is { } dr && lost.ContainsKey(dr))
            {
                read.Error($"{key}[{r.Name}].drRegion", $"'{dr}' is lost: {r.Name}'s DR copies need a region that is alive; name another region of its partition, or set drRegion: none until {dr} is rebuilt");
            }

            if (r.Restore?.StorageReplicaOf is { } of)
            {
                if (!lost.TryGetValue(of, out var source))
                {
                    read.Error($"{key}[{r.Name}].restore.storage.replicaOf", $"'{of}' is not a lost region of this stack: only a region marked lost: true is rebuilt from its replica bucket");
                }
                else if (source.DrRegion != r.Name)
                {
                    read.Error($"{key}[{r.Name}].restore.storage.replicaOf", source.DrRegion is null
                        ? $"{of} has no drRegion, so it has no replica bucket to serve"
                        : $"{of}'s replica bucket is in {source.DrRegion}, not {r.Name}: rebuild {of} in {source.DrRegion}");
                }
            }

            if (r.Restore?.DatabaseBackupArn is { } arn && !r.IsLost && ArnRegion(arn) is { } arnRegion && arnRegion != r.Name)
            {
                read.Error($"{key}[{r.Name}].restore.databaseBackupArn", $"is in {arnRegion}: RDS restores replicated automated backups only in the region that holds them ({r.Name}); use the ARN of the replica in {r.Name}");
            }
        }
    }

    /// <summary>The region field of an ARN (<c>arn:aws:rds:eu-west-1:…</c>), or null when it has none.</summary>
    private static string? ArnRegion(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length > 4 && parts[0] == "arn" && parts[3].Length > 0 ? parts[3] : null;
    }

    private static void CheckRegionSet(NodeReader read, string key, List<RegionConfig> regions, Topology? topology)
    {
        foreach (var dup in regions.GroupBy(r => r.Name).Where(g => g.Count() > 1))
        {
            read.Error($"{key}[{dup.Key}]", "is listed more than once");
        }

        foreach (var clash in regions.GroupBy(r => (r.Side, r.Slot)).Where(g => g.Count() > 1))
        {
            var names = string.Join(", ", clash.Select(r => r.Name).Order(StringComparer.Ordinal));
            read.Error($"{key}[{clash.Last().Name}].slot", $"slot {clash.Key.Slot} on the {Describe(clash.Key.Side)} side is taken by more than one region ({names}); each region needs its own slot");
        }

        var liveCount = regions.Count(r => !r.IsLost);
        var primaries = regions.Where(r => r.IsPrimary && !r.IsLost).Select(r => r.Name).ToArray();
        if (primaries.Length > 1)
        {
            read.Error(key, $"exactly one region must have role: primary (found {primaries.Length}: {string.Join(", ", primaries)})");
        }
        else if (primaries.Length == 0 && liveCount > 1 && !regions.Any(r => r.IsLost && r.IsPrimary))
        {
            read.Error(key, "exactly one region must have role: primary (found none)");
        }

        foreach (var side in regions.Where(r => r.IsHub).GroupBy(r => r.Side).Where(g => g.Count() > 1))
        {
            read.Error(key, $"at most one hub per side: the {Describe(side.Key)} side has {string.Join(", ", side.Select(r => r.Name))}");
        }

        switch (topology)
        {
            case Topology.SingleSite or Topology.Ha when liveCount != 1:
                read.Error(key, $"topology {(topology == Topology.Ha ? "ha" : "single-site")} takes exactly one region (got {liveCount}{(liveCount != regions.Count ? " not lost" : "")}); use geo for more");
                break;
            case Topology.Geo when liveCount < 2:
                read.Error(key, $"topology geo takes two or more regions (got {liveCount}{(liveCount != regions.Count ? " not lost" : "")})");
                break;
            default:
                break;
        }

        foreach (var r in regions.Where(r => r.Restore is not null && r.DrRegion is null && r.Restore.Storage != StorageRestore.None))
        {
            read.Error($"{key}[{r.Name}].restore.storage", "needs the region's drRegion: that is where the replicated bucket lives");
        }
    }

    /// <summary>
    /// A side with regions always needs a hub, so <c>hub: false</c> on every region of a side is an
    /// error. Any region may be its side's hub (DESIGN.md): the network plan's core regions (Beijing,
    /// Singapore) are where a stack usually puts them, but a stack without them, or one rebuilding
    /// around a lost region, picks another.
    /// </summary>
    private static void CheckHubs(NodeReader read, string key, List<RegionConfig> regions, List<bool?> hubFlags)
    {
        var flagged = regions.Select((r, i) => (Region: r, Flag: hubFlags[i])).ToArray();
        foreach (var side in flagged.GroupBy(x => x.Region.Side).Where(side => side.All(x => x.Flag == false)))
        {
            read.Error($"{key}[{side.First().Region.Name}].hub", $"every {Describe(side.Key)} region says hub: false, but a side with regions needs a hub");
        }
    }

    /// <summary>
    /// A lone region is the primary; each side without an explicit hub gets the primary if it is on
    /// that side, else its lowest slot (DESIGN.md, config contract).
    /// </summary>
    private static IReadOnlyList<RegionConfig> AssignDefaults(List<RegionConfig> regions, List<bool?> hubFlags)
    {
        if (regions.Count == 1 && !regions[0].IsPrimary)
        {
            regions[0] = regions[0] with { Role = RegionRole.Primary };
        }

        foreach (var side in regions.Select(r => r.Side).Distinct().ToArray())
        {
            var onSide = regions.Where(r => r.Side == side).ToArray();
            var explicitlyOff = regions.Select((r, i) => (r, i)).Where(x => x.r.Side == side && hubFlags[x.i] == false).Select(x => x.r.Name).ToHashSet();
            if (onSide.Any(r => r.IsHub))
            {
                continue;
            }

            var candidates = onSide.Where(r => !explicitlyOff.Contains(r.Name)).ToArray();
            if (candidates.Length == 0)
            {
                candidates = onSide;
            }

            var hub = candidates.FirstOrDefault(r => r.IsPrimary)
                ?? candidates.OrderBy(r => r.Slot).First();
            var index = regions.FindIndex(r => r.Name == hub.Name);
            regions[index] = hub with { IsHub = true };
        }

        return regions.OrderBy(r => r.Name, StringComparer.Ordinal).ToArray();
    }

    private static string? ReplicaOf(NodeReader read, string key, JsonObject obj)
    {
        read.RejectUnknownFields(key, obj, ["replicaOf"]);
        var of = read.String($"{key}.replicaOf", obj["replicaOf"]);
        if (of is null)
        {
            read.Error($"{key}.replicaOf", "is required: the lost region whose replica bucket Harbor serves, e.g. { replicaOf: eu-central-1 }");
        }

        return of;
    }

    private static RestoreSource? ReadRestore(NodeReader read, string key, JsonNode? node)
    {
        var obj = read.Object(key, node);
        if (obj is null)
        {
            return null;
        }

        read.RejectUnknownFields(key, obj, RestoreFields);
        var restore = new RestoreSource
        {
            DatabaseSnapshot = read.String($"{key}.databaseSnapshot", obj["databaseSnapshot"]),
            DatabaseBackupArn = read.String($"{key}.databaseBackupArn", obj["databaseBackupArn"]),
            DatabaseRestoreTime = read.String($"{key}.databaseRestoreTime", obj["databaseRestoreTime"]),
            Storage = obj["storage"] is JsonObject ? StorageRestore.None : read.Choice($"{key}.storage", obj["storage"], StorageRestores) ?? StorageRestore.None,
            StorageReplicaOf = obj["storage"] is JsonObject of ? ReplicaOf(read, $"{key}.storage", of) : null,
        };
        if (restore.DatabaseSnapshot is not null && restore.DatabaseBackupArn is not null)
        {
            read.Error(key, "set either databaseSnapshot or databaseBackupArn, not both");
        }

        if (restore.DatabaseRestoreTime is not null)
        {
            if (restore.DatabaseBackupArn is null)
            {
                read.Error($"{key}.databaseRestoreTime", "needs databaseBackupArn (the replicated automated backups to restore from)");
            }
            else if (!DateTimeOffset.TryParse(restore.DatabaseRestoreTime, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out _) || !restore.DatabaseRestoreTime.EndsWith('Z'))
            {
                read.Error($"{key}.databaseRestoreTime", $"must be an RFC 3339 UTC time such as 2026-11-30T08:00:00Z (got '{restore.DatabaseRestoreTime}')");
            }
        }

        return restore;
    }

    private static Sizing ReadSizing(NodeReader read, string key, JsonNode? node, Topology topology)
    {
        var sizing = Sizing.For(topology);
        var obj = read.Object(key, node);
        if (obj is null)
        {
            return sizing;
        }

        read.RejectUnknownFields(key, obj, SizingFields);
        int Int(string field, int current, int min, int max) => (int?)read.Integer($"{key}.{field}", obj[field], min, max) ?? current;
        string Str(string field, string current, Regex shape, string example)
        {
            var value = read.String($"{key}.{field}", obj[field]);
            if (value is not null && !shape.IsMatch(value))
            {
                read.Error($"{key}.{field}", $"'{value}' is not shaped like an AWS type name such as {example}");
                return current;
            }

            return value ?? current;
        }

        sizing = sizing with
        {
            DbInstanceClass = Str("dbInstanceClass", sizing.DbInstanceClass, DbClassPattern(), "db.r6g.large"),
            DbAllocatedStorageGb = Int("dbAllocatedStorageGb", sizing.DbAllocatedStorageGb, 20, 65536),
            DbMaxAllocatedStorageGb = Int("dbMaxAllocatedStorageGb", sizing.DbMaxAllocatedStorageGb, 20, 65536),
            DbBackupRetentionDays = Int("dbBackupRetentionDays", sizing.DbBackupRetentionDays, 1, 35),
            CacheNodeType = Str("cacheNodeType", sizing.CacheNodeType, CacheNodePattern(), "cache.r7g.large"),
            CacheSnapshotRetentionDays = Int("cacheSnapshotRetentionDays", sizing.CacheSnapshotRetentionDays, 1, 35),
            StorageNoncurrentVersionDays = Int("storageNoncurrentVersionDays", sizing.StorageNoncurrentVersionDays, 1, 3650),
            NodeInstanceType = Str("nodeInstanceType", sizing.NodeInstanceType, InstanceTypePattern(), "m6i.xlarge"),
            NodeMinSize = Int("nodeMinSize", sizing.NodeMinSize, 1, 100),
            NodeDesiredSize = Int("nodeDesiredSize", sizing.NodeDesiredSize, 1, 100),
            NodeMaxSize = Int("nodeMaxSize", sizing.NodeMaxSize, 1, 100),
            HarborReplicas = Int("harborReplicas", sizing.HarborReplicas, 1, 20),
        };
        if (sizing.DbMaxAllocatedStorageGb < sizing.DbAllocatedStorageGb)
        {
            read.Error($"{key}.dbMaxAllocatedStorageGb", $"must be at least dbAllocatedStorageGb ({sizing.DbAllocatedStorageGb})");
        }

        if (sizing.NodeMinSize > sizing.NodeDesiredSize || sizing.NodeDesiredSize > sizing.NodeMaxSize)
        {
            read.Error($"{key}.nodeDesiredSize", $"must satisfy nodeMinSize <= nodeDesiredSize <= nodeMaxSize (got {sizing.NodeMinSize}, {sizing.NodeDesiredSize}, {sizing.NodeMaxSize})");
        }

        if (topology != Topology.SingleSite && sizing.HarborReplicas < 2)
        {
            read.Error($"{key}.harborReplicas", "must be at least 2 outside single-site: one replica is a single point of failure");
        }

        if (topology != Topology.SingleSite && sizing.NodeMinSize < 3)
        {
            read.Error($"{key}.nodeMinSize", "must be at least 3 outside single-site: one node per availability zone");
        }

        return sizing;
    }

    private static readonly string[] SizingFields =
    [
        "cacheNodeType", "cacheSnapshotRetentionDays", "dbAllocatedStorageGb", "dbBackupRetentionDays", "dbInstanceClass",
        "dbMaxAllocatedStorageGb", "harborReplicas", "nodeDesiredSize", "nodeInstanceType", "nodeMaxSize", "nodeMinSize",
        "storageNoncurrentVersionDays",
    ];

    private static CertificateConfig ReadCertificate(NodeReader read, string key, JsonNode? node, IReadOnlyList<RegionConfig>? regions)
    {
        var obj = read.Object(key, node);
        if (obj is null)
        {
            return new CertificateConfig();
        }

        read.RejectUnknownFields(key, obj, CertificateFields);
        var mode = read.Choice($"{key}.mode", obj["mode"], CertificateModes) ?? CertificateMode.AcmDns;
        var arns = read.StringMap($"{key}.arns", obj["arns"]) ?? new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (mode == CertificateMode.Imported && regions is not null)
        {
            foreach (var r in regions.Where(r => !arns.ContainsKey(r.Name)))
            {
                read.Error($"{key}.arns.{r.Name}", "is required with mode imported: the ACM certificate ARN for this region");
            }
        }

        foreach (var (region, arn) in arns)
        {
            if (!arn.StartsWith("arn:aws", StringComparison.Ordinal) || !arn.Contains(":acm:", StringComparison.Ordinal))
            {
                read.Error($"{key}.arns.{region}", $"must be an ACM certificate ARN (got '{arn}')");
            }
        }

        return new CertificateConfig { Mode = mode, Arns = arns };
    }

    private static VpnConfig ReadVpn(NodeReader read, string key, JsonNode? node)
    {
        var vpn = new VpnConfig();
        var obj = read.Object(key, node);
        if (obj is null)
        {
            return vpn;
        }

        // Transit Gateway ASNs used to follow the hub role, so moving a hub replaced both hubs' gateways.
        foreach (var retired in RetiredVpnFields.Where(obj.ContainsKey))
        {
            read.Error($"{key}.{retired}", $"is no longer accepted: every Transit Gateway's ASN now comes from its side and slot ({TransitPlan.FirstTransitAsn} + slot overseas, {TransitPlan.FirstTransitAsn + NetworkPlan.SlotCount} + slot in China), so moving a hub replaces no gateway; remove the key (docs/network.md)");
        }

        read.RejectUnknownFields(key, obj, [.. VpnFields, .. RetiredVpnFields]);
        long Asn(string field, long current) => read.Integer($"{key}.{field}", obj[field], 64512, 65534) ?? current;
        vpn = vpn with
        {
            ApplianceAsn = Asn("applianceAsn", vpn.ApplianceAsn),
            ApplianceInstanceType = ApplianceType(read, $"{key}.applianceInstanceType", obj["applianceInstanceType"]) ?? vpn.ApplianceInstanceType,
            ApplianceAmis = ApplianceAmis(read, $"{key}.applianceAmis", obj["applianceAmis"]) ?? vpn.ApplianceAmis,
        };
        if (TransitPlan.IsTransitAsn(vpn.ApplianceAsn))
        {
            read.Error($"{key}.applianceAsn", $"must lie outside {TransitPlan.FirstTransitAsn}-{TransitPlan.LastTransitAsn}: that range gives each Transit Gateway its own ASN by side and slot (got {vpn.ApplianceAsn})");
        }

        return vpn;
    }

    /// <summary>
    /// Bucket names derive from the domain (StateNames); a domain that cannot name every region's
    /// buckets is a config error, reported once for the region with the longest name.
    /// </summary>
    private static void CheckStateNames(NodeReader read, string key, string domain, IReadOnlyList<RegionConfig> regions)
    {
        var problem = regions
            .OrderByDescending(r => r.Name.Length).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => Planning.StateNames.BucketNameProblem(domain, r.Name))
            .FirstOrDefault(p => p is not null);
        if (problem is not null)
        {
            read.Error(key, problem);
        }
    }

    /// <summary>The stack's private network: the /9 of each side it has regions on (DESIGN.md, CIDR plan).</summary>
    private static IReadOnlyList<string> DefaultPrivateAccess(IReadOnlyList<RegionConfig> regions) =>
        regions.Select(r => r.Side).Distinct().Order().Select(Planning.NetworkPlan.SupernetOf).ToArray();

    private static string Describe(Side side) => side == Side.China ? "China" : "overseas";

    [GeneratedRegex("^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex DomainPattern();

    [GeneratedRegex("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?(/[a-z0-9._-]+)*$")]
    private static partial Regex MirrorPattern();

    /// <summary><c>vpn.applianceAmis</c>: per region an AMI id, or <c>latest</c> for the deploy-time lookup.</summary>
    private static IReadOnlyDictionary<string, string>? ApplianceAmis(NodeReader read, string key, JsonNode? node)
    {
        var amis = read.StringMap(key, node);
        foreach (var (region, ami) in amis ?? new SortedDictionary<string, string>())
        {
            if (!Regions.IsKnown(region))
            {
                read.Error($"{key}.{region}", $"'{region}' is not a known AWS region code" + Suggestion.For(region, Regions.All));
            }
            else if (ami != VpnConfig.LatestAmi && !AmiPattern().IsMatch(ami))
            {
                read.Error($"{key}.{region}", $"must be an AMI id such as ami-0123456789abcdef0, or {VpnConfig.LatestAmi} to look Canonical's newest Ubuntu 24.04 up at deploy time (got '{ami}')");
            }
        }

        return amis;
    }

    [GeneratedRegex("^ami-[0-9a-f]{8}([0-9a-f]{9})?$")]
    private static partial Regex AmiPattern();

    private static string? ApplianceType(NodeReader read, string key, JsonNode? node)
    {
        var value = read.String(key, node);
        if (value is not null && !InstanceTypePattern().IsMatch(value))
        {
            read.Error(key, $"'{value}' is not shaped like an EC2 instance type such as c6in.large");
            return null;
        }

        return value;
    }

    /// <summary>RDS instance classes: <c>db.&lt;family&gt;.&lt;size&gt;</c> (e.g. db.r6g.large, db.t4g.medium).</summary>
    [GeneratedRegex("^db\\.[a-z][a-z0-9-]*\\.[a-z0-9]+$")]
    private static partial Regex DbClassPattern();

    /// <summary>ElastiCache node types: <c>cache.&lt;family&gt;.&lt;size&gt;</c> (e.g. cache.r7g.large).</summary>
    [GeneratedRegex("^cache\\.[a-z][a-z0-9-]*\\.[a-z0-9]+$")]
    private static partial Regex CacheNodePattern();

    /// <summary>EC2 instance types: <c>&lt;family&gt;.&lt;size&gt;</c> (e.g. m6i.xlarge, m7i-flex.large, c7gn.2xlarge).</summary>
    [GeneratedRegex("^[a-z][a-z0-9-]*\\.[a-z0-9]+$")]
    internal static partial Regex InstanceTypePattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^arn:aws(-cn)?:iam::[0-9]{12}:(role|user)/[A-Za-z0-9+=,.@_/-]+$")]
    private static partial Regex PrincipalArnPattern();
}
