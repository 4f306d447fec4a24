namespace HarborHa.Cache;

/// <summary>Fixed choices of Harbor's Redis, as pure values the component and tests share.</summary>
public static class CachePlan
{
    /// <summary>
    /// ElastiCache engine. Harbor 2.15.1 (chart 1.19.1, the pinned release) ships and tests Redis
    /// (goharbor/redis-photon); Valkey replaces it only from Harbor 2.15.2 (goharbor/harbor#22935).
    /// Valkey speaks the same protocol and ElastiCache upgrades Redis OSS to Valkey in place, so the
    /// switch is a later, non-destructive change (docs/sizing.md).
    /// </summary>
    public const string Engine = "redis";

    /// <summary>Redis OSS 7.1: changes to in-transit encryption no longer force a replacement from 7.0.5 on.</summary>
    public const string EngineVersion = "7.1";

    /// <summary>
    /// The default parameter group of the engine's family, which has cluster mode disabled: Harbor
    /// uses several database numbers (core 0, jobservice 1, registry 2, trivy 5), which a
    /// cluster-mode Redis does not offer.
    /// </summary>
    public const string ParameterGroup = "default.redis7";

    /// <summary>Redis's port; the security group opens only this one.</summary>
    public const int Port = 6379;

    /// <summary>
    /// Length of the auth token. ElastiCache accepts 16 to 128 printable characters without '@', '"'
    /// or '/' (ElastiCache user guide, AUTH); letters and digits only, long enough to need no symbols.
    /// </summary>
    public const int AuthTokenLength = 64;
}
