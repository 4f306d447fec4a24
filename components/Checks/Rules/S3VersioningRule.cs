using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>Versioned buckets: S3 replication to the DR region requires it, and it undoes an accidental delete.</summary>
public sealed class S3VersioningRule : ICheckRule
{
    public string Id => "s3-versioning";

    public string Reason => "every bucket is versioned (replication to the DR region needs it; deletes can be undone)";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.Buckets), bucket =>
        {
            var versioned = Props.IsTrue(bucket.Property("versioning.enabled")) ||
                BucketSettings.Of(index, bucket, ResourceTypes.BucketVersioning, ResourceTypes.BucketVersioningV2)
                    .Any(v => Props.Text(v.Property("versioningConfiguration.status")) == "Enabled");
            return RuleHelpers.When(!versioned, "versioning is not Enabled");
        });
    }
}
