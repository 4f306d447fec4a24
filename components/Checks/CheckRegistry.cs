using HarborHa.Checks.Rules;

namespace HarborHa.Checks;

/// <summary>Every rule <c>infra check</c> runs, in the order docs/checks.md lists them.</summary>
public static class CheckRegistry
{
    public static IReadOnlyList<ICheckRule> All { get; } =
    [
        // Encryption at rest
        new RdsEncryptedRule(),
        new CacheEncryptedRule(),
        new S3EncryptedRule(),
        new EbsEncryptedRule(),
        new EksSecretsEncryptedRule(),
        // Encryption in transit
        new TlsPolicyRule(),
        new HttpRedirectRule(),
        new RedisTlsRule(),
        new PostgresSslRule(),
        // Exposure
        new StatefulNotPublicRule(),
        new OpenIngressRule(),
        new EksApiRestrictedRule(),
        new ImdsV2Rule(),
        new Ec2NoPublicIpRule(),
        new AlbWebAclRule(),
        new AlbOpenIngressRule(),
        // Buckets
        new S3VersioningRule(),
        new S3PublicAccessBlockRule(),
        new S3TlsOnlyRule(),
        new S3AccessLoggingRule(),
        // Logging
        new VpcFlowLogsRule(),
        new AlbAccessLogsRule(),
        new EksControlPlaneLogsRule(),
        new RdsLogExportsRule(),
        new LogRetentionRule(),
        // Protection outside dev
        new StatefulProtectedRule(),
        new RdsDeletionProtectionRule(),
        new LbDeletionProtectionRule(),
        new RdsBackupsRule(),
        // Secrets and providers
        new NoLiteralSecretsRule(),
        new ProviderRegionRule(),
        // Availability
        new AzLossRule(),
        new RegionLossRule(),
        // Further awsguard rules
        new Ec2DetailedMonitoringRule(),
        new KmsKeyRotationRule(),
        new NoConsoleUsersRule(),
        new SecurityGroupRuleConflictsRule(),
        new IamPolicyConflictsRule(),
        // Identities, keys and supply chain (issue 18)
        new EksCreatorNotAdminRule(),
        new KmsKeyPolicyRule(),
        new ApplianceAmiPinnedRule(),
        new ImageDigestRule(),
    ];

    /// <summary>A rule by id, or null.</summary>
    public static ICheckRule? Find(string id) => All.FirstOrDefault(r => r.Id == id);
}
