using System.Text.RegularExpressions;

namespace HarborHa.Model;

/// <summary>
/// Logical names are a contract: Pulumi identifies a resource by type and name, so a rename is a
/// replacement. Names are lowercase words joined by dashes, built from the region code and role.
/// </summary>
public static partial class LogicalName
{
    public const string Rule = "lowercase letters, digits and dashes, starting with a letter or digit";

    public static bool IsValid(string name) => Pattern().IsMatch(name);

    /// <summary>Joins name parts with dashes: <c>Of("ap-southeast-1", "network", "vpc")</c>.</summary>
    public static string Of(params string[] parts) => string.Join('-', parts.Where(p => p.Length > 0));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex Pattern();
}
