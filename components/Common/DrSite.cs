using HarborHa.Model;

namespace HarborHa.Common;

/// <summary>
/// Where a region's disaster-recovery copies live: another region of the same partition (S3
/// replication and RDS backup replication never cross between aws and aws-cn), its provider, and
/// the customer-managed key that encrypts the copies there (a KMS key never leaves its region).
/// </summary>
/// <param name="Region">The DR region's code, e.g. <c>ap-southeast-2</c>.</param>
/// <param name="Provider">The DR region's AWS provider.</param>
/// <param name="KmsKeyArn">ARN of the key in the DR region that encrypts this region's copies.</param>
public sealed record DrSite(string Region, Ref Provider, Value KmsKeyArn);
