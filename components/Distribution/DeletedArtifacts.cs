namespace HarborHa.Distribution;

/// <summary>What replication does in the replicas when an artifact is deleted in the primary (Harbor's rule <c>deletion</c>).</summary>
public enum DeletedArtifacts
{
    /// <summary>Replicas keep it. The default: a mistaken delete in the primary does not empty every region.</summary>
    KeepInReplicas,

    /// <summary>Replicas delete it too.</summary>
    DeleteInReplicas,
}
