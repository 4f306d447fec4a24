namespace HarborHa.Cluster;

/// <summary>Whether the identity that deploys a cluster is made its admin.</summary>
public enum DeployerAccess
{
    /// <summary>No: only the named admin principals reach the cluster.</summary>
    None,

    /// <summary>
    /// An explicit access entry with cluster-admin for the IAM role or user behind the deploying
    /// session, looked up at deploy time; visible in the program and the state, unlike EKS's creator
    /// bootstrap. It follows whoever ran the last <c>pulumi up</c>: for disposable stacks.
    /// </summary>
    ClusterAdmin,
}
