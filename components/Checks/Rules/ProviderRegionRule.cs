using HarborHa.Configuration;
using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// Every AWS and Kubernetes resource is bound to an explicit provider of its own region: the
/// region in its logical name (DESIGN.md, names) is the region of its provider (or, for a DR copy
/// named <c>&lt;region&gt;-...-dr-...</c>, that region's configured drRegion), of any per-resource
/// <c>region</c> argument, and of the providers its invokes use; and every AWS provider belongs to
/// a region of the config (one of its regions, or one of their DR regions), with its side's
/// credentials profile.
/// </summary>
public sealed class ProviderRegionRule : ICheckRule
{
    public string Id => "provider-region";

    public string Reason => "every AWS/Kubernetes resource uses an explicit provider of the region its name starts with, and that region is in the config";

    public IEnumerable<Finding> Evaluate(PulumiProgram program, StackConfig config)
    {
        var index = new ProgramIndex(program);
        var allowed = config.Regions.Select(r => r.Name)
            .Concat(config.Regions.Select(r => r.DrRegion).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        if (config.Certificate.Mode == CertificateMode.AcmDns)
        {
            allowed.Add(DnsHome(config));
        }

        var findings = new List<Finding>();
        foreach (var provider in index.OfType(ResourceTypes.AwsProvider))
        {
            findings.AddRange(CheckAwsProvider(provider, config, allowed).Select(p => new Finding(provider.Name, p)));
        }

        foreach (var provider in index.OfType(ResourceTypes.KubernetesProvider))
        {
            var region = ResourceRegion.Of(provider.Name);
            if (region is null || region == ResourceRegion.GlobalPrefix || !allowed.Contains(region))
            {
                findings.Add(new Finding(provider.Name, "a Kubernetes provider's name must start with a region of the config (one provider per regional cluster)"));
            }
        }

        foreach (var r in program.Resources.Where(r => !r.IsProvider && r.Package is "aws" or "kubernetes"))
        {
            findings.AddRange(CheckResource(index, r, allowed, config).Select(p => new Finding(r.Name, p)));
        }

        return findings;
    }

    private static IEnumerable<string> CheckAwsProvider(Resource provider, StackConfig config, HashSet<string> allowed)
    {
        var region = Props.Text(provider.Property("region"));
        var named = ResourceRegion.Of(provider.Name);
        if (region is null)
        {
            yield return "has no literal region, so it takes the region from the environment of whoever runs pulumi";
            yield break;
        }

        if (named is not null && named != ResourceRegion.GlobalPrefix && named != region)
        {
            yield return $"is named for {named} but its region is {region}";
        }

        if (!allowed.Contains(region))
        {
            yield return $"region {region} is neither a region of the config nor one of their DR regions";
        }

        if (Regions.IsKnown(region))
        {
            var profile = Regions.SideOf(region) == Side.China ? config.AwsCnProfile : config.AwsProfile;
            var key = Regions.SideOf(region) == Side.China ? "awsCnProfile" : "awsProfile";
            if (profile is not null && Props.Text(provider.Property("profile")) != profile)
            {
                yield return $"does not use the {key} credentials profile of its partition";
            }
        }
    }

    /// <summary>
    /// A region's disaster-recovery copy (its replica bucket, its key, its replicated backups) may be
    /// named for the region it protects, with a <c>dr</c> part in the name
    /// (<c>ap-southeast-1-storage-dr-bucket</c>), and live in exactly that region's configured drRegion.
    /// </summary>
    private static bool IsDrCopy(string name, string named, string? providerRegion, StackConfig config) =>
        name.Length > named.Length + 1 &&
        name[(named.Length + 1)..].Split('-').Contains("dr") &&
        config.Regions.FirstOrDefault(c => c.Name == named)?.DrRegion is { } dr &&
        dr == providerRegion;

    private static IEnumerable<string> CheckResource(ProgramIndex index, Resource r, HashSet<string> allowed, StackConfig config)
    {
        var named = ResourceRegion.Of(r.Name);
        if (named is null)
        {
            yield return "its name does not start with a region code or global-";
        }
        else if (named != ResourceRegion.GlobalPrefix && !allowed.Contains(named))
        {
            yield return $"its name puts it in {named}, which is not a region of the config";
        }

        var provider = r.Options.Provider is { } p ? index.Get(p.Target) : null;
        if (provider is null || !provider.IsProvider || provider.Package != r.Package)
        {
            yield return $"has no explicit {r.Package} provider";
            yield break;
        }

        var providerRegion = RegionOfProvider(provider);
        if (named is not null && named != ResourceRegion.GlobalPrefix && providerRegion != named && !IsDrCopy(r.Name, named, providerRegion, config)
            && !IsGlobalDns(r))
        {
            yield return $"is named for {named} but its provider {provider.Name} is for {providerRegion ?? "no region"}";
        }

        if (r.Package == "aws" && Props.Text(r.Property("region")) is { } own && named is not null && named != ResourceRegion.GlobalPrefix
            && own != named && !IsDrCopy(r.Name, named, own, config))
        {
            yield return $"its region argument ({own}) differs from the region in its name ({named})";
        }

        foreach (var invoke in ValueWalker.Invokes(r.Properties))
        {
            var invokeProvider = index.Get(invoke.Provider.Target);
            var invokeRegion = invokeProvider is null ? null : RegionOfProvider(invokeProvider);
            if (named is not null && named != ResourceRegion.GlobalPrefix && invokeProvider?.Package is "aws" or "kubernetes" && invokeRegion != named)
            {
                yield return $"invokes {invoke.Function} through {invoke.Provider.Target}, which is for {invokeRegion ?? "no region"}";
            }
        }
    }

    /// <summary>The Route 53 API home region of the partition holding the stack's public zone (PublicZone).</summary>
    private static string DnsHome(StackConfig config) =>
        config.Regions.Any(r => r.Side == Side.Overseas) ? "us-east-1" : "cn-northwest-1";

    /// <summary>
    /// Route 53 zones, records and health checks are global resources: a region's records in the
    /// stack's public zone (its name, its certificate validation, its health check) are named for
    /// the region but written through whichever provider owns the zone (Resolver endpoints, rules and
    /// zone associations are regional and stay checked).
    /// </summary>
    private static bool IsGlobalDns(Resource r) =>
        r.Type is ResourceTypes.Route53Record or ResourceTypes.Route53Zone or ResourceTypes.Route53HealthCheck;

    /// <summary>An AWS provider's region argument; a Kubernetes provider's region is the one its name starts with.</summary>
    private static string? RegionOfProvider(Resource provider) =>
        provider.Package == "aws" ? Props.Text(provider.Property("region")) : ResourceRegion.Of(provider.Name);
}
