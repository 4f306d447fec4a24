namespace HarborHa.Common;

/// <summary>
/// The AWS partition a region lives in. China regions (<c>cn-*</c>) are the separate <c>aws-cn</c>
/// partition: other accounts and credentials, other ARNs and service principals, no peering or
/// replication with <c>aws</c> (AWS China documentation).
/// </summary>
public enum Partition
{
    /// <summary>The commercial partition (<c>aws</c>): every region outside mainland China.</summary>
    Aws,

    /// <summary>AWS China (<c>aws-cn</c>): Beijing and Ningxia.</summary>
    AwsCn,
}

/// <summary>What components need to know about partitions.</summary>
public static class Partitions
{
    /// <summary>Regions whose code starts with <c>cn-</c> are in <c>aws-cn</c>; all others in <c>aws</c>.</summary>
    public static Partition Of(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? Partition.AwsCn : Partition.Aws;

    /// <summary>The partition's ARN prefix segment: <c>aws</c> or <c>aws-cn</c>.</summary>
    public static string ArnName(this Partition partition) => partition == Partition.AwsCn ? "aws-cn" : "aws";

    /// <summary>The DNS suffix of AWS service endpoints in the partition.</summary>
    public static string DnsSuffix(this Partition partition) => partition == Partition.AwsCn ? "amazonaws.com.cn" : "amazonaws.com";

    /// <summary>The side's word in logical names: <c>china</c> or <c>overseas</c> (names never change).</summary>
    public static string NameWord(this Partition partition) => partition == Partition.AwsCn ? "china" : "overseas";
}
