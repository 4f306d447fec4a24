using System.CommandLine;
using System.Globalization;
using HarborHa.Checks;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Recovery;
using HarborHa.Stacks;

namespace HarborHa.Cli;

/// <summary>
/// <c>infra dr plan --lost R [--into D]</c>: the stack config that recovers from losing region R
/// (stdout, stack-file form), and on stderr the numbered steps to apply it, the expected diff and the
/// recovery point of each data set. Plans that cannot work exit 2 naming the problem; nothing is printed on stdout then.
/// </summary>
public static class DrPlanCommand
{
    public static Command Create(CliContext context)
    {
        var stack = StackOption.Create();
        var lost = new Option<string>("--lost") { Description = "The region that is lost", Required = true };
        var into = new Option<string?>("--into") { Description = "Rebuild the lost region's role in region D (its DR region) from its DR copies" };
        var backupArn = new Option<string?>("--backup-arn") { Description = "With --into: ARN of the lost region's replicated automated backups in D" };
        var restoreTime = new Option<string?>("--restore-time") { Description = "With --backup-arn: RFC 3339 UTC time to restore to (default: latest restorable time)" };
        var snapshot = new Option<string?>("--snapshot") { Description = "With --into: restore the database from this snapshot instead" };
        var plan = new Command("plan", "Print the stack config that recovers from losing a region, and the steps to apply it") { stack, lost, into, backupArn, restoreTime, snapshot };
        plan.SetAction(parse => Run(context, parse.GetValue(stack), new DrRequest
        {
            Lost = parse.GetValue(lost)!,
            Into = parse.GetValue(into),
            BackupArn = parse.GetValue(backupArn),
            RestoreTime = parse.GetValue(restoreTime),
            Snapshot = parse.GetValue(snapshot),
        }));
        return new Command("dr", "Disaster recovery (docs/disaster-recovery.md)") { plan };
    }

    private static int Run(CliContext context, string? stack, DrRequest request)
    {
        RawConfig? raw;
        StackConfig current;
        try
        {
            raw = ConfigSource.Load(stack, context.Environment, context.ProjectDirectory);
            if (raw is null)
            {
                context.Stderr.WriteLine("error: --stack: a stack name is required (or run under Pulumi, which sets PULUMI_CONFIG)");
                return ExitCodes.BadInput;
            }

            current = ConfigParser.Parse(raw);
        }
        catch (ConfigException e)
        {
            context.ReportConfigErrors(e.Errors);
            return ExitCodes.BadInput;
        }

        DrPlanResult result;
        try
        {
            result = DrPlanner.Plan(current, request);
        }
        catch (DrPlanException e)
        {
            context.Stderr.WriteLine($"error: {e.Option}: {e.Message}");
            return ExitCodes.BadInput;
        }

        var name = stack ?? context.Environment.GetValueOrDefault("PULUMI_STACK") ?? "<stack>";
        var yaml = DrConfigWriter.Write(raw, result.Regions,
            $"infra dr plan --lost {request.Lost}{(request.Into is null ? "" : $" --into {request.Into}")}: the config of stack {name} to apply (steps on stderr)");
        StackConfig planned;
        try
        {
            planned = ConfigParser.Parse(WithSecureKeys(RawConfig.FromStackYaml(yaml, "the planned config"), raw));
        }
        catch (ConfigException e)
        {
            context.Stderr.WriteLine("error: the planned config is not valid; fix the stack first:");
            context.ReportConfigErrors(e.Errors);
            return ExitCodes.BadInput;
        }

        var (before, beforeCode) = context.Build(current);
        var (after, afterCode) = context.Build(planned);
        if (before is null || after is null)
        {
            return before is null ? beforeCode : afterCode;
        }

        context.Stdout.Write(yaml);
        WriteSteps(context.Stderr, name, request, current, result, before, after);
        return ExitCodes.Ok;
    }

    /// <summary>Secure values stay opaque: the planned config keeps the stack's, so it parses like the stack file will.</summary>
    private static RawConfig WithSecureKeys(RawConfig planned, RawConfig original) =>
        planned with
        {
            Values = planned.Values.Concat(original.Values.Where(v => v.Value.IsSecure && !planned.Values.ContainsKey(v.Key)))
                .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
        };

