namespace HarborHa.Distribution;

/// <summary>What a push rule does with an artifact of the same name already in a replica (Harbor's rule <c>override</c>).</summary>
public enum ExistingArtifacts
{
    /// <summary>Overwrite it. The default: the primary is the only writer, so the replica's copy is stale by definition.</summary>
    Overwrite,

    /// <summary>Keep the replica's copy.</summary>
    Keep,
}
