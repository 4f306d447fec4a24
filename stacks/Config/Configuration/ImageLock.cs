using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HarborHa.Configuration;

/// <summary>
/// The project's image lock, <c>images.lock.json</c> beside <c>Pulumi.yaml</c>: every image the
/// program runs, as <c>repository:tag</c>, with the digest its registry served when
/// <c>infra images lock</c> last ran. The program pins the images it lists by digest. A missing file
/// is an empty lock (images run by tag, and <c>infra check</c> says so); a malformed one is an error.
/// </summary>
public static partial class ImageLock
{
    public const string FileName = "images.lock.json";

    /// <summary>The digests by reference, sorted; empty when the project has no lock.</summary>
    public static IReadOnlyDictionary<string, string> Load(string projectDirectory)
    {
        var path = Path.Combine(projectDirectory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : new SortedDictionary<string, string>(StringComparer.Ordinal);
    }

    public static IReadOnlyDictionary<string, string> Parse(string json)
    {
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: RawConfig.StrictJson);
        }
        catch (JsonException e)
        {
            throw new ConfigException([new ConfigError(FileName, $"is not valid JSON ({e.Message.Split('\n')[0]}); run infra images lock again")]);
        }

        if (root?["images"] is not JsonObject images)
        {
            throw new ConfigException([new ConfigError(FileName, "must be an object with an \"images\" map of repository:tag to sha256 digest")]);
        }

        var errors = new List<ConfigError>();
        foreach (var (reference, node) in images)
        {
            var digest = node is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
            if (digest is null || !Digest().IsMatch(digest))
            {
                errors.Add(new ConfigError($"{FileName}: {reference}", "must be a digest such as sha256:<64 hex digits>"));
                continue;
            }

            digests[reference] = digest;
        }

        return errors.Count > 0 ? throw new ConfigException(errors) : digests;
    }

    /// <summary>The lock file's text: sorted, one image a line, so a change is a reviewable diff.</summary>
    public static string Render(IReadOnlyDictionary<string, string> digests)
    {
        var images = new JsonObject();
        foreach (var (reference, digest) in digests.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            images[reference] = digest;
        }

        var root = new JsonObject
        {
            ["comment"] = "Written by infra images lock; the program pins these images by digest. Review changes like code.",
            ["images"] = images,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex Digest();
}
