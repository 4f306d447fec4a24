using HarborHa.Model;

namespace HarborHa.Checks;

/// <summary>
/// One safety rule of <c>infra check</c>. A rule reads the synthesized program alone (type tokens,
/// properties, options, providers) and returns what it flags; no findings means it passes. Rules
/// never call the cloud and never see the stack's config: the check runs offline, before the engine
/// sees the program, on any program built from the components. A finding on a resource that accepts
/// the rule (<see cref="Resource.AcceptedRisks"/>) is reported as accepted by <see cref="CheckRunner"/>.
/// </summary>
public interface ICheckRule
{
    /// <summary>Stable id, e.g. <c>rds-encrypted</c>; docs/checks.md lists every id.</summary>
    string Id { get; }

    /// <summary>Why the rule exists, in one line.</summary>
    string Reason { get; }

    IEnumerable<Finding> Evaluate(PulumiProgram program);
}
