namespace HarborHa.Checks;

/// <summary>
/// Logical names start with the region code of the region a resource lives in
/// (<c>ap-southeast-1-db-instance</c>) or with <c>global-</c> (DESIGN.md, names). This reads the
/// region back from a name, given the regions the program deploys to (its AWS providers' regions),
/// so rules can compare it with the resource's provider.
/// </summary>
public static class ResourceRegion
{
    public const string GlobalPrefix = "global";

    /// <summary>The region of <paramref name="regions"/> the name starts with, <see cref="GlobalPrefix"/>, or null when it names neither.</summary>
    public static string? Of(string logicalName, IEnumerable<string> regions)
    {
        if (logicalName == GlobalPrefix || logicalName.StartsWith(GlobalPrefix + "-", StringComparison.Ordinal))
        {
            return GlobalPrefix;
        }

        // Longest match first: no code is a prefix of another today, but the rule should not depend on it.
        return regions
            .Where(r => logicalName == r || logicalName.StartsWith(r + "-", StringComparison.Ordinal))
            .OrderByDescending(r => r.Length)
            .FirstOrDefault();
    }
}
