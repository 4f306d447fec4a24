namespace HarborHa.Distribution;

/// <summary>Vulnerability severities, highest first, as Harbor's deployment security ranks them.</summary>
public enum Severity
{
    /// <summary>Harbor's <c>critical</c>.</summary>
    Critical,

    /// <summary>Harbor's <c>high</c>.</summary>
    High,

    /// <summary>Harbor's <c>medium</c>.</summary>
    Medium,

    /// <summary>Harbor's <c>low</c>.</summary>
    Low,
}
