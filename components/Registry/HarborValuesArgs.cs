using HarborHa.Model;

namespace HarborHa.Registry;

/// <summary>Inputs of <see cref="HarborValues.Build"/>: nothing secret, only names and endpoints.</summary>
public sealed record HarborValuesArgs
{
    /// <summary>The URL clients use: <c>https://&lt;region&gt;.&lt;domain&gt;</c>.</summary>
    public required string ExternalUrl { get; init; }

    /// <summary>Replicas of each Harbor component. Single-site 1, ha and geo at least 2.</summary>
    public required int Replicas { get; init; }

    /// <summary>
    /// Whether pods must be spread over zones (ha, geo): a replica that cannot be placed in an
    /// empty zone waits rather than doubling up. Single-site only prefers spreading.
    /// </summary>
    public required bool RequireZoneSpread { get; init; }

    public required HarborSecretNames Secrets { get; init; }

    public required Value DatabaseHost { get; init; }

    public required Value DatabasePort { get; init; }

    public required Value DatabaseName { get; init; }

    public required Value DatabaseUsername { get; init; }

    /// <summary><c>host:port</c> of the Redis primary endpoint.</summary>
    public required Value RedisAddress { get; init; }

    public required Value BucketName { get; init; }

    public required Value BucketRegion { get; init; }
}
