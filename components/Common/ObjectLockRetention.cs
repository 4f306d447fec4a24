namespace HarborHa.Common;

/// <summary>S3 Object Lock retention modes (S3 User Guide, "Object Lock retention modes").</summary>
public enum ObjectLockMode
{
    /// <summary>
    /// A locked object version cannot be overwritten or deleted before its retention ends, except by a
    /// principal allowed <c>s3:BypassGovernanceRetention</c> that asks for the bypass explicitly: an
    /// administrator can still recover from a mistake, a leaked application key cannot erase anything.
    /// </summary>
    Governance,

    /// <summary>Nobody, not even the account root, can delete a locked version before its retention ends.</summary>
    Compliance,
}

/// <summary>
/// The default retention S3 Object Lock gives every new object version of a bucket. Retention counts
/// from when a version was written; a delete without a version id still adds a delete marker, but no
/// locked version can be removed before its days have passed.
/// </summary>
/// <param name="Mode">Governance or compliance.</param>
/// <param name="Days">Days each new version is locked.</param>
public sealed record ObjectLockRetention(ObjectLockMode Mode, int Days)
{
    /// <summary>The mode as the S3 API spells it.</summary>
    public string ApiMode => Mode == ObjectLockMode.Compliance ? "COMPLIANCE" : "GOVERNANCE";
}
