using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Dns;
using HarborHa.Logging;
using HarborHa.Model;
using HarborHa.Registry;
using HarborHa.Storage;

namespace HarborHa.Stacks;

/// <summary>
/// What every region of a stack shares, declared once here and handed down (never looked up by
/// name): the region-less providers (random, tls), one AWS provider and one log bucket per AWS
/// region, Harbor's shared secrets and, when public names or ACM certificates need it, the public zone.
/// </summary>
public sealed record StackServices(
    GlobalProviders Global,
    AwsProviderRegistry Aws,
    LogBuckets Logs,
    HarborSharedSecrets Harbor,
    PublicZone? Zone,
    Protection Protection)
{
    public static StackServices Create(PulumiProgram program, StackConfig config)
    {
        var protection = ConfigMapping.ProtectionOf(config);
        var global = new GlobalProviders(program);
        var aws = new AwsProviderRegistry(program, ConfigMapping.AwsSettings(config));
        var zone = NeedsPublicZone(config)
            ? new PublicZone(program, aws, new PublicZoneArgs
            {
                Domain = config.Domain,
                // Aliases cannot cross partitions, and China needs an ICP recordal: overseas whenever the stack has an overseas region.
                Partition = config.Regions.Any(r => r.Side == Side.Overseas) ? Partition.Aws : Partition.AwsCn,
                Protection = protection,
            })
            : null;
        var logs = new LogBuckets(program, aws, protection);
        AccountAudit.Declare(program, config, aws, logs, protection);
        return new StackServices(global, aws, logs,
            HarborSharedSecrets.Declare(program, global, protection), zone, protection)
        {
            LostReplicas = LostRegionCopies.Declare(program, config, aws, logs, protection),
        };
    }

    /// <summary>The replica buckets of lost regions, by lost region: what a region rebuilding one serves.</summary>
    public IReadOnlyDictionary<string, ServedBucket> LostReplicas { get; init; } = new Dictionary<string, ServedBucket>();

    /// <summary>ACM certificates are validated in the zone; geo's <c>both</c> exposure publishes latency and geolocation names there.</summary>
    private static bool NeedsPublicZone(StackConfig config) =>
        config.Certificate.Mode == CertificateMode.AcmDns || (config.Topology == Topology.Geo && config.Exposure == Exposure.Both);
}
