using HarborHa.Model;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Network;

/// <summary>Reading resources, references and routes out of a synthesized program.</summary>
internal static class NetworkTestHelpers
{
    public static Resource Get(this PulumiProgram program, string name, string type)
    {
        Assert.True(program.Contains(name), $"resource '{name}' is missing");
        var r = program.Get(name);
        Assert.Equal(type, r.Type);
        return r;
    }

    /// <summary>The property as a reference (e.g. <c>${x.id}</c>), or a failed assertion.</summary>
    public static Ref RefOf(this Resource resource, string property) =>
        Assert.IsType<Ref>(resource.Properties[property]);

    public static long NumberOf(this Resource resource, string property) =>
        Assert.IsType<Number>(resource.Properties[property]).Value;

    public static bool FlagOf(this Resource resource, string property) =>
        Assert.IsType<Flag>(resource.Properties[property]).Value;

    public static MapValue MapOf(this Resource resource, string property) =>
        Assert.IsType<MapValue>(resource.Properties[property]);

    public static string? TextIn(this MapValue map, string key) => map.TryGet(key, out var v) && v is Text t ? t.Value : null;

    /// <summary>Names of the resources a property or option refers to.</summary>
    public static string ProviderOf(this Resource resource) => resource.Options.Provider?.Target ?? "";

    /// <summary>VPC routes of one route table: destination → the route resource.</summary>
    public static IReadOnlyDictionary<string, Resource> RoutesOf(this PulumiProgram program, string routeTable) =>
        program.OfType("aws:ec2/route:Route")
            .Where(r => r.RefOf("routeTableId").Target == routeTable)
            .ToDictionary(r => r.Text("destinationCidrBlock") ?? "", r => r, StringComparer.Ordinal);

    /// <summary>The one target property a route sets (gatewayId, natGatewayId, transitGatewayId, networkInterfaceId).</summary>
    public static (string Property, Ref Target) TargetOf(this Resource route)
    {
        var targets = route.Properties.Where(p => p.Key is not ("routeTableId" or "destinationCidrBlock")).ToArray();
        var target = Assert.Single(targets);
        return (target.Key, Assert.IsType<Ref>(target.Value));
    }
}
