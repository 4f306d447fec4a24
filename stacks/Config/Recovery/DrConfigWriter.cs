using System.Globalization;
using System.Text;
using System.Text.Json;
using HarborHa.Configuration;

namespace HarborHa.Recovery;

/// <summary>
/// Writes a planned stack config in stack-file form (<c>config:</c>), the stack's other keys as they
/// were. Secure values are never known here (nor printed): they are left as a comment, to be kept
/// from the stack file.
/// </summary>
public static class DrConfigWriter
{
    private const string RegionsKey = StackConfig.Namespace + ":regions";

    public static string Write(RawConfig raw, IReadOnlyList<RegionConfig> regions, string header)
    {
        var text = new StringBuilder();
        foreach (var line in header.Split('\n'))
        {
            text.Append("# ").Append(line).Append('\n');
        }

        text.Append("config:\n");
        foreach (var (key, value) in raw.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (key == RegionsKey)
            {
                continue;
            }

            if (value.IsSecure)
            {
                text.Append(CultureInfo.InvariantCulture, $"  # {key}: keep its secure value from the stack file\n");
                continue;
            }

            text.Append(CultureInfo.InvariantCulture, $"  {key}: {(value.Node is null ? "null" : value.Node.ToJsonString())}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"  {RegionsKey}:\n");
        foreach (var r in regions)
        {
            text.Append(CultureInfo.InvariantCulture, $"    - name: {r.Name}\n      slot: {r.Slot}\n");
            Line(text, "lost", r.IsLost ? "true" : null);
            Line(text, "role", r.IsPrimary ? "primary" : null);
            Line(text, "hub", r.IsHub ? "true" : null);
            Line(text, "azCount", r.AzCount.ToString(CultureInfo.InvariantCulture));
            // A live region without copies says so: left out, ha and geo would default to its partner.
            Line(text, "drRegion", r.DrRegion ?? (r.IsLost ? null : "none"));
            if (r.Restore is { } restore)
            {
                text.Append("      restore:\n");
                Line(text, "  databaseSnapshot", Quote(restore.DatabaseSnapshot));
                Line(text, "  databaseBackupArn", Quote(restore.DatabaseBackupArn));
                Line(text, "  databaseRestoreTime", Quote(restore.DatabaseRestoreTime));
                Line(text, "  storage", restore.StorageReplicaOf is { } of ? $"{{ replicaOf: {of} }}" : restore.Storage switch
                {
                    StorageRestore.UseDr => "use-dr",
                    StorageRestore.CopyFromDr => "copy-from-dr",
                    _ => null,
                });
            }
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string key, string? value)
    {
        if (value is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"      {key}: {value}\n");
        }
    }

    private static string? Quote(string? value) => value is null ? null : JsonSerializer.Serialize(value);
}
