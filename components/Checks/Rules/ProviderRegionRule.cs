using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// Every AWS and Kubernetes resource is bound to an explicit provider of its own region: the region
/// in its logical name (DESIGN.md, names) is the region of its provider, of any per-resource
/// <c>region</c> argument, and of the providers its invokes use. The regions are the program's own,
/// those its AWS providers serve. A disaster-recovery copy named for the region it protects
/// (<c>&lt;region&gt;-...-dr-...</c>) lives in another region of the same partition (backups and
/// replication never cross partitions), and all copies of one region live in one DR region. Every
/// AWS provider states its region and is named for it; the providers of one partition share one
/// credentials profile, which the other partition does not use (aws-cn is a separate account).
/// </summary>
public sealed class ProviderRegionRule : ICheckRule
{
    public string Id => "provider-region";

    public string Reason => "every AWS/Kubernetes resource uses an explicit provider of the region its name starts with; each partition has its own credentials";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        var findings = new List<Finding>();
        var awsProviders = index.OfType(ResourceTypes.AwsProvider).ToArray();
        foreach (var provider in awsProviders)
        {
            findings.AddRange(CheckAwsProvider(provider).Select(p => new Finding(provider.Name, p)));
        }

        findings.AddRange(Credentials(awsProviders));

        foreach (var provider in index.OfType(ResourceTypes.KubernetesProvider))
        {
            if (index.RegionOfProvider(provider) is null)
            {
                findings.Add(new Finding(provider.Name,
                    "a Kubernetes provider's name must start with a region the program has an AWS provider for (one provider per regional cluster)"));
            }
        }

        var drCopies = new List<(Resource Copy, string Of, string In)>();
        foreach (var r in program.Resources.Where(r => !r.IsProvider && r.Package is "aws" or "kubernetes"))
        {
            findings.AddRange(CheckResource(index, r, drCopies).Select(p => new Finding(r.Name, p)));
        }

        foreach (var spread in drCopies.GroupBy(c => c.Of, StringComparer.Ordinal).Where(g => g.Select(c => c.In).Distinct(StringComparer.Ordinal).Count() > 1))
        {
            var regions = string.Join(", ", spread.Select(c => c.In).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            findings.AddRange(spread.Select(c => new Finding(c.Copy.Name,
                $"is a DR copy of {spread.Key} in {c.In}, but {spread.Key}'s DR copies are spread over {regions}: a region has one DR region")));
        }

        return findings.Distinct();
    }

    private static IEnumerable<string> CheckAwsProvider(Resource provider)
    {
        if (Props.Text(provider.Property("region")) is not { } region)
        {
            yield return "has no literal region, so it takes the region from the environment of whoever runs pulumi";
            yield break;
        }

        if (provider.Name != region && !provider.Name.StartsWith(region + "-", StringComparison.Ordinal))
        {
            yield return $"its region is {region} but its name does not start with it (one provider per region, named for it)";
        }
    }

    /// <summary>
    /// One partition is one account: its providers use one credentials profile, and a profile used in
    /// one partition is never used in the other. Profile names are not printed (findings never quote values).
    /// </summary>
    private static IEnumerable<Finding> Credentials(IReadOnlyList<Resource> providers)
    {
        var byPartition = providers
            .Where(p => Props.Text(p.Property("region")) is not null)
            .GroupBy(p => AwsPartition.Of(Props.Text(p.Property("region"))!), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        foreach (var (partition, members) in byPartition)
        {
            if (members.Select(p => Props.Text(p.Property("profile")) ?? "").Distinct(StringComparer.Ordinal).Count() > 1)
            {
                foreach (var p in members)
                {
                    yield return new Finding(p.Name, $"the {partition} providers do not all use the same credentials profile (one partition is one account)");
                }
            }
        }

        if (byPartition.TryGetValue(AwsPartition.Aws, out var overseas) && byPartition.TryGetValue(AwsPartition.China, out var china))
        {
            var overseasProfiles = overseas.Select(p => Props.Text(p.Property("profile"))).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var p in china.Where(p => Props.Text(p.Property("profile")) is { } profile && overseasProfiles.Contains(profile)))
            {
                yield return new Finding(p.Name, $"uses the same credentials profile as the {AwsPartition.Aws} providers, but {AwsPartition.China} is a separate account");
            }
        }
    }

    /// <summary>Whether the name marks a disaster-recovery copy: a <c>dr</c> part after the region it is named for.</summary>
    private static bool IsDrName(string name, string named) =>
        name.Length > named.Length + 1 && name[(named.Length + 1)..].Split('-').Contains("dr");

    private static IEnumerable<string> CheckResource(ProgramIndex index, Resource r, List<(Resource Copy, string Of, string In)> drCopies)
    {
        var named = index.NamedRegion(r.Name);
        if (named is null)
        {
            yield return "its name does not start with global- or a region the program deploys to (a region of one of its AWS providers)";
        }

        var provider = index.ProviderOf(r);
        if (provider is null || provider.Package != r.Package)
        {
            yield return $"has no explicit {r.Package} provider";
            yield break;
        }

        var regional = named is not null && named != ResourceRegion.GlobalPrefix;
        var providerRegion = index.RegionOfProvider(provider);
        var own = r.Package == "aws" ? Props.Text(r.Property("region")) : null;
        if (regional && providerRegion != named && !IsGlobalDns(r) && Placed(r, named!, providerRegion, $"its provider {provider.Name}", drCopies) is { } byProvider)
        {
            yield return byProvider;
        }

        if (regional && own is not null && own != named && Placed(r, named!, own, "its region argument", drCopies) is { } byArgument)
        {
            yield return byArgument;
        }

        foreach (var invoke in ValueWalker.Invokes(r.Properties))
        {
            var invokeProvider = index.Get(invoke.Provider.Target);
            var invokeRegion = invokeProvider is null ? null : index.RegionOfProvider(invokeProvider);
            if (regional && invokeProvider?.Package is "aws" or "kubernetes" && invokeRegion != named)
            {
                yield return $"invokes {invoke.Function} through {invoke.Provider.Target}, which is for {invokeRegion ?? "no region"}";
            }
        }
    }

    /// <summary>
    /// A resource named for one region and placed in another: wrong, unless it is a DR copy in the same
    /// partition (recorded, to check that one region's copies share one DR region). Null when allowed.
    /// </summary>
    private static string? Placed(Resource r, string named, string? region, string by, List<(Resource Copy, string Of, string In)> drCopies)
    {
        if (region is not null && IsDrName(r.Name, named))
        {
            if (AwsPartition.Of(region) == AwsPartition.Of(named))
            {
                drCopies.Add((r, named, region));
                return null;
            }

            return $"is a DR copy of {named} but {by} puts it in {region}, in another partition: backups and replication never cross partitions";
        }

        return $"is named for {named} but {by} is for {region ?? "no region"}";
    }

    /// <summary>
    /// Route 53 zones, records and health checks are global resources: a region's records in the
    /// stack's public zone (its name, its certificate validation, its health check) are named for
    /// the region but written through whichever provider owns the zone (Resolver endpoints, rules and
    /// zone associations are regional and stay checked).
    /// </summary>
    private static bool IsGlobalDns(Resource r) =>
        r.Type is ResourceTypes.Route53Record or ResourceTypes.Route53Zone or ResourceTypes.Route53HealthCheck;
}
