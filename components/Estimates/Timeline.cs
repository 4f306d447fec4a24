using HarborHa.Model;

namespace HarborHa.Estimates;

/// <summary>
/// Estimates the first <c>pulumi up</c> of a program: every resource starts when everything it
/// depends on (<see cref="ProgramGraph"/>) is created and takes its typical create duration
/// (<see cref="DurationTable"/>). Pulumi's parallelism is unbounded by default; with a limit N the
/// engine is modelled as list scheduling on N slots, ready resources taken longest-remaining-chain first.
/// </summary>
public static class Timeline
{
    /// <summary>Schedules the program; <paramref name="parallel"/> null or 0 means unbounded.</summary>
    public static TimelineReport Estimate(PulumiProgram program, int? parallel = null, DurationTable? durations = null)
    {
        var graph = ProgramGraph.Of(program);
        durations ??= DurationTable.Default;
        var names = graph.Resources.Keys.ToArray();
        var minutes = names.ToDictionary(n => n, n => durations.Of(graph.Resources[n]), StringComparer.Ordinal);
        var order = TopologicalOrder(graph, names);

        // Unbounded: earliest start = latest finish of what a resource waits for.
        var earliestStart = new Dictionary<string, double>(StringComparer.Ordinal);
        var earliestFinish = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var n in order)
        {
            var begin = graph.DependenciesOf(n).Select(d => earliestFinish[d]).DefaultIfEmpty(0).Max();
            earliestStart[n] = begin;
            earliestFinish[n] = begin + minutes[n].Minutes;
        }

        var criticalMinutes = earliestFinish.Values.DefaultIfEmpty(0).Max();
        var path = CriticalPath(graph, names, earliestStart, earliestFinish, criticalMinutes);

        // Latest finish without delaying the whole, for slack.
        var latestFinish = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var n in order.Reverse())
        {
            latestFinish[n] = graph.DependentsOf(n).Select(d => latestFinish[d] - minutes[d].Minutes).DefaultIfEmpty(criticalMinutes).Min();
        }

        // Bottom level: the longest chain from a resource to the end, its own duration included.
        var bottom = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var n in order.Reverse())
        {
            bottom[n] = minutes[n].Minutes + graph.DependentsOf(n).Select(d => bottom[d]).DefaultIfEmpty(0).Max();
        }

        IReadOnlyDictionary<string, double> start = earliestStart;
        IReadOnlyDictionary<string, double> finish = earliestFinish;
        var limit = parallel is > 0 ? parallel : null;
        if (limit is { } slots)
        {
            (start, finish) = ListSchedule(graph, names, minutes, bottom, slots);
        }

        var entries = names
            .Select(n => new TimelineEntry(
                n,
                graph.Resources[n].Type,
                graph.RegionOf(graph.Resources[n]),
                start[n],
                finish[n],
                minutes[n],
                latestFinish[n] - earliestFinish[n]))
            .OrderBy(e => e.Start).ThenBy(e => e.Resource, StringComparer.Ordinal)
            .ToArray();
        return new TimelineReport(criticalMinutes, path, finish.Values.DefaultIfEmpty(0).Max(), limit, entries);
    }

    /// <summary>Kahn's algorithm with ordinal tie-breaking, so the order (and every output) is deterministic.</summary>
    private static IReadOnlyList<string> TopologicalOrder(ProgramGraph graph, IReadOnlyList<string> names)
    {
        var pending = names.ToDictionary(n => n, n => graph.DependenciesOf(n).Count, StringComparer.Ordinal);
        var ready = new SortedSet<string>(names.Where(n => pending[n] == 0), StringComparer.Ordinal);
        var order = new List<string>(names.Count);
        while (ready.Count > 0)
        {
            var n = ready.Min!;
            ready.Remove(n);
            order.Add(n);
            foreach (var d in graph.DependentsOf(n))
            {
                if (--pending[d] == 0)
                {
                    ready.Add(d);
                }
            }
        }

        if (order.Count != names.Count)
        {
            var stuck = names.Where(n => pending[n] > 0).Take(5);
            throw new InvalidOperationException($"the program's dependency graph has a cycle (among {string.Join(", ", stuck)})");
        }

        return order;
    }

    /// <summary>
    /// The chain that sets the total: from the resource that finishes last, back through the
    /// dependency that finished last (ties: ordinal), to a resource that waits for nothing. Every
    /// link is a real dependency of the program.
    /// </summary>
    private static IReadOnlyList<string> CriticalPath(ProgramGraph graph, IReadOnlyList<string> names,
        IReadOnlyDictionary<string, double> start, IReadOnlyDictionary<string, double> finish, double total)
    {
        if (names.Count == 0)
        {
            return [];
        }

        var last = names.Where(n => finish[n] >= total - 1e-9).Order(StringComparer.Ordinal).First();
        var path = new List<string> { last };
        while (graph.DependenciesOf(last).Count > 0)
        {
            var s = start[last];
            last = graph.DependenciesOf(last)
                .OrderByDescending(d => finish[d]).ThenBy(d => d, StringComparer.Ordinal)
                .First();
            if (finish[last] < s - 1e-9)
            {
                break; // cannot happen: a start is the latest finish of its dependencies
            }

            path.Add(last);
        }

        path.Reverse();
        return path;
    }

    /// <summary>
    /// List scheduling on <paramref name="slots"/> slots: whenever a slot is free, start the ready
    /// resource with the longest remaining chain (ties: ordinal). With one slot the total is the
    /// sum of all durations.
    /// </summary>
    private static (IReadOnlyDictionary<string, double> Start, IReadOnlyDictionary<string, double> Finish) ListSchedule(
        ProgramGraph graph, IReadOnlyList<string> names, IReadOnlyDictionary<string, CreateDuration> minutes,
        IReadOnlyDictionary<string, double> bottom, int slots)
    {
        var pending = names.ToDictionary(n => n, n => graph.DependenciesOf(n).Count, StringComparer.Ordinal);
        var byPriority = Comparer<string>.Create((a, b) =>
        {
            var c = bottom[b].CompareTo(bottom[a]);
            return c != 0 ? c : string.CompareOrdinal(a, b);
        });
        var ready = new SortedSet<string>(names.Where(n => pending[n] == 0), byPriority);
        var running = new PriorityQueue<string, (double Finish, string Name)>(Comparer<(double Finish, string Name)>.Create((x, y) =>
        {
            var c = x.Finish.CompareTo(y.Finish);
            return c != 0 ? c : string.CompareOrdinal(x.Name, y.Name);
        }));
        var start = new Dictionary<string, double>(StringComparer.Ordinal);
        var finish = new Dictionary<string, double>(StringComparer.Ordinal);
        var now = 0.0;
        while (ready.Count > 0 || running.Count > 0)
        {
            while (running.Count < slots && ready.Count > 0)
            {
                var n = ready.Min!;
                ready.Remove(n);
                start[n] = now;
                finish[n] = now + minutes[n].Minutes;
                running.Enqueue(n, (finish[n], n));
            }

            var done = running.Dequeue();
            now = finish[done];
            foreach (var d in graph.DependentsOf(done))
            {
                if (--pending[d] == 0)
                {
                    ready.Add(d);
                }
            }
        }

        return (start, finish);
    }
}
