namespace HarborHa.Configuration;

/// <summary>One problem in a stack's config, naming the key (with a path inside structured values).</summary>
public sealed record ConfigError(string Key, string Message)
{
    public override string ToString() => $"{Key}: {Message}";
}

/// <summary>Config that cannot be used; carries every problem found, not just the first.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(IReadOnlyList<ConfigError> errors)
        : base(string.Join("\n", errors.Select(e => e.ToString())))
    {
        Errors = errors;
    }

    public ConfigException() : this([]) { }

    public ConfigException(string message) : this([new ConfigError("config", message)]) { }

    public ConfigException(string message, Exception inner) : base(message, inner)
    {
        Errors = [new ConfigError("config", message)];
    }

    public IReadOnlyList<ConfigError> Errors { get; } = [];
}
