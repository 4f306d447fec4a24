using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>awsguard cmk-backing-key-rotation-enabled: symmetric customer keys rotate their key material yearly.</summary>
public sealed class KmsKeyRotationRule : ICheckRule
{
    public string Id => "kms-key-rotation";

    public string Reason => "every symmetric KMS key has enableKeyRotation";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        // KMS rotates only symmetric encryption keys; asymmetric and HMAC keys cannot rotate.
        return RuleHelpers.Each(
            index.OfType(ResourceTypes.KmsKey).Where(k => (Props.Text(k.Property("customerMasterKeySpec")) ?? "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"),
            k => RuleHelpers.When(!Props.IsTrue(k.Property("enableKeyRotation")), "enableKeyRotation is not true"));
    }
}
