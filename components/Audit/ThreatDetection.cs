using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Audit;

/// <summary>
/// Amazon GuardDuty in one region: the detector (CloudTrail management events, VPC flow logs and DNS
/// logs) with S3 protection (data events of the registry and DR buckets) and EKS audit log
/// monitoring. Both features exist in the China regions; Runtime Monitoring does not (AWS China
/// documentation, "Amazon GuardDuty") and is not turned on. One detector per account and region:
/// a second stack in the same account and region must say <c>managedElsewhere</c>.
/// </summary>
public sealed class ThreatDetection
{
    /// <summary>The detector features turned on (GuardDuty API feature names).</summary>
    public static readonly IReadOnlyList<string> Features = ["EKS_AUDIT_LOGS", "S3_DATA_EVENTS"];

    public ThreatDetection(PulumiProgram program, Ref provider, string region)
    {
        string Name(string role) => LogicalName.Of(region, "audit", role);
        var detector = program.Declare(Name("guardduty"), ResourceTypes.GuardDutyDetector, provider, new MapValue
        {
            ["enable"] = true,
            ["findingPublishingFrequency"] = "FIFTEEN_MINUTES",
            ["tags"] = ProgramExtensions.NameTag(Name("guardduty")),
        });
        DetectorId = detector.Id;
        foreach (var feature in Features)
        {
            program.Declare(Name($"guardduty-{feature.ToLowerInvariant().Replace('_', '-')}"), ResourceTypes.GuardDutyDetectorFeature, provider, new MapValue
            {
                ["detectorId"] = DetectorId,
                ["name"] = feature,
                ["status"] = "ENABLED",
            });
        }
    }

    public Ref DetectorId { get; }
}
