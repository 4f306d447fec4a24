using HarborHa.Model;

namespace HarborHa.Checks;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>
/// One leaf that differs; null on a side where the path is absent. <paramref name="Ignored"/>: the
/// path is under the resource's <c>ignoreChanges</c>, so Pulumi never sends the change to the live
/// resource (it only matters when the resource is created).
/// </summary>
public sealed record PropertyChange(string Path, string? Before, string? After, bool Ignored = false);

/// <summary>A resource that differs between two programs, and why the change is dangerous (if it is).</summary>
public sealed record ResourceChange(ChangeKind Kind, string Name, string Type, IReadOnlyList<PropertyChange> Properties, IReadOnlyList<string> Dangers)
{
    public bool IsDangerous => Dangers.Count > 0;

    /// <summary>A change whose every property is under <c>ignoreChanges</c>: no effect on the live resource.</summary>
    public bool HasNoEffect => Kind == ChangeKind.Changed && !IsDangerous && Properties.Count > 0 && Properties.All(p => p.Ignored);
}

/// <summary>The difference between two synthesized programs, by logical name.</summary>
public sealed record DiffResult(IReadOnlyList<ResourceChange> Changes)
{
    public IEnumerable<ResourceChange> Added => Changes.Where(c => c.Kind == ChangeKind.Added);

    public IEnumerable<ResourceChange> Removed => Changes.Where(c => c.Kind == ChangeKind.Removed);

    public IEnumerable<ResourceChange> Changed => Changes.Where(c => c.Kind == ChangeKind.Changed);

    public IEnumerable<ResourceChange> Dangerous => Changes.Where(c => c.IsDangerous);

    /// <summary>Changes that Pulumi would not apply to a live resource (only properties under <c>ignoreChanges</c>).</summary>
    public IEnumerable<ResourceChange> WithoutEffect => Changes.Where(c => c.HasNoEffect);

    /// <summary>Dangerous changes whose resource is not in <paramref name="allowed"/>.</summary>
    public IReadOnlyList<ResourceChange> Unallowed(IEnumerable<string> allowed)
    {
        var set = allowed.ToHashSet(StringComparer.Ordinal);
        return Dangerous.Where(c => !set.Contains(c.Name)).ToArray();
    }
}

/// <summary>
/// Compares two programs (two stacks, or one stack before and after a config change) resource by
/// resource and property by property, then decides which changes replace or remove something that
/// holds state, using <see cref="ReplacementTable"/>. A replacement spreads: a resource whose
/// replacement-forcing property references a replaced resource (or whose provider is replaced) is
/// replaced too, because the referenced output changes at deploy time. A property under the
/// resource's <c>ignoreChanges</c> neither replaces nor updates a live resource: such a change is
/// reported as having no effect.
/// </summary>
public static class ProgramDiff
{
    public static DiffResult Compare(PulumiProgram before, PulumiProgram after)
    {
        var old = before.Resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var now = after.Resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var changed = new Dictionary<string, List<PropertyChange>>(StringComparer.Ordinal);
        foreach (var name in old.Keys.Intersect(now.Keys))
        {
            var properties = Compare(old[name], now[name]);
            if (properties.Count > 0)
            {
                changed[name] = properties;
            }
        }

        var replaced = Replacements(old, now, changed);
        var changes = new List<ResourceChange>();
        foreach (var (name, r) in old.Where(e => !now.ContainsKey(e.Key)))
        {
            var dangers = new List<string>();
            if (ReplacementTable.IsStateful(r.Type))
            {
                var renamed = now.Values.Where(n => n.Type == r.Type && !old.ContainsKey(n.Name)).Select(n => n.Name).ToArray();
                dangers.Add($"removes a stateful {ShortType(r.Type)} and its data" +
                    (renamed.Length > 0 ? $" (renamed to {string.Join(" or ", renamed)}? a rename is a delete and a create)" : ""));
            }

            changes.Add(new ResourceChange(ChangeKind.Removed, name, r.Type, [], dangers));
        }

        foreach (var (name, r) in now.Where(e => !old.ContainsKey(e.Key)))
        {
            changes.Add(new ResourceChange(ChangeKind.Added, name, r.Type, [], []));
        }

        foreach (var name in old.Keys.Intersect(now.Keys))
        {
            var properties = changed.GetValueOrDefault(name) ?? [];
            var reasons = replaced.GetValueOrDefault(name);
            if (properties.Count == 0 && reasons is null)
            {
                continue;
            }

            var r = now[name];
            var dangers = new List<string>();
            if (reasons is not null && (ReplacementTable.IsStateful(r.Type) || ReplacementTable.Knows(r.Type) || reasons.Any(x => x.FromTable)))
            {
                dangers.AddRange(reasons.Select(x => x.Text));
            }

            if (ReplacementTable.IsStateful(r.Type) && old[name].Options.Protect && !r.Options.Protect)
            {
                dangers.Add("drops protect from a stateful resource, so the next change can delete it");
            }

            changes.Add(new ResourceChange(ChangeKind.Changed, name, r.Type, properties, dangers.Distinct(StringComparer.Ordinal).ToArray()));
        }

        return new DiffResult(changes.OrderBy(c => c.Name, StringComparer.Ordinal).ToArray());
    }

