using HarborHa.Configuration;
using HarborHa.Model;

namespace HarborHa.Dns;

/// <summary>
/// A public Route 53 hosted zone that holds the registry's public names.
/// </summary>
/// <param name="Id">Zone id.</param>
/// <param name="Name">Zone name: the domain itself, or a parent of it (needed for the China geolocation record; see docs/distribution.md).</param>
/// <param name="Side">The partition the zone lives in; its hub's provider writes the records.</param>
public sealed record PublicZone(Value Id, string Name, Side Side);
