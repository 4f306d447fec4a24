using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HarborHa.Configuration;

/// <summary>
/// Reads the image-distribution settings (<c>harbor-ha:projects</c>, <c>proxyCaches</c>,
/// <c>replication</c>, <c>dragonfly</c>) and records every secret setting they name, so the parser
/// can accept those keys, and only those, as secrets.
/// </summary>
internal static partial class DistributionConfigReader
{
    private static readonly string[] ProjectFields =
        ["immutableTags", "name", "preventVulnerable", "public", "replicate", "requireCosign", "retention", "sbomOnPush", "scanOnPush", "storageQuotaGb"];

    private static readonly string[] RetentionFields = ["keepLastPushed", "keepPushedWithinDays", "schedule"];
    private static readonly string[] ProxyCacheFields = ["endpoint", "name", "passwordSecret", "type", "username"];

    private static readonly string[] ReplicationFields =
        ["bandwidthMbps", "catchUpSchedule", "crossBorderBandwidthMbps", "crossBorderHttpTimeoutMinutes", "deletion", "override", "storageRtc", "tags"];

    private static readonly string[] DragonflyFields =
        ["cacheNodeType", "chartRepository", "dbInstanceClass", "enabled", "imageRegistry", "preheatTokens"];

    private static readonly Dictionary<string, RetentionSchedule> Schedules = new(StringComparer.Ordinal)
    {
        ["hourly"] = RetentionSchedule.Hourly,
        ["daily"] = RetentionSchedule.Daily,
        ["weekly"] = RetentionSchedule.Weekly,
    };

    private static readonly Dictionary<string, UpstreamType> Upstreams = new(StringComparer.Ordinal)
    {
        ["docker-hub"] = UpstreamType.DockerHub,
        ["ghcr"] = UpstreamType.Ghcr,
        ["quay"] = UpstreamType.Quay,
        ["registry"] = UpstreamType.Registry,
        ["harbor"] = UpstreamType.Harbor,
    };

    private static readonly Dictionary<string, VulnerabilitySeverity> Severities = new(StringComparer.Ordinal)
    {
        ["critical"] = VulnerabilitySeverity.Critical,
        ["high"] = VulnerabilitySeverity.High,
        ["medium"] = VulnerabilitySeverity.Medium,
        ["low"] = VulnerabilitySeverity.Low,
    };

    /// <summary>Harbor creates <c>library</c> at installation; declaring it again would fail on create.</summary>
    public const string ReservedProject = "library";

    public static IReadOnlyList<ProjectConfig> ReadProjects(NodeReader read, string key, JsonNode? node)
    {
        var list = read.Array(key, node);
        if (list is null)
        {
            return ProjectConfig.Defaults;
        }

        var projects = new List<ProjectConfig>();
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"{key}[{i}]";
            var obj = read.Object(path, list[i]);
            if (obj is null)
            {
                continue;
            }

            read.RejectUnknownFields(path, obj, ProjectFields);
            var name = ProjectName(read, path, obj);
            if (name is null)
            {
                continue;
            }

            path = $"{key}[{name}]";
            var quota = read.Integer($"{path}.storageQuotaGb", obj["storageQuotaGb"], 1, 1_048_576);
            var tags = read.Strings($"{path}.immutableTags", obj["immutableTags"]) ?? [];
            for (var t = 0; t < tags.Count; t++)
            {
                if (string.IsNullOrWhiteSpace(tags[t]))
                {
                    read.Error($"{path}.immutableTags[{t}]", "must be a tag pattern such as v* (got an empty string)");
                }
            }

            if (tags.Distinct(StringComparer.Ordinal).Count() != tags.Count)
            {
                read.Error($"{path}.immutableTags", "lists a pattern more than once");
            }

            projects.Add(new ProjectConfig
            {
                Name = name,
                Public = read.Boolean($"{path}.public", obj["public"]) ?? false,
                StorageQuotaGb = quota,
                ScanOnPush = read.Boolean($"{path}.scanOnPush", obj["scanOnPush"]) ?? true,
                SbomOnPush = read.Boolean($"{path}.sbomOnPush", obj["sbomOnPush"]) ?? false,
                PreventVulnerable = read.Choice($"{path}.preventVulnerable", obj["preventVulnerable"], Severities),
                RequireCosign = read.Boolean($"{path}.requireCosign", obj["requireCosign"]) ?? false,
                Replicate = read.Boolean($"{path}.replicate", obj["replicate"]) ?? true,
                Retention = ReadRetention(read, $"{path}.retention", obj["retention"]),
                ImmutableTags = tags,
            });
        }

