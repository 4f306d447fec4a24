using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>Buckets refuse plain HTTP: a policy statement denies requests where aws:SecureTransport is false.</summary>
public sealed class S3TlsOnlyRule : ICheckRule
{
    public string Id => "s3-tls-only";

    public string Reason => "every bucket policy denies requests without TLS (Deny when aws:SecureTransport is false)";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.Buckets), bucket =>
        {
            var policies = BucketSettings.Of(index, bucket, ResourceTypes.BucketPolicy).Select(p => p.Property("policy"))
                .Append(bucket.Property("policy"));
            var denies = policies.SelectMany(BucketSettings.Statements).Any(DeniesPlainHttp);
            return RuleHelpers.When(!denies, "no bucket policy statement denies requests where aws:SecureTransport is false");
        });
    }

    /// <summary>Effect Deny for every principal, on the condition <c>Bool: { aws:SecureTransport: false }</c>.</summary>
    public static bool DeniesPlainHttp(MapValue statement)
    {
        if (Props.Text(Props.At(statement, "Effect")) != "Deny")
        {
            return false;
        }

        var principal = Props.At(statement, "Principal");
        var everyone = Props.Text(principal) == "*" || Props.Texts(Props.At(principal, "AWS")).Contains("*");
        if (!everyone)
        {
            return false;
        }

        // The condition key contains a colon, so it is read from the map directly rather than by dotted path.
        if (Props.At(statement, "Condition.Bool") is not MapValue condition || !condition.TryGet("aws:SecureTransport", out var value))
        {
            return false;
        }

        return Props.Items(value).Any(v => Props.Bool(v) == false);
    }
}
