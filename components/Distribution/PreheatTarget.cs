using HarborHa.Model;

namespace HarborHa.Distribution;

/// <summary>A Dragonfly manager that Harbor can ask to preheat images.</summary>
/// <param name="Endpoint">The manager's REST address inside the cluster.</param>
/// <param name="Token">A personal access token of the manager (scope <c>job</c>); wrapped secret wherever it is used.</param>
/// <param name="Release">The Dragonfly Helm release, waited for.</param>
public sealed record PreheatTarget(string Endpoint, Value Token, Ref Release);