    private sealed record Reason(string Text, bool FromTable);

    /// <summary>Which resources present in both programs are replaced, with why; iterated until nothing new is found.</summary>
    private static Dictionary<string, List<Reason>> Replacements(
        Dictionary<string, Resource> old, Dictionary<string, Resource> now, Dictionary<string, List<PropertyChange>> changed)
    {
        var replaced = new Dictionary<string, List<Reason>>(StringComparer.Ordinal);
        void Mark(string name, Reason reason)
        {
            if (!replaced.TryGetValue(name, out var list))
            {
                replaced[name] = list = [];
            }

            list.Add(reason);
        }

        foreach (var (name, properties) in changed)
        {
            var r = now[name];
            foreach (var p in properties.Where(p => !p.Ignored))
            {
                if (p.Path == "type")
                {
                    Mark(name, new Reason($"changes type from {old[name].Type}: Pulumi replaces the resource", false));
                }
                else if (p.Path == "options.provider")
                {
                    Mark(name, new Reason($"moves to another provider ({p.After ?? "none"}): the resource is recreated there", false));
                }
                else if (!p.Path.StartsWith("options.", StringComparison.Ordinal) && ReplacementTable.Match(r.Type, p.Path) is { } entry)
                {
                    Mark(name, new Reason($"{p.Path}: {entry.Consequence}", true));
                }
                else if (r.Options.ReplaceOnChanges.Any(x => x == "*" || new ReplacementEntry(r.Type, x, "").Covers(p.Path)))
                {
                    Mark(name, new Reason($"{p.Path} is listed in replaceOnChanges", true));
                }
            }
        }

        bool grew;
        do
        {
            grew = false;
            foreach (var (name, r) in now.Where(e => old.ContainsKey(e.Key) && !replaced.ContainsKey(e.Key)))
            {
                if (r.Options.Provider is { } provider && replaced.ContainsKey(provider.Target))
                {
                    Mark(name, new Reason($"its provider {provider.Target} is replaced", false));
                    grew = true;
                    continue;
                }

                var entry = ReplacementTable.Entries
                    .Where(e => e.Type == r.Type)
                    .Select(e => (Entry: e, Value: r.Property(e.Property)))
                    .Select(x => (x.Entry, Target: x.Value is null ? null : ValueWalker.Refs(x.Value).Select(v => v.Target).FirstOrDefault(replaced.ContainsKey)))
                    .FirstOrDefault(x => x.Target is not null);
                if (entry.Target is not null)
                {
                    Mark(name, new Reason($"{entry.Entry.Property} references {entry.Target}, which is replaced: {entry.Entry.Consequence}", true));
                    grew = true;
                }
            }
        }
        while (grew);

        return replaced;
    }

    private static List<PropertyChange> Compare(Resource before, Resource after)
    {
        var changes = new List<PropertyChange>();
        if (before.Type != after.Type)
        {
            changes.Add(new PropertyChange("type", before.Type, after.Type));
        }

        var a = Leaves(before);
        var b = Leaves(after);
        foreach (var path in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            var x = a.GetValueOrDefault(path);
            var y = b.GetValueOrDefault(path);
            if (x != y)
            {
                // Pulumi compares ignored properties with the old inputs, never the live resource (ignoreChanges docs).
                var ignored = !path.StartsWith("options.", StringComparison.Ordinal) && path != "type"
                    && after.Options.IgnoreChanges.Any(i => i == "*" || new ReplacementEntry(after.Type, i, "").Covers(path));
                changes.Add(new PropertyChange(path, x, y, ignored));
            }
        }

        return changes;
    }

    private static SortedDictionary<string, string> Leaves(Resource r)
    {
        var leaves = ValueText.Flatten(r.Properties, "");
        var o = r.Options;
        void Option(string name, string? value)
        {
            if (value is not null)
            {
                leaves[$"options.{name}"] = value;
            }
        }

        Option("provider", o.Provider?.Expression);
        Option("parent", o.Parent?.Expression);
        Option("dependsOn", o.DependsOn.Count > 0 ? string.Join(", ", o.DependsOn.Select(d => d.Expression)) : null);
        Option("protect", o.Protect ? "true" : null);
        Option("ignoreChanges", o.IgnoreChanges.Count > 0 ? string.Join(", ", o.IgnoreChanges) : null);
        Option("deleteBeforeReplace", o.DeleteBeforeReplace ? "true" : null);
        Option("retainOnDelete", o.RetainOnDelete ? "true" : null);
        Option("additionalSecretOutputs", o.AdditionalSecretOutputs.Count > 0 ? string.Join(", ", o.AdditionalSecretOutputs) : null);
        Option("replaceOnChanges", o.ReplaceOnChanges.Count > 0 ? string.Join(", ", o.ReplaceOnChanges) : null);
        Option("customTimeouts", o.CustomTimeouts is { } t ? $"{t.Create}/{t.Update}/{t.Delete}" : null);
        Option("version", o.Version);
        Option("pluginDownloadURL", o.PluginDownloadUrl);
        return leaves;
    }

    private static string ShortType(string type) => type.Split(':').Last();
}
