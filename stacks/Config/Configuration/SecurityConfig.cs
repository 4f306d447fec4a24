namespace HarborHa.Configuration;

/// <summary>
/// <c>harbor-ha:drObjectLock</c>: S3 Object Lock of every DR bucket (docs/disaster-recovery.md).
/// </summary>
public sealed record DrObjectLockConfig
{
    /// <summary><c>governance</c> (default: an administrator with the bypass permission can still delete) or <c>compliance</c> (nobody can).</summary>
    public bool Compliance { get; init; }

    /// <summary>Days each replicated version is locked. Default 30, the default noncurrent-version window.</summary>
    public int Days { get; init; } = 30;
}

/// <summary><c>harbor-ha:audit</c>: CloudTrail and GuardDuty for the stack's accounts (README, audit).</summary>
public sealed record AuditConfig
{
    /// <summary>Whether the stack declares a trail per partition and a detector per region. Default: in prod only.</summary>
    public bool Enabled { get; init; }

    /// <summary>The organization runs CloudTrail and GuardDuty for these accounts; the stack declares neither and says so.</summary>
    public bool ManagedElsewhere { get; init; }

    /// <summary>Days trail files are kept and locked. Default 365.</summary>
    public int RetentionDays { get; init; } = 365;
}

/// <summary>The security settings <see cref="SecurityConfigReader"/> reads; copied onto <see cref="StackConfig"/>.</summary>
public sealed record SecuritySettings
{
    public IReadOnlyList<string> ClientCidrs { get; init; } = [];

    public IReadOnlyList<string> AdminCidrs { get; init; } = [];

    public long WafRateLimit { get; init; } = StackConfig.DefaultWafRateLimit;

    public IReadOnlyList<string> KeyAdminArns { get; init; } = [];

    public DrObjectLockConfig DrObjectLock { get; init; } = new();

    public AuditConfig Audit { get; init; } = new();

    /// <summary>The settings on a parsed config.</summary>
    public StackConfig ApplyTo(StackConfig config) => config with
    {
        ClientCidrs = ClientCidrs,
        AdminCidrs = AdminCidrs,
        WafRateLimit = WafRateLimit,
        KeyAdminArns = KeyAdminArns,
        DrObjectLock = DrObjectLock,
        Audit = Audit,
    };
}
