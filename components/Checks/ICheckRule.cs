using HarborHa.Configuration;
using HarborHa.Model;

namespace HarborHa.Checks;

/// <summary>
/// One safety rule of <c>infra check</c>. A rule reads the synthesized program (type tokens,
/// properties, options) and the validated config, and returns what it flags; no findings means it
/// passes. Rules never call the cloud: the check runs offline, before the engine sees the program.
/// </summary>
public interface ICheckRule
{
    /// <summary>Stable id, e.g. <c>rds-encrypted</c>; docs/checks.md lists every id.</summary>
    string Id { get; }

    /// <summary>Why the rule exists, in one line.</summary>
    string Reason { get; }

    IEnumerable<Finding> Evaluate(PulumiProgram program, StackConfig config);
}
