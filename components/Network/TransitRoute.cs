namespace HarborHa.Network;

/// <summary>A supernet routed towards a Transit Gateway; <paramref name="Name"/> names the routes (e.g. <c>overseas</c>).</summary>
public sealed record TransitRoute(string Name, string Cidr);
