using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// HTTPS and TLS listeners name a TLS 1.2+ security policy. The API default
/// (ELBSecurityPolicy-2016-08) still accepts TLS 1.0 (DESIGN.md, Harbor facts; ELB docs, security policies).
/// </summary>
public sealed class TlsPolicyRule : ICheckRule
{
    /// <summary>Policy families whose minimum protocol is TLS 1.2 or 1.3 (ELB "Security policies for your Application Load Balancer").</summary>
    public static readonly IReadOnlyList<string> AllowedPrefixes =
    [
        "ELBSecurityPolicy-TLS13-1-2-", "ELBSecurityPolicy-TLS13-1-3-", "ELBSecurityPolicy-TLS-1-2-", "ELBSecurityPolicy-FS-1-2-",
    ];

    public string Id => "tls-policy";

    public string Reason => "HTTPS/TLS listeners set a TLS 1.2+ sslPolicy explicitly (the API default still allows TLS 1.0)";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(
            index.OfType(ResourceTypes.Listeners).Where(l => Props.Text(l.Property("protocol")) is "HTTPS" or "TLS"),
            listener =>
            {
                var policy = Props.Text(listener.Property("sslPolicy"));
                if (policy is null)
                {
                    return ["sslPolicy is not set, so the outdated API default applies"];
                }

                return RuleHelpers.When(!AllowedPrefixes.Any(p => policy.StartsWith(p, StringComparison.Ordinal)),
                    $"sslPolicy {policy} allows protocols older than TLS 1.2");
            });
    }
}
