using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Logging;

/// <summary>
/// One <see cref="LogBucket"/> per AWS region the stack writes to, created on first use: a
/// stack region's load balancers and buckets, and a DR-only region's replica bucket, all log to
/// the bucket of their own region (S3 and ALB logs cannot cross regions).
/// </summary>
public sealed class LogBuckets
{
    private readonly PulumiProgram _program;
    private readonly AwsProviderRegistry _providers;
    private readonly Protection _protection;
    private readonly Dictionary<string, LogBucket> _buckets = new(StringComparer.Ordinal);

    /// <param name="program">Program to declare into.</param>
    /// <param name="providers">The stack's AWS providers.</param>
    /// <param name="protection">Default protected: log buckets refuse deletion and emptying.</param>
    /// <param name="retentionDays">Days logs are kept. Default 90: long enough for an incident review.</param>
    public LogBuckets(PulumiProgram program, AwsProviderRegistry providers, Protection protection = Protection.Protected, int retentionDays = 90)
    {
        _program = program;
        _providers = providers;
        _protection = protection;
        RetentionDays = retentionDays;
    }

    public int RetentionDays { get; }

    /// <summary>The log bucket of an AWS region.</summary>
    public LogBucket For(string region)
    {
        if (!_buckets.TryGetValue(region, out var bucket))
        {
            bucket = new LogBucket(_program, _providers.For(region), region, RetentionDays, _protection);
            _buckets[region] = bucket;
        }

        return bucket;
    }
}
