namespace HarborHa.Distribution;

/// <summary>
/// A Harbor project declared identically in every region. Harbor replicates artifacts only, never
/// projects, quotas, retention or immutability rules, so each region declares all of them from
/// the same spec.
/// </summary>
public sealed record HarborProjectSpec
{
    /// <summary>
    /// Project name: lowercase letters, digits and single dashes (it is part of logical names).
    /// Images live at <c>&lt;host&gt;/&lt;name&gt;/&lt;repository&gt;</c>. Required.
    /// </summary>
    public required string Name { get; init; }

    /// <summary>Who may pull without logging in. Default <see cref="ProjectVisibility.Private"/>.</summary>
    public ProjectVisibility Visibility { get; init; } = ProjectVisibility.Private;

    /// <summary>Storage quota per region in GB. Default null: unlimited (the registry bucket grows as needed).</summary>
    public long? StorageQuotaGb { get; init; }

    /// <summary>Scan every pushed artifact for vulnerabilities. Default true: findings exist before anyone pulls.</summary>
    public bool ScanOnPush { get; init; } = true;

    /// <summary>Generate an SBOM for every pushed artifact (Harbor 2.11+). Default false: Harbor's own default; it costs a scan per push.</summary>
    public bool SbomOnPush { get; init; }

    /// <summary>
    /// Refuse pulls of images with a vulnerability of this severity or higher. Default null: never
    /// refuse (turning it on can stop running workloads from restarting, so it is an explicit choice).
    /// </summary>
    public Severity? PreventVulnerable { get; init; }

    /// <summary>Refuse pulls of images without a cosign signature. Default false: it needs a signing pipeline first.</summary>
    public bool RequireCosign { get; init; }

    /// <summary>Whether the primary replicates the project to every other region. Default <see cref="ProjectReplication.EveryRegion"/>.</summary>
    public ProjectReplication Replication { get; init; } = ProjectReplication.EveryRegion;

    /// <summary>Which artifacts each region keeps. Default null: keep everything.</summary>
    public RetentionSpec? Retention { get; init; }

    /// <summary>
    /// Tag patterns (Harbor doublestar syntax, e.g. <c>v*</c>) that cannot be overwritten or deleted
    /// once pushed, in every region. Default none.
    /// </summary>
    public IReadOnlyList<string> ImmutableTags { get; init; } = [];
}
