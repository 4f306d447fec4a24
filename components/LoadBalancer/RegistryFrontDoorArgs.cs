using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Network;

namespace HarborHa.LoadBalancer;

/// <summary>Inputs of <see cref="RegistryFrontDoor"/>.</summary>
public sealed record RegistryFrontDoorArgs
{
    public required StackConfig Config { get; init; }

    public required RegionConfig Region { get; init; }

    public required Ref VpcId { get; init; }

    public required IReadOnlyList<Ref> PublicSubnetIds { get; init; }

    public required IReadOnlyList<Ref> PrivateSubnetIds { get; init; }

    public required SecurityGroup Nodes { get; init; }

    /// <summary>The stack's AWS providers; the public zone uses its partition's Route 53 home region from it.</summary>
    public required Common.AwsProviderRegistry AwsProviders { get; init; }

    /// <summary>The global tls provider (self-signed certificates).</summary>
    public required Ref TlsProvider { get; init; }

    /// <summary>The region's log bucket: ALB access logs go under its <c>alb/</c> prefix.</summary>
    public required Logging.LogBucket Logs { get; init; }
}
