using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Cluster;

/// <summary>
/// IAM documents and ARNs that differ between the <c>aws</c> and <c>aws-cn</c> partitions.
/// Source: AWS China documentation (ARNs and service principals in the China Regions).
/// </summary>
public static class IamPolicy
{
    /// <summary>An AWS managed policy in the region's partition.</summary>
    public static string Managed(Partition partition, string name) =>
        $"arn:{partition.ArnName()}:iam::aws:policy/{name}";

    /// <summary>A trust policy letting one AWS service assume the role.</summary>
    public static ToJson AssumableBy(Value servicePrincipal) => Document(new MapValue
    {
        ["Effect"] = "Allow",
        ["Principal"] = new MapValue { ["Service"] = servicePrincipal },
        ["Action"] = "sts:AssumeRole",
    });

    /// <summary>A policy document from its statements, written as JSON by the engine.</summary>
    public static ToJson Document(params MapValue[] statements) => new(new MapValue
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new ListValue(statements),
    });
}