    private static void WriteSteps(TextWriter err, string stack, DrRequest request, StackConfig current, DrPlanResult result, PulumiProgram before, PulumiProgram after)
    {
        var lost = request.Lost;
        var diff = ProgramDiff.Compare(before, after);
        var forget = DrStateSteps.ResourcesToForget(before, after, lost);
        var step = 0;
        string N() => (++step).ToString(CultureInfo.InvariantCulture);

        err.WriteLine($"disaster recovery plan for stack {stack}: {lost} is lost" + (request.Into is null ? "; survivors take over" : $"; its role is rebuilt in {request.Into}"));
        foreach (var note in result.Notes)
        {
            err.WriteLine($"  - {note}");
        }

        err.WriteLine();
        err.WriteLine($"{N()}. Back up the state first: pulumi stack export --stack {stack} --file {stack}-before-dr.json");
        err.WriteLine($"{N()}. Save the config printed on stdout as Pulumi.{stack}.yaml (keep its secure values) and commit it.");
        // Order matters: Pulumi refuses to forget a resource that something in state still depends on.
        var outside = forget.Where(r => !DrStateSteps.IsIn(r, lost, before)).ToArray();
        if (outside.Length > 0)
        {
            err.WriteLine($"{N()}. Delete what the surviving regions held for {lost} (reachable, so deleted for real: VPN, peerings, routes, replication to it):");
            err.WriteLine($"     pulumi destroy --stack {stack} --yes " + string.Join(" ", outside.Select(r => $"--target '{DrStateSteps.Urn(stack, r)}'")));
        }

        var kept = DrStateSteps.KeptDependents(before, after, forget);
        if (kept.Count > 0)
        {
            err.WriteLine($"{N()}. Update what the plan keeps but still refers to {lost} (with the saved config):");
            err.WriteLine($"     pulumi up --stack {stack} --yes " + string.Join(" ", kept.Select(r => $"--target '{DrStateSteps.Urn(stack, r)}'")));
        }

        var inRegion = forget.Where(r => DrStateSteps.IsIn(r, lost, before)).ToArray();
        err.WriteLine($"{N()}. Forget the {inRegion.Length} resources of {lost} (unreachable: Pulumi must not try to delete them; never use --exclude), dependents first:");
        foreach (var r in inRegion)
        {
            err.WriteLine($"     pulumi state delete --stack {stack} --force --yes '{DrStateSteps.Urn(stack, r)}'");
        }

        err.WriteLine($"{N()}. pulumi refresh --stack {stack} --yes   (the surviving regions' state matches AWS again)");
        err.WriteLine($"{N()}. infra diff --stack {stack} --with-config <the saved file> must show no danger outside {lost}; then pulumi up --stack {stack}.");
        if (request.Into is not null)
        {
            err.WriteLine($"{N()}. Harbor in {request.Into} starts on {lost}'s restored database: the projects, registries, robots and rules it already holds are adopted, not created again (docs/disaster-recovery.md, adoption).");
        }

        err.WriteLine();
        var dangerous = diff.Dangerous.Where(c => !DrStateSteps.IsIn(before.Resources.FirstOrDefault(r => r.Name == c.Name) ?? after.Resources.First(r => r.Name == c.Name), lost, before)).ToArray();
        err.WriteLine($"expected diff: {diff.Added.Count()} added, {diff.Removed.Count()} removed ({forget.Count} of them before the up), {diff.Changed.Count(c => !c.HasNoEffect)} changed; "
            + $"{dangerous.Length} dangerous outside {lost}" + (dangerous.Length > 0 ? $": {string.Join(", ", dangerous.Select(c => c.Name))}" : ""));
        err.WriteLine();
        err.WriteLine("recovery point (what may be lost) per data set:");
        var lostRegion = current.Region(lost);
        if (request.Into is not null)
        {
            err.WriteLine(request.Snapshot is not null
                ? $"  - Harbor database: up to the snapshot {request.Snapshot}"
                : $"  - Harbor database: restored from {lost}'s replicated automated backups to {request.RestoreTime ?? "their latest restorable time"}: the backup-replication lag (usually minutes; LatestRestorableTime in aws rds describe-db-instance-automated-backups --region {request.Into})");
            err.WriteLine($"  - image blobs: {lost}'s replica bucket, served as is: the S3 replication lag (seconds for most objects, no SLA; 15 minutes for 99.99% with Replication Time Control)");
        }
        else
        {
            err.WriteLine(lostRegion.IsPrimary
                ? $"  - images pushed to {lost}: those not yet replicated by Harbor to the new primary (replication lag; the scheduled catch-up rule bounds it)"
                : $"  - images in {lost}: none lost, they come from the primary; {lost}'s own database (pull statistics, audit log) stays in its DR copies");
        }

        err.WriteLine($"  - Redis (sessions, job queue) in {lost}: not copied; rebuilt empty");
    }
}
