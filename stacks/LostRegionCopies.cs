using HarborHa.Common;
using HarborHa.Configuration;
using HarborHa.Encryption;
using HarborHa.Logging;
using HarborHa.Model;
using HarborHa.Planning;
using HarborHa.Storage;

namespace HarborHa.Stacks;

/// <summary>
/// What stays declared of a region marked <c>lost: true</c>: only its DR copies, which live in its
/// DR region (the DR key and the replica bucket), under the names they had while the region was alive,
/// so they stay in state and protected and a rebuild can serve them. Nothing in the lost region itself;
/// its replicated automated backups are an RDS resource of their own and need no declaration.
/// </summary>
public static class LostRegionCopies
{
    /// <summary>Declares the copies of every lost region that has a DR region; the replica buckets by lost region.</summary>
    public static IReadOnlyDictionary<string, ServedBucket> Declare(PulumiProgram program, StackConfig config, AwsProviderRegistry aws, LogBuckets logs, Protection protection)
    {
        var replicas = new SortedDictionary<string, ServedBucket>(StringComparer.Ordinal);
        foreach (var lost in config.LostRegions.Where(r => r.DrRegion is not null))
        {
            var dr = StateKeys.CopiesOfLostRegion(program, aws, new StateKeysArgs
            {
                Region = lost.Name,
                KeyAlias = StateNames.StateKeyAlias(config.Domain, lost.Name),
                DrRegion = lost.DrRegion,
                DrKeyAlias = StateNames.DrKeyAlias(config.Domain, lost.Name),
                Protection = protection,
                KeyAdminArns = config.KeyAdminArns,
            });
            replicas[lost.Name] = RegistryStorage.ReplicaOfLostRegion(program, new StorageArgs
            {
                Region = lost.Name,
                BucketName = StateNames.RegistryBucket(config.Domain, lost.Name),
                DrBucketName = StateNames.DrBucket(config.Domain, lost.Name),
                // The lost region's own key and VPC endpoint are gone; only the replica is declared, which uses neither.
                KmsKeyArn = dr.KmsKeyArn,
                VpcEndpointId = "",
                Dr = dr,
                Protection = protection,
                NoncurrentVersionDays = config.Sizing.StorageNoncurrentVersionDays,
                Logs = logs,
                DrObjectLock = new ObjectLockRetention(config.DrObjectLock.Compliance ? ObjectLockMode.Compliance : ObjectLockMode.Governance, config.DrObjectLock.Days),
            });
        }

        return replicas;
    }
}
