using HarborHa.Model;

namespace HarborHa.Registry;

/// <summary>The RDS instance behind Harbor, for the snapshot taken before each chart version.</summary>
/// <param name="AwsProvider">The AWS provider of the instance's region.</param>
/// <param name="InstanceIdentifier">The instance identifier.</param>
public sealed record SnapshotSource(Ref AwsProvider, Value InstanceIdentifier);
