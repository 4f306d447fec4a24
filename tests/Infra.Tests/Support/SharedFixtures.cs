namespace HarborHa.Tests.Support;

/// <summary>
/// Reference data shared between repositories (<c>shared/fixtures</c>): beside the repository in
/// CI (<c>&lt;repo&gt;/../shared</c>), possibly higher up in a worktree layout, so every ancestor of
/// the repository is tried, nearest first.
/// </summary>
public static class SharedFixtures
{
    public static string PathOf(string relative)
    {
        for (var dir = new DirectoryInfo(TestConfigs.RepoRoot()).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "fixtures", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/fixtures/{relative} not found beside or above {TestConfigs.RepoRoot()}");
    }

    /// <summary>The Harbor chart 1.19.1 values.yaml.</summary>
    public static string HarborValues => PathOf("harbor-helm/values-1.19.1.yaml");

    /// <summary>The Dragonfly chart 1.7.4 values.yaml.</summary>
    public static string DragonflyValues => PathOf("dragonfly-helm/values-1.7.4.yaml");
}
