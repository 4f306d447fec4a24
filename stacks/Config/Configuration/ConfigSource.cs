namespace HarborHa.Configuration;

/// <summary>
/// Where a run's config comes from. Under Pulumi, <c>PULUMI_CONFIG</c> carries the stack's config;
/// offline, <c>--stack NAME</c> reads <c>Pulumi.NAME.yaml</c> from the project folder. With neither,
/// there is no stack (Pulumi's plugin discovery run).
/// </summary>
public static class ConfigSource
{
    /// <summary>Returns the raw config, or null when the run has no stack at all.</summary>
    public static RawConfig? Load(string? stack, IReadOnlyDictionary<string, string?> environment, string projectDirectory)
    {
        var json = environment.GetValueOrDefault(RawConfig.EnvironmentVariable);
        if (!string.IsNullOrEmpty(json))
        {
            return RawConfig.FromEnvironmentJson(json, environment.GetValueOrDefault("PULUMI_CONFIG_SECRET_KEYS"));
        }

        stack ??= environment.GetValueOrDefault("PULUMI_STACK");
        if (string.IsNullOrEmpty(stack))
        {
            return null;
        }

        if (stack.Contains('/', StringComparison.Ordinal))
        {
            stack = stack[(stack.LastIndexOf('/') + 1)..]; // org/project/stack → stack
        }

        return RawConfig.FromStackFile(Path.Combine(projectDirectory, $"Pulumi.{stack}.yaml"));
    }

    /// <summary>The process environment as a dictionary (tests pass their own).</summary>
    public static IReadOnlyDictionary<string, string?> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
}
