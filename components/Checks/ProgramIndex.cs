using HarborHa.Model;

namespace HarborHa.Checks;

/// <summary>
/// Lookups over one program that several rules share: resources by name and type, what a value
/// references, who references a resource, which region a resource is deployed to (from its
/// provider), and where subnets (and so everything placed in them) are.
/// </summary>
public sealed class ProgramIndex
{
    private readonly Dictionary<string, Resource> _byName;
    private readonly ILookup<string, Resource> _byType;
    private readonly ILookup<string, Resource> _referrers;

    public ProgramIndex(PulumiProgram program)
    {
        Program = program;
        _byName = program.Resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
        _byType = program.Resources.ToLookup(r => r.Type, StringComparer.Ordinal);
        _referrers = program.Resources
            .SelectMany(r => ValueWalker.Refs(r.Properties).Select(x => (Target: x.Target, Source: r)))
            .DistinctBy(x => (x.Target, x.Source.Name))
            .ToLookup(x => x.Target, x => x.Source, StringComparer.Ordinal);
        Regions = OfType(ResourceTypes.AwsProvider)
            .Select(p => Props.Text(p.Property("region")))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    public PulumiProgram Program { get; }

    public Resource? Get(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The regions the program deploys to: the literal <c>region</c> of each of its AWS providers.</summary>
    public IReadOnlySet<string> Regions { get; }

    /// <summary>The region a logical name starts with (one of <see cref="Regions"/>), <c>global</c>, or null.</summary>
    public string? NamedRegion(string logicalName) => ResourceRegion.Of(logicalName, Regions);

    /// <summary>The explicit provider resource of a resource, or null.</summary>
    public Resource? ProviderOf(Resource resource) =>
        resource.Options.Provider is { } provider && Get(provider.Target) is { IsProvider: true } p ? p : null;

    /// <summary>
    /// The region a provider serves: an AWS provider's literal <c>region</c>; a Kubernetes provider
    /// talks to one region's cluster, the region its name starts with.
    /// </summary>
    public string? RegionOfProvider(Resource provider) =>
        provider.Type == ResourceTypes.AwsProvider ? Props.Text(provider.Property("region")) : NamedRegion(provider.Name) is { } r && r != ResourceRegion.GlobalPrefix ? r : null;

    /// <summary>
    /// The region a resource is deployed to: its own literal <c>region</c> argument (aws 7), else its
    /// provider's region; null for resources outside any region (random, tls) or without a provider.
    /// </summary>
    public string? RegionOf(Resource resource)
    {
        if (resource.IsProvider)
        {
            return RegionOfProvider(resource);
        }

        if (resource.Package == "aws" && Props.Text(resource.Property("region")) is { } own)
        {
            return own;
        }

        return ProviderOf(resource) is { } provider ? RegionOfProvider(provider) : null;
    }

    /// <summary>Resources of any of the given types, in name order.</summary>
    public IEnumerable<Resource> OfType(params string[] types) => OfType((IEnumerable<string>)types);

    public IEnumerable<Resource> OfType(IEnumerable<string> types) =>
        types.SelectMany(t => _byType[t]).OrderBy(r => r.Name, StringComparer.Ordinal);

    /// <summary>The resource a value refers to, when the value is a plain reference.</summary>
    public Resource? Target(Value? value) => value is Ref r ? Get(r.Target) : null;

    /// <summary>Every resource referenced anywhere inside a value.</summary>
    public IEnumerable<Resource> Targets(Value? value) =>
        value is null ? [] : ValueWalker.Refs(value).Select(r => Get(r.Target)).OfType<Resource>().DistinctBy(r => r.Name);

    /// <summary>Resources whose properties reference <paramref name="name"/>.</summary>
    public IEnumerable<Resource> Referrers(string name) => _referrers[name];

    /// <summary>Resources of a type whose property at <paramref name="path"/> references <paramref name="name"/>.</summary>
    public IEnumerable<Resource> Referrers(string name, IEnumerable<string> types, string path)
    {
        var typeSet = types.ToHashSet(StringComparer.Ordinal);
        return Referrers(name).Where(r => typeSet.Contains(r.Type) &&
            r.Property(path) is { } v && ValueWalker.Refs(v).Any(x => x.Target == name));
    }

    /// <summary>The availability zone of a subnet, when it is a literal.</summary>
    public static string? ZoneOf(Resource subnet) => Props.Text(subnet.Property("availabilityZone"));

    /// <summary>The subnets a value references (a list of subnet ids, or one id).</summary>
    public IReadOnlyList<Resource> Subnets(Value? value) =>
        Targets(value).Where(r => r.Type == ResourceTypes.Subnet).ToArray();

    /// <summary>The zone of the subnet a resource sits in (<c>subnetId</c>), following ENIs and instances.</summary>
    public string? ZoneOfPlacement(Resource resource)
    {
        if (resource.Type == ResourceTypes.Subnet)
        {
            return ZoneOf(resource);
        }

        var subnets = Subnets(resource.Property("subnetId"));
        if (subnets.Count > 0)
        {
            return ZoneOf(subnets[0]);
        }

        return Props.Text(resource.Property("availabilityZone"));
    }

    /// <summary>The zones of the subnets associated with a route table.</summary>
    public IReadOnlyList<string> ZonesOfRouteTable(string routeTableName) =>
        Referrers(routeTableName, [ResourceTypes.RouteTableAssociation], "routeTableId")
            .SelectMany(a => Subnets(a.Property("subnetId")))
            .Select(ZoneOf)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The subnets associated with a route table.</summary>
    public IEnumerable<Resource> SubnetsOfRouteTable(string routeTableName) =>
        Referrers(routeTableName, [ResourceTypes.RouteTableAssociation], "routeTableId")
            .SelectMany(a => Subnets(a.Property("subnetId")));

    /// <summary>Security groups a resource is placed in, across the property names AWS resources use.</summary>
    public IReadOnlyList<Resource> SecurityGroupsOf(Resource resource)
    {
        string[] paths = ["securityGroups", "vpcSecurityGroupIds", "securityGroupIds", "vpcConfig.securityGroupIds"];
        var groups = paths.SelectMany(p => Targets(resource.Property(p)));
        var fromInterfaces = Props.Items(resource.Property("networkInterfaces"))
            .SelectMany(i => Targets(Props.At(i, "securityGroups")));
        return groups.Concat(fromInterfaces)
            .Where(g => g.Type == ResourceTypes.SecurityGroup)
            .DistinctBy(g => g.Name)
            .ToArray();
    }

    /// <summary>Resources placed in a security group (the reverse of <see cref="SecurityGroupsOf"/>).</summary>
    public IEnumerable<Resource> MembersOf(string securityGroupName) =>
        Referrers(securityGroupName).Where(r => SecurityGroupsOf(r).Any(g => g.Name == securityGroupName));
}