        return projects;
    }

    public static IReadOnlyList<ProxyCacheConfig> ReadProxyCaches(NodeReader read, string key, JsonNode? node, ISet<string> secrets)
    {
        var list = read.Array(key, node);
        if (list is null)
        {
            return ProxyCacheConfig.Defaults;
        }

        var caches = new List<ProxyCacheConfig>();
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"{key}[{i}]";
            var obj = read.Object(path, list[i]);
            if (obj is null)
            {
                continue;
            }

            read.RejectUnknownFields(path, obj, ProxyCacheFields);
            var name = ProjectName(read, path, obj);
            if (name is null)
            {
                continue;
            }

            path = $"{key}[{name}]";
            if (!obj.ContainsKey("type"))
            {
                read.Error($"{path}.type", $"is required: one of {string.Join(", ", Upstreams.Keys)}");
                continue;
            }

            var type = read.Choice($"{path}.type", obj["type"], Upstreams);
            if (type is null)
            {
                continue;
            }

            var endpoint = read.String($"{path}.endpoint", obj["endpoint"]) ?? ProxyCacheConfig.DefaultEndpoint(type.Value);
            if (endpoint is null)
            {
                read.Error($"{path}.endpoint", $"is required for type {Upstreams.First(u => u.Value == type).Key}: the upstream's https:// URL");
                continue;
            }

            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            {
                read.Error($"{path}.endpoint", $"must be an https:// URL (got '{endpoint}')");
            }

            var username = read.String($"{path}.username", obj["username"]);
            var secret = SecretName(read, $"{path}.passwordSecret", obj["passwordSecret"]);
            if (obj.ContainsKey("username") != obj.ContainsKey("passwordSecret"))
            {
                read.Error(obj.ContainsKey("username") ? $"{path}.passwordSecret" : $"{path}.username", "username and passwordSecret go together: set both or neither");
            }

            if (secret is not null)
            {
                secrets.Add(secret);
            }

            caches.Add(new ProxyCacheConfig { Name = name, Type = type.Value, Endpoint = endpoint, Username = username, PasswordSecret = secret });
        }

        return caches;
    }

    public static ReplicationConfig ReadReplication(NodeReader read, string key, JsonNode? node)
    {
        var replication = new ReplicationConfig();
        var obj = read.Object(key, node);
        if (obj is null)
        {
            return replication;
        }

        read.RejectUnknownFields(key, obj, ReplicationFields);
        var tags = read.String($"{key}.tags", obj["tags"]);
        if (tags is not null && string.IsNullOrWhiteSpace(tags))
        {
            read.Error($"{key}.tags", "must be a tag pattern such as v* (omit it to replicate every tag)");
            tags = null;
        }

        var catchUp = read.String($"{key}.catchUpSchedule", obj["catchUpSchedule"]);
        if (catchUp is not null && !IsHarborCron(catchUp))
        {
            read.Error($"{key}.catchUpSchedule", $"must be a Harbor cron of six fields, seconds first, e.g. '0 0 * * * *' for hourly (got '{catchUp}')");
            catchUp = null;
        }

        // Harbor's speed field is an int32 in Kbit/s; 100000 Mbit/s keeps the conversion far from overflow.
        return replication with
        {
            CatchUpSchedule = catchUp ?? replication.CatchUpSchedule,
            Tags = tags,
            Deletion = read.Boolean($"{key}.deletion", obj["deletion"]) ?? replication.Deletion,
            Override = read.Boolean($"{key}.override", obj["override"]) ?? replication.Override,
            BandwidthMbps = (int?)read.Integer($"{key}.bandwidthMbps", obj["bandwidthMbps"], 1, 100_000),
            CrossBorderBandwidthMbps = (int?)read.Integer($"{key}.crossBorderBandwidthMbps", obj["crossBorderBandwidthMbps"], 1, 100_000) ?? replication.CrossBorderBandwidthMbps,
            CrossBorderHttpTimeoutMinutes = (int?)read.Integer($"{key}.crossBorderHttpTimeoutMinutes", obj["crossBorderHttpTimeoutMinutes"], 30, 1440) ?? replication.CrossBorderHttpTimeoutMinutes,
            StorageRtc = read.Boolean($"{key}.storageRtc", obj["storageRtc"]) ?? replication.StorageRtc,
        };
    }

    public static DragonflyConfig ReadDragonfly(NodeReader read, string key, JsonNode? node, IReadOnlyList<RegionConfig>? regions, ISet<string> secrets)
    {
        var dragonfly = new DragonflyConfig();
        var obj = read.Object(key, node);
        if (obj is null)
        {
            return dragonfly;
        }

        read.RejectUnknownFields(key, obj, DragonflyFields);
        var tokens = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var tokenMap = read.Object($"{key}.preheatTokens", obj["preheatTokens"]);
        foreach (var (region, value) in tokenMap ?? [])
        {
            var path = $"{key}.preheatTokens.{region}";
            if (regions is not null && regions.All(r => r.Name != region))
            {
                read.Error(path, $"'{region}' is not one of the stack's regions" + Suggestion.For(region, regions.Select(r => r.Name)));
                continue;
            }

            var secret = SecretName(read, path, value);
            if (secret is not null)
            {
                tokens[region] = secret;
                secrets.Add(secret);
            }
        }

        var repository = read.String($"{key}.chartRepository", obj["chartRepository"]) ?? dragonfly.ChartRepository;
        if (!Uri.TryCreate(repository, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != "oci"))
        {
            read.Error($"{key}.chartRepository", $"must be an https:// or oci:// URL (got '{repository}')");
        }

        return dragonfly with
        {
            Enabled = read.Boolean($"{key}.enabled", obj["enabled"]) ?? dragonfly.Enabled,
            CacheNodeType = NonEmpty(read, $"{key}.cacheNodeType", obj["cacheNodeType"], "cache.") ?? dragonfly.CacheNodeType,
            DbInstanceClass = NonEmpty(read, $"{key}.dbInstanceClass", obj["dbInstanceClass"], "db.") ?? dragonfly.DbInstanceClass,
            ImageRegistry = read.String($"{key}.imageRegistry", obj["imageRegistry"]),
            ChartRepository = repository,
            PreheatTokens = tokens,
        };
    }

    /// <summary>Projects and proxy caches share Harbor's project namespace: names must be unique across both.</summary>
    public static void CheckUniqueNames(NodeReader read, string projectsKey, string proxyCachesKey, IReadOnlyList<ProjectConfig> projects, IReadOnlyList<ProxyCacheConfig> caches)
    {
        foreach (var dup in projects.GroupBy(p => p.Name).Where(g => g.Count() > 1))
        {
            read.Error($"{projectsKey}[{dup.Key}]", "is listed more than once");
        }

        foreach (var dup in caches.GroupBy(p => p.Name).Where(g => g.Count() > 1))
        {
            read.Error($"{proxyCachesKey}[{dup.Key}]", "is listed more than once");
        }

        foreach (var clash in caches.Where(c => projects.Any(p => p.Name == c.Name)))
        {
            read.Error($"{proxyCachesKey}[{clash.Name}].name", "is also a project in harbor-ha:projects; a proxy cache needs a project of its own");
        }
    }

    /// <summary>Harbor's cron: six space-separated fields (seconds, minutes, hours, day of month, month, day of week).</summary>
    public static bool IsHarborCron(string cron) =>
        cron.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: 6 } fields && fields.All(f => HarborCronField().IsMatch(f));

    /// <summary>Whether a key can name a secret setting: camelCase, so it never collides with a logical name.</summary>
    public static bool IsSecretName(string name) => SecretPattern().IsMatch(name);

    private static string? ProjectName(NodeReader read, string path, JsonObject obj)
    {
        if (!obj.ContainsKey("name"))
        {
            read.Error($"{path}.name", "is required");
            return null;
        }

        var name = read.String($"{path}.name", obj["name"]);
        if (name is null)
        {
            return null;
        }

        if (name.Length > 63 || !ProjectPattern().IsMatch(name))
        {
            read.Error($"{path}.name", $"must be 2-63 lowercase letters, digits and single dashes, starting with a letter (got '{name}')");
            return null;
        }

        if (name == ReservedProject)
        {
            read.Error($"{path}.name", "'library' is created by Harbor itself at installation; pick another name");
            return null;
        }

        return name;
    }

    private static RetentionConfig? ReadRetention(NodeReader read, string key, JsonNode? node)
    {
        var obj = read.Object(key, node);
        if (obj is null)
        {
            return null;
        }

        read.RejectUnknownFields(key, obj, RetentionFields);
        var retention = new RetentionConfig
        {
            KeepLastPushed = (int?)read.Integer($"{key}.keepLastPushed", obj["keepLastPushed"], 1, 10_000),
            KeepPushedWithinDays = (int?)read.Integer($"{key}.keepPushedWithinDays", obj["keepPushedWithinDays"], 1, 3650),
            Schedule = read.Choice($"{key}.schedule", obj["schedule"], Schedules) ?? RetentionSchedule.Daily,
        };
        if (retention.KeepLastPushed is null && retention.KeepPushedWithinDays is null && !obj.ContainsKey("keepLastPushed") && !obj.ContainsKey("keepPushedWithinDays"))
        {
            read.Error(key, "needs keepLastPushed or keepPushedWithinDays (or both); omit retention to keep everything");
        }

        return retention;
    }

    private static string? SecretName(NodeReader read, string key, JsonNode? node)
    {
        var name = read.String(key, node);
        if (name is null)
        {
            return null;
        }

        if (!IsSecretName(name) || ConfigParser.KnownKeys.Contains(name))
        {
            read.Error(key, $"must name a secret setting of the harbor-ha namespace in camelCase, such as dockerhubToken, that is not an ordinary setting (got '{name}')");
            return null;
        }

        return name;
    }

    private static string? NonEmpty(NodeReader read, string key, JsonNode? node, string prefix)
    {
        var value = read.String(key, node);
        if (value is not null && !value.StartsWith(prefix, StringComparison.Ordinal))
        {
            read.Error(key, $"must be an AWS {prefix}* class name (got '{value}')");
            return null;
        }

        return value;
    }

    [GeneratedRegex(@"^[0-9*/,\-?A-Za-z]+$")]
    private static partial Regex HarborCronField();

    [GeneratedRegex("^[a-z](-?[a-z0-9])+$")]
    private static partial Regex ProjectPattern();

    [GeneratedRegex("^[a-z][A-Za-z0-9]{1,62}$")]
    private static partial Regex SecretPattern();
}
