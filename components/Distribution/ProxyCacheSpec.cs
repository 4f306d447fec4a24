namespace HarborHa.Distribution;

/// <summary>
/// A proxy-cache project in every region for an upstream registry:
/// <c>docker pull &lt;region&gt;.&lt;domain&gt;/&lt;name&gt;/library/nginx</c> fetches from the upstream once
/// and serves the cached copy afterwards.
/// </summary>
public sealed record ProxyCacheSpec
{
    /// <summary>Project name, the first path segment of pulls (rules as for <see cref="HarborProjectSpec.Name"/>). Required.</summary>
    public required string Name { get; init; }

    /// <summary>The upstream's kind, which selects Harbor's adapter. Required.</summary>
    public required UpstreamKind Upstream { get; init; }

    /// <summary>The upstream's URL, <c>https://</c> (the registry endpoint is declared with certificate checks on). Required.</summary>
    public required string Endpoint { get; init; }

    /// <summary>An upstream account. Default null: anonymous pulls.</summary>
    public UpstreamCredentials? Credentials { get; init; }

    /// <summary>What the upstream registry endpoint waits for (Harbor probes it when it is created). Default none.</summary>
    public IReadOnlyList<HarborHa.Model.Ref> DependsOn { get; init; } = [];
}
