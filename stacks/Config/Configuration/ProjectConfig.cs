namespace HarborHa.Configuration;

/// <summary>
/// One entry of <c>harbor-ha:projects</c>: a Harbor project declared identically in every region.
/// Harbor replicates artifacts only, never projects, robots, quotas, retention or immutability
/// rules, so the program declares each of them in every region from this one list.
/// </summary>
public sealed record ProjectConfig
{
    /// <summary>
    /// Project name: lowercase letters, digits and single dashes (a subset of Harbor's rule, so the
    /// name can be part of logical names). Images live at <c>&lt;host&gt;/&lt;name&gt;/&lt;repository&gt;</c>.
    /// </summary>
    public required string Name { get; init; }

    /// <summary><c>public</c>: anonymous pulls allowed. Default false: pulls need the pull robot or a user.</summary>
    public bool Public { get; init; }

    /// <summary><c>storageQuotaGb</c>: storage quota per region in GB. Default null: unlimited.</summary>
    public long? StorageQuotaGb { get; init; }

    /// <summary><c>scanOnPush</c>: scan every pushed artifact for vulnerabilities. Default true.</summary>
    public bool ScanOnPush { get; init; } = true;

    /// <summary><c>sbomOnPush</c>: generate an SBOM for every pushed artifact (Harbor 2.11+). Default false.</summary>
    public bool SbomOnPush { get; init; }

    /// <summary>
    /// <c>preventVulnerable</c>: refuse pulls of images with a vulnerability of this severity or
    /// higher (<c>critical</c>, <c>high</c>, <c>medium</c>, <c>low</c>). Default null: never refuse.
    /// </summary>
    public VulnerabilitySeverity? PreventVulnerable { get; init; }

    /// <summary><c>requireCosign</c>: refuse pulls of images without a cosign signature. Default false.</summary>
    public bool RequireCosign { get; init; }

    /// <summary>
    /// <c>replicate</c>: whether the primary replicates this project to every other region.
    /// Default true; set false for a project that only the primary region serves.
    /// </summary>
    public bool Replicate { get; init; } = true;

    /// <summary><c>retention</c>: which artifacts each region keeps. Default null: keep everything.</summary>
    public RetentionConfig? Retention { get; init; }

    /// <summary>
    /// <c>immutableTags</c>: tag patterns (Harbor doublestar syntax, e.g. <c>v*</c>) that cannot be
    /// overwritten or deleted once pushed, in every region. Default none.
    /// </summary>
    public IReadOnlyList<string> ImmutableTags { get; init; } = [];

    /// <summary>The default list: one private project, <c>apps</c>, with the defaults above.</summary>
    public static IReadOnlyList<ProjectConfig> Defaults { get; } = [new ProjectConfig { Name = "apps" }];
}

/// <summary>Vulnerability severities, highest first, as Harbor's deployment security ranks them.</summary>
public enum VulnerabilitySeverity
{
    Critical,
    High,
    Medium,
    Low,
}
