using HarborHa.Checks;
using HarborHa.Model;

namespace HarborHa.Tests.Support;

/// <summary>
/// A compact view of <see cref="ProgramDiff"/> for lifecycle tests: added and removed names, and
/// per changed resource the paths that changed (<c>tags.Name</c>, <c>options.protect</c>).
/// </summary>
public sealed record ProgramChanges(
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Changed)
{
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    public static ProgramChanges Between(PulumiProgram before, PulumiProgram after)
    {
        var diff = ProgramDiff.Compare(before, after);
        return new ProgramChanges(
            diff.Added.Select(c => c.Name).ToArray(),
            diff.Removed.Select(c => c.Name).ToArray(),
            diff.Changed.Where(c => c.Properties.Count > 0)
                .ToDictionary(c => c.Name, c => (IReadOnlyList<string>)c.Properties.Select(p => p.Path).ToArray(), StringComparer.Ordinal));
    }

    /// <summary>A readable summary for assertion messages.</summary>
    public override string ToString() =>
        $"added: {string.Join(", ", Added)}\nremoved: {string.Join(", ", Removed)}\nchanged: "
        + string.Join("; ", Changed.Select(c => $"{c.Key} ({string.Join(", ", c.Value)})"));
}
