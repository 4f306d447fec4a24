namespace HarborHa.Configuration;

/// <summary>
/// The usage that list prices are multiplied by where the program alone cannot tell it (GB stored,
/// GB transferred, load). Set per stack with <c>harbor-ha:costAssumptions</c> (every field optional);
/// the defaults describe a modest production registry and are printed with every estimate.
/// </summary>
public sealed record CostAssumptions
{
    /// <summary><c>natDataGbPerGateway</c>: GB processed per NAT gateway a month (image pulls from public registries, OS updates). Default 100.</summary>
    public decimal NatDataGbPerGateway { get; init; } = 100;

    /// <summary><c>albLcus</c>: average load balancer capacity units per ALB (1 LCU = 1 GB/hour or 25 new connections/s). Default 1.</summary>
    public decimal AlbLcus { get; init; } = 1;

    /// <summary><c>registryStorageGb</c>: GB of images (with noncurrent versions) in each region's registry bucket; its DR replica holds the same. Default 500.</summary>
    public decimal RegistryStorageGb { get; init; } = 500;

    /// <summary><c>logBucketGb</c>: GB of ALB and S3 access logs kept in each region's log bucket. Default 50.</summary>
    public decimal LogBucketGb { get; init; } = 50;

    /// <summary><c>replicationGbPerMonth</c>: GB of new registry objects copied to the DR bucket a month (cross-region transfer). Default 100.</summary>
    public decimal ReplicationGbPerMonth { get; init; } = 100;

    /// <summary>
    /// <c>dbBackupBeyondFreeGb</c>: GB of RDS backup storage above the free allowance (100% of
    /// provisioned storage). Harbor's metadata database is small against its provisioned storage,
    /// so backups rarely exceed it. Default 10.
    /// </summary>
    public decimal DbBackupBeyondFreeGb { get; init; } = 10;

    /// <summary><c>dbBackupReplicaFactor</c>: size of the replicated automated backups in the DR region as a multiple of the source's allocated storage (no free allowance there). Default 1.</summary>
    public decimal DbBackupReplicaFactor { get; init; } = 1;

    /// <summary><c>dbBackupReplicationGbPerMonth</c>: GB of backups and logs copied to the DR region a month. Default 30.</summary>
    public decimal DbBackupReplicationGbPerMonth { get; init; } = 30;

    /// <summary><c>logIngestGbPerGroup</c>: GB ingested a month into each CloudWatch log group other than flow logs (EKS control plane, VPN tunnels). Default 2.</summary>
    public decimal LogIngestGbPerGroup { get; init; } = 2;

    /// <summary><c>flowLogIngestGbPerVpc</c>: GB of VPC flow logs ingested a month per VPC. Default 10.</summary>
    public decimal FlowLogIngestGbPerVpc { get; init; } = 10;

    /// <summary><c>transitGbPerAttachment</c>: GB processed a month per Transit Gateway VPC attachment (Harbor replication, DNS). Default 50.</summary>
    public decimal TransitGbPerAttachment { get; init; } = 50;

    /// <summary><c>peeringGbPerMonth</c>: GB crossing each Transit Gateway peering a month (billed as inter-region transfer). Default 50.</summary>
    public decimal PeeringGbPerMonth { get; init; } = 50;

    /// <summary><c>cnyPerUsd</c>: conversion of China's CNY prices; null uses the price table's dated rate. <c>--cny-per-usd</c> overrides both.</summary>
    public decimal? CnyPerUsd { get; init; }

    /// <summary><c>eksSupportDate</c>: the day on which a Kubernetes version's support window (standard or extended price) is judged; null uses the price table's date.</summary>
    public DateOnly? EksSupportDate { get; init; }

    /// <summary>The config field names, as documented in README.md.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "albLcus", "cnyPerUsd", "dbBackupBeyondFreeGb", "dbBackupReplicaFactor", "dbBackupReplicationGbPerMonth", "eksSupportDate",
        "flowLogIngestGbPerVpc", "logBucketGb", "logIngestGbPerGroup", "natDataGbPerGateway", "peeringGbPerMonth", "registryStorageGb",
        "replicationGbPerMonth", "transitGbPerAttachment",
    ];
}
