namespace HarborHa.Model;

/// <summary>
/// The program graph that components declare into: resources, config declarations, variables and
/// stack outputs. It is a plain in-memory builder; <see cref="ProgramValidator"/> checks it and
/// <see cref="YamlWriter"/> prints it.
/// </summary>
public sealed class PulumiProgram
{
    private readonly SortedDictionary<string, Resource> _resources = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, ConfigDeclaration> _config = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Value> _variables = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Value> _outputs = new(StringComparer.Ordinal);

    public PulumiProgram(string name, string? description = null)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; }

    public IReadOnlyCollection<Resource> Resources => _resources.Values;

    public IReadOnlyCollection<ConfigDeclaration> Config => _config.Values;

    public IReadOnlyDictionary<string, Value> Variables => _variables;

    public IReadOnlyDictionary<string, Value> Outputs => _outputs;

    /// <summary>Adds a resource and returns it; a second resource of the same name is a bug.</summary>
    public Resource Add(Resource resource)
    {
        if (!LogicalName.IsValid(resource.Name))
        {
            throw new ProgramException($"resource name '{resource.Name}' is not a valid logical name ({LogicalName.Rule})");
        }

        if (!_resources.TryAdd(resource.Name, resource))
        {
            throw new ProgramException($"resource '{resource.Name}' is declared twice");
        }

        return resource;
    }

    /// <summary>Declares a resource from its parts.</summary>
    public Resource Add(string name, string type, MapValue properties, ResourceOptions? options = null) =>
        Add(new Resource(name, type, properties, options ?? new ResourceOptions()));

    public bool Contains(string name) => _resources.ContainsKey(name);

    public Resource Get(string name) =>
        _resources.TryGetValue(name, out var resource)
            ? resource
            : throw new ProgramException($"resource '{name}' is not declared");

    /// <summary>Replaces a declared resource, e.g. to add a rule that a later component needs.</summary>
    public void Replace(Resource resource)
    {
        if (!_resources.ContainsKey(resource.Name))
        {
            throw new ProgramException($"resource '{resource.Name}' is not declared");
        }

        _resources[resource.Name] = resource;
    }

    /// <summary>Records on a declared resource that it makes the trade-off <paramref name="ruleId"/> on purpose.</summary>
    public Resource Accept(string name, string ruleId, string reason)
    {
        var resource = Get(name);
        var accepted = resource with { AcceptedRisks = [.. resource.AcceptedRisks, new AcceptedRisk(ruleId, reason)] };
        _resources[name] = accepted;
        return accepted;
    }

    /// <summary>Declares a config entry (idempotent for identical declarations) and returns a reference to it.</summary>
    public Ref DeclareConfig(ConfigDeclaration declaration)
    {
        if (_config.TryGetValue(declaration.Name, out var existing) && existing != declaration)
        {
            throw new ProgramException($"config '{declaration.Name}' is declared twice with different settings");
        }

        _config[declaration.Name] = declaration;
        return new Ref(declaration.Name);
    }

    /// <summary>Declares a variable and returns a reference to it.</summary>
    public Ref AddVariable(string name, Value value)
    {
        if (!_variables.TryAdd(name, value))
        {
            throw new ProgramException($"variable '{name}' is declared twice");
        }

        return new Ref(name);
    }

    public void AddOutput(string name, Value value)
    {
        if (!_outputs.TryAdd(name, value))
        {
            throw new ProgramException($"output '{name}' is declared twice");
        }
    }
}
