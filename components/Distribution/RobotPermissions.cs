using HarborHa.Model;

namespace HarborHa.Distribution;

/// <summary>
/// Permissions of each robot role, as (resource, action) pairs from Harbor's RBAC policy table
/// (goharbor/harbor src/common/rbac/const.go: project scope; system scope for <c>project list</c>).
/// </summary>
public static class RobotPermissions
{
    public static string Name(RobotRole role) => role switch
    {
        RobotRole.Ci => "ci",
        RobotRole.Pull => "pull",
        _ => "replicator",
    };

    public static string Description(RobotRole role) => role switch
    {
        RobotRole.Ci => "CI pushes to the primary region (managed by harbor-ha)",
        RobotRole.Pull => "pulls from any region (managed by harbor-ha)",
        _ => "the primary's push replication writes with it (managed by harbor-ha)",
    };

    /// <summary>The namespace of a system robot's permission over every project.</summary>
    public const string AllProjects = "*";

    /// <summary>Project-scoped (resource, action) pairs of a role.</summary>
    /// <param name="role">The robot's role.</param>
    /// <param name="deletes">For the replicator: whether replication deletes in replicas; without it the robot gets no delete.</param>
    public static IReadOnlyList<(string Resource, string Action)> ProjectAccess(RobotRole role, bool deletes = false) => role switch
    {
        RobotRole.Ci =>
        [
            ("repository", "pull"), ("repository", "push"), ("repository", "list"),
            ("artifact", "read"), ("artifact", "list"),
            ("tag", "create"), ("tag", "list"),
        ],
        RobotRole.Pull => [("repository", "pull")],
        // Replication checks what exists at the destination, pushes blobs and manifests, tags them,
        // and (with deletion on, only then) deletes what the primary deleted.
        _ when deletes =>
        [
            ("project", "read"),
            ("repository", "list"), ("repository", "pull"), ("repository", "push"), ("repository", "delete"),
            ("artifact", "read"), ("artifact", "list"), ("artifact", "create"), ("artifact", "delete"),
            ("tag", "create"), ("tag", "list"), ("tag", "delete"),
        ],
        _ =>
        [
            ("project", "read"),
            ("repository", "list"), ("repository", "pull"), ("repository", "push"),
            ("artifact", "read"), ("artifact", "list"), ("artifact", "create"),
            ("tag", "create"), ("tag", "list"),
        ],
    };

    /// <summary>
    /// The robot's <c>permissions</c> input: one project-kind entry per project (the pull robot: one
    /// over <see cref="AllProjects"/>, whatever the projects), plus, for the
    /// replicator, a system-kind <c>project list</c> so replication can look the destination projects up.
    /// </summary>
    public static ListValue For(RobotRole role, IReadOnlyList<Value> projectNames, bool deletes = false)
    {
        var accesses = Value.List(ProjectAccess(role, deletes).Select(a => (Value)new MapValue { ["resource"] = a.Resource, ["action"] = a.Action }).ToArray());
        if (role == RobotRole.Pull)
        {
            // Harbor's "cover all projects" scope of a system robot: every project, present and future,
            // so the robot names (and waits for) no project, proxy caches included.
            return Value.List(new MapValue { ["kind"] = "project", ["namespace"] = AllProjects, ["accesses"] = accesses });
        }

        var entries = projectNames.Select(p => (Value)new MapValue { ["kind"] = "project", ["namespace"] = p, ["accesses"] = accesses }).ToList();
        if (role == RobotRole.Replicator)
        {
            entries.Add(new MapValue
            {
                ["kind"] = "system",
                ["namespace"] = "/",
                ["accesses"] = Value.List(new MapValue { ["resource"] = "project", ["action"] = "list" }),
            });
        }

        return new ListValue(entries);
    }
}
