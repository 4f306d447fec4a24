using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>awsguard s3-bucket-logging-enabled: server access logs on every bucket except the log buckets themselves.</summary>
public sealed class S3AccessLoggingRule : ICheckRule
{
    public string Id => "s3-access-logging";

    public string Reason => "every bucket that is not itself a log bucket writes S3 server access logs";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        var logTargets = BucketSettings.LogTargets(index);
        return RuleHelpers.Each(index.OfType(ResourceTypes.Buckets).Where(b => !logTargets.Contains(b.Name)), bucket =>
        {
            var logged = Props.IsSet(bucket.Property("logging.targetBucket")) ||
                BucketSettings.Of(index, bucket, ResourceTypes.BucketLogging, ResourceTypes.BucketLoggingV2)
                    .Any(l => Props.IsSet(l.Property("targetBucket")));
            return RuleHelpers.When(!logged, "has no server access logging (aws:s3/bucketLogging)");
        });
    }
}
