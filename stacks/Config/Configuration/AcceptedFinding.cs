namespace HarborHa.Configuration;

/// <summary>
/// One entry of <c>harbor-ha:acceptedFindings</c>: the check <paramref name="Rule"/> still reports its
/// finding on <paramref name="Resource"/>, but as accepted with <paramref name="Reason"/>, so neither
/// <c>infra check</c> nor <c>synth</c> fails on it. For trade-offs a stack's owner makes on purpose.
/// </summary>
public sealed record AcceptedFinding(string Rule, string Resource, string Reason);
