namespace HarborHa.Model;

/// <summary>Pulumi resource options, as Pulumi YAML spells them under <c>options:</c>.</summary>
public sealed record ResourceOptions
{
    /// <summary>The explicit provider resource; required for every aws/kubernetes resource.</summary>
    public Ref? Provider { get; init; }

    public Ref? Parent { get; init; }

    public IReadOnlyList<Ref> DependsOn { get; init; } = [];

    /// <summary>Refuse deletion; set on stateful resources outside dev.</summary>
    public bool Protect { get; init; }

    public IReadOnlyList<string> IgnoreChanges { get; init; } = [];

    public bool DeleteBeforeReplace { get; init; }

    public bool RetainOnDelete { get; init; }

    public IReadOnlyList<string> AdditionalSecretOutputs { get; init; } = [];

    public CustomTimeouts? CustomTimeouts { get; init; }

    public IReadOnlyList<string> ReplaceOnChanges { get; init; } = [];

    /// <summary>Plugin version; set on every explicit provider so what was checked is what deploys.</summary>
    public string? Version { get; init; }

    public string? PluginDownloadUrl { get; init; }
}

/// <summary>Create/update/delete timeouts, as Go duration strings (e.g. <c>60m</c>).</summary>
public sealed record CustomTimeouts(string? Create = null, string? Update = null, string? Delete = null);
