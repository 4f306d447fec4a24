using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.LoadBalancer;

/// <summary>
/// The AWS WAF (v2, regional) web ACL of an internet-facing load balancer: a rate-based rule per
/// source address, then AWS's managed core rule set and known-bad-inputs rule group; everything
/// else is allowed (the listener and security group decide who may reach which path).
/// <para>
/// Rules that inspect the request body are counted, not enforced: image layer uploads are binary
/// bodies of up to gigabytes, and the core rule set's <c>SizeRestrictions_BODY</c> would block every
/// push larger than 8 KB while the pattern rules (cross-site scripting, file inclusion, Log4j)
/// misfire on binary content. Header, URI and query-string rules stay enforced.
/// </para>
/// </summary>
public sealed class RegistryWebAcl
{
    /// <summary>AWS managed rule groups and the body rules of each that are only counted.</summary>
    public static readonly IReadOnlyList<(string Group, IReadOnlyList<string> CountedBodyRules)> ManagedGroups =
    [
        ("AWSManagedRulesCommonRuleSet", ["SizeRestrictions_BODY", "EC2MetaDataSSRF_BODY", "GenericLFI_BODY", "GenericRFI_BODY", "CrossSiteScripting_BODY"]),
        ("AWSManagedRulesKnownBadInputsRuleSet", ["JavaDeserializationRCE_BODY", "Log4JRCE_BODY"]),
    ];

    public RegistryWebAcl(PulumiProgram program, Ref provider, string name, Value loadBalancerArn, long rateLimit)
    {
        var rules = new List<Value>
        {
            new MapValue
            {
                ["name"] = "rate-limit-per-source",
                ["priority"] = 0,
                ["action"] = new MapValue { ["block"] = new MapValue() },
                ["statement"] = new MapValue
                {
                    ["rateBasedStatement"] = new MapValue { ["limit"] = rateLimit, ["aggregateKeyType"] = "IP" },
                },
                ["visibilityConfig"] = Visibility($"{name}-rate-limit"),
            },
        };
        foreach (var (group, counted) in ManagedGroups)
        {
            rules.Add(new MapValue
            {
                ["name"] = group,
                ["priority"] = rules.Count,
                ["overrideAction"] = new MapValue { ["none"] = new MapValue() },
                ["statement"] = new MapValue
                {
                    ["managedRuleGroupStatement"] = new MapValue
                    {
                        ["vendorName"] = "AWS",
                        ["name"] = group,
                        ["ruleActionOverrides"] = new ListValue(counted.Select(rule => (Value)new MapValue
                        {
                            ["name"] = rule,
                            ["actionToUse"] = new MapValue { ["count"] = new MapValue() },
                        }).ToArray()),
                    },
                },
                ["visibilityConfig"] = Visibility($"{name}-{group}"),
            });
        }

        var acl = program.Declare(name, ResourceTypes.WafWebAcl, provider, new MapValue
        {
            ["description"] = "harbor-ha web ACL (rate limit, AWS core rule set, known bad inputs)",
            ["scope"] = "REGIONAL",
            ["defaultAction"] = new MapValue { ["allow"] = new MapValue() },
            ["rules"] = new ListValue(rules.ToArray()),
            ["visibilityConfig"] = Visibility(name),
            ["tags"] = ProgramExtensions.NameTag(name),
        });
        Arn = acl.Out("arn");
        program.Declare($"{name}-association", ResourceTypes.WafWebAclAssociation, provider, new MapValue
        {
            ["resourceArn"] = loadBalancerArn,
            ["webAclArn"] = Arn,
        });
    }

    /// <summary>The web ACL's ARN.</summary>
    public Ref Arn { get; }

    private static MapValue Visibility(string metric) => new()
    {
        ["cloudwatchMetricsEnabled"] = true,
        ["metricName"] = metric,
        ["sampledRequestsEnabled"] = true,
    };
}
