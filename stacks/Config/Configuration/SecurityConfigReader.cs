using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HarborHa.Configuration;

/// <summary>
/// Reads the security settings of a stack (issue 18): who may reach the internet-facing load
/// balancers, the web ACL's rate limit, cluster and key administrators, Object Lock of the DR
/// buckets and the account audit. Every problem is recorded against its key, like the rest of the parser.
/// </summary>
public static partial class SecurityConfigReader
{
    private static readonly string[] DrObjectLockFields = ["days", "mode"];
    private static readonly string[] AuditFields = ["enabled", "managedElsewhere", "retentionDays"];

    /// <summary>The keys this reader owns (ConfigParser.KnownKeys lists them too).</summary>
    public static readonly IReadOnlyList<string> Keys = ["adminCidrs", "audit", "clientCidrs", "drObjectLock", "keyAdminArns", "wafRateLimit"];

    public static SecuritySettings Read(NodeReader read, string prefix, Func<string, JsonNode?> value, Stage stage, Exposure exposure, IReadOnlyList<RegionConfig>? regions, IReadOnlyList<string> clusterAdmins)
    {
        string K(string name) => prefix + name;
        var clients = Cidrs(read, K("clientCidrs"), value("clientCidrs"), allowEverywhere: true);
        var admins = Cidrs(read, K("adminCidrs"), value("adminCidrs"), allowEverywhere: false);
        if (exposure == Exposure.Internal)
        {
            foreach (var (name, list) in new[] { ("clientCidrs", clients), ("adminCidrs", admins) }.Where(x => x.Item2.Count > 0))
            {
                read.Error(K(name), "applies only to an internet-facing load balancer: set harbor-ha:exposure to public or both, or remove it");
            }
        }
        else if (clients.Count == 0)
        {
            read.Error(K("clientCidrs"), $"is required with exposure {(exposure == Exposure.Both ? "both" : "public")}: the internet-facing load balancer admits only these CIDRs (e.g. [203.0.113.0/24]; write 0.0.0.0/0 to open it to everyone, which infra check reports as an accepted exposure)");
        }

        if (admins.Count > 5)
        {
            read.Error(K("adminCidrs"), $"lists {admins.Count} CIDRs; at most 5 fit the load balancer's listener rule (an ALB condition matches five values): use the ranges of a VPN or bastion");
        }

        var rate = read.Integer(K("wafRateLimit"), value("wafRateLimit"), 100, 2_000_000_000) ?? StackConfig.DefaultWafRateLimit;
        var keyAdmins = Principals(read, K("keyAdminArns"), value("keyAdminArns"));
        CheckClusterAdmins(read, K("clusterAdminArns"), stage, regions, clusterAdmins);
        return new SecuritySettings
        {
            ClientCidrs = clients,
            AdminCidrs = admins,
            WafRateLimit = rate,
            KeyAdminArns = keyAdmins,
            DrObjectLock = ReadDrObjectLock(read, K("drObjectLock"), value("drObjectLock")),
            Audit = ReadAudit(read, K("audit"), value("audit"), stage),
        };
    }

    /// <summary>
    /// EKS no longer makes a cluster's creator admin, so outside dev every partition with regions needs
    /// a named admin (the deployer's role at least), or nobody could reach the new clusters.
    /// </summary>
    private static void CheckClusterAdmins(NodeReader read, string key, Stage stage, IReadOnlyList<RegionConfig>? regions, IReadOnlyList<string> admins)
    {
        if (stage == Stage.Dev || regions is null)
        {
            return;
        }

        foreach (var side in regions.Select(r => r.Side).Distinct().Order())
        {
            var partition = side == Side.China ? "aws-cn" : "aws";
            if (!admins.Any(a => a.StartsWith($"arn:{partition}:", StringComparison.Ordinal)))
            {
                read.Error(key, admins.Count == 0
                    ? "is required outside dev: clusters do not make their creator an admin, so name the role that runs pulumi up (and your platform admins), e.g. [arn:aws:iam::111122223333:role/harbor-deployer]"
                    : $"names no arn:{partition}: principal for the {(side == Side.China ? "China" : "overseas")} regions: each partition's clusters need an admin of their own partition");
            }
        }
    }

    private static IReadOnlyList<string> Cidrs(NodeReader read, string key, JsonNode? node, bool allowEverywhere)
    {
        var cidrs = read.Strings(key, node) ?? [];
        var valid = new List<string>();
        for (var i = 0; i < cidrs.Count; i++)
        {
            if (!Planning.Cidr.TryParse(cidrs[i], out var net))
            {
                read.Error($"{key}[{i}]", $"must be an IPv4 CIDR block such as 203.0.113.0/24 (got '{cidrs[i]}')");
            }
            else if (net.Cidr == 0 && !allowEverywhere)
            {
                read.Error($"{key}[{i}]", "must not open Harbor's UI and API to the whole internet (0.0.0.0/0): list your administrators' ranges");
            }
            else
            {
                valid.Add(cidrs[i]);
            }
        }

        return valid.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static IReadOnlyList<string> Principals(NodeReader read, string key, JsonNode? node)
    {
        var arns = read.Strings(key, node) ?? [];
        for (var i = 0; i < arns.Count; i++)
        {
            if (!PrincipalArn().IsMatch(arns[i]))
            {
                read.Error($"{key}[{i}]", $"must be an IAM role or user ARN such as arn:aws:iam::111122223333:role/key-admins (got '{arns[i]}')");
            }
        }

        return arns;
    }

    private static DrObjectLockConfig ReadDrObjectLock(NodeReader read, string key, JsonNode? node)
    {
        var lockConfig = new DrObjectLockConfig();
        var obj = read.Object(key, node);
        if (obj is null)
        {
            return lockConfig;
        }

        read.RejectUnknownFields(key, obj, DrObjectLockFields);
        var modes = new Dictionary<string, bool>(StringComparer.Ordinal) { ["governance"] = false, ["compliance"] = true };
        return lockConfig with
        {
            Compliance = read.Choice($"{key}.mode", obj["mode"], modes) ?? lockConfig.Compliance,
            Days = (int)(read.Integer($"{key}.days", obj["days"], 1, 36500) ?? lockConfig.Days),
        };
    }

    private static AuditConfig ReadAudit(NodeReader read, string key, JsonNode? node, Stage stage)
    {
        var audit = new AuditConfig { Enabled = stage == Stage.Prod };
        var obj = read.Object(key, node);
        if (obj is null)
        {
            return audit;
        }

        read.RejectUnknownFields(key, obj, AuditFields);
        var enabled = read.Boolean($"{key}.enabled", obj["enabled"]);
        var elsewhere = read.Boolean($"{key}.managedElsewhere", obj["managedElsewhere"]) ?? false;
        if (enabled == true && elsewhere)
        {
            read.Error(key, "enabled: true and managedElsewhere: true contradict each other: the stack either declares the trail and detectors or assumes them");
        }

        return audit with
        {
            Enabled = !elsewhere && (enabled ?? audit.Enabled),
            ManagedElsewhere = elsewhere,
            RetentionDays = (int)(read.Integer($"{key}.retentionDays", obj["retentionDays"], 1, 3650) ?? audit.RetentionDays),
        };
    }

    [GeneratedRegex("^arn:aws(-cn)?:iam::[0-9]{12}:(role|user)/[A-Za-z0-9+=,.@_/-]+$")]
    private static partial Regex PrincipalArn();
}
