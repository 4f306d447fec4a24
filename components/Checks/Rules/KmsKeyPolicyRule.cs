using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// Every <c>aws:kms/key:Key</c> sets an explicit <c>policy</c>; KMS's default policy gives the account
/// root <c>kms:*</c>, so any IAM principal allowed <c>kms:Decrypt</c> on <c>*</c> could read what the key
/// protects. A policy the program states as a document must not allow <c>kms:*</c>, nor cryptographic
/// use (<c>kms:Decrypt</c>, <c>kms:Encrypt</c>, <c>kms:GenerateDataKey*</c>, <c>kms:ReEncrypt*</c>) to
/// the whole account without a <c>kms:ViaService</c> condition.
/// </summary>
public sealed class KmsKeyPolicyRule : ICheckRule
{
    public string Id => "kms-key-policy";

    public string Reason => "every KMS key has an explicit policy: named administrators, use only through its owning services";

    private static readonly string[] UseActions = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:*"];

    public IEnumerable<Finding> Evaluate(PulumiProgram program) =>
        RuleHelpers.Each(program.Resources.Where(r => r.Type == ResourceTypes.KmsKey).OrderBy(r => r.Name, StringComparer.Ordinal), Problems);

    private static IEnumerable<string> Problems(Resource key)
    {
        var policy = key.Property("policy");
        if (!Props.IsSet(policy))
        {
            yield return "has no policy: KMS's default policy lets any principal with an IAM kms:Decrypt permission use it directly";
            yield break;
        }

        if (policy is not ToJson { Inner: MapValue document })
        {
            yield break;
        }

        foreach (var statement in Props.Items(Props.At(document, "Statement")).OfType<MapValue>().Where(s => Props.Text(Props.At(s, "Effect")) == "Allow"))
        {
            var actions = Props.Texts(Props.At(statement, "Action"));
            var sid = Props.Text(Props.At(statement, "Sid")) ?? "a statement";
            if (actions.Contains("kms:*"))
            {
                yield return $"{sid} allows kms:*";
            }
            else if (actions.Any(a => UseActions.Contains(a)) && Props.At(statement, "Condition.StringEquals.kms:ViaService") is null && IsAccountWide(statement))
            {
                yield return $"{sid} allows cryptographic use to the whole account without kms:ViaService";
            }
        }
    }

    /// <summary>The account root (literal or joined with the account id) or <c>*</c> as principal.</summary>
    private static bool IsAccountWide(MapValue statement)
    {
        var principal = Props.At(statement, "Principal");
        var aws = principal is MapValue m && m.TryGet("AWS", out var a) ? a : principal;
        return Props.Items(aws).Any(p => p switch
        {
            Text t => t.Value == "*" || t.Value.EndsWith(":root", StringComparison.Ordinal),
            Join j => Props.Items(j.Items).OfType<Text>().Any(t => t.Value.EndsWith(":root", StringComparison.Ordinal)),
            _ => false,
        });
    }
}
