namespace HarborHa.Model;

/// <summary>One resource of the program: a logical name, a type token, properties and options.</summary>
public sealed record Resource(string Name, string Type, MapValue Properties, ResourceOptions Options)
{
    /// <summary>The package of the type token (<c>aws</c>, <c>kubernetes</c>, ...); for providers, the provided package.</summary>
    public string Package => IsProvider ? Type[ProviderPrefix.Length..] : Type.Split(':')[0];

    public bool IsProvider => Type.StartsWith(ProviderPrefix, StringComparison.Ordinal);

    /// <summary>A reference to the resource itself (<c>${name}</c>), e.g. for a provider or dependsOn.</summary>
    public Ref Self => new(Name);

    /// <summary>The resource's id.</summary>
    public Ref Id => new(Name, "id");

    /// <summary>An output property of the resource.</summary>
    public Ref Out(string path) => new(Name, path);

    /// <summary>Trade-offs this resource makes on purpose; checks report them as accepted (never written to YAML).</summary>
    public IReadOnlyList<AcceptedRisk> AcceptedRisks { get; init; } = [];

    /// <summary>Whether this resource accepts the finding of the rule <paramref name="ruleId"/>, and why.</summary>
    public AcceptedRisk? Accepts(string ruleId) => AcceptedRisks.FirstOrDefault(a => a.RuleId == ruleId);

    public const string ProviderPrefix = "pulumi:providers:";
}
