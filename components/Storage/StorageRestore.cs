namespace HarborHa.Storage;

/// <summary>How a rebuilt region gets its registry objects back.</summary>
public enum StorageRestore
{
    /// <summary>Use the region's own bucket (it survived or is empty).</summary>
    None,

    /// <summary>Point Harbor at the DR bucket directly (fastest; the DR bucket becomes the live one).</summary>
    UseDr,

    /// <summary>Replicate the DR bucket back into a new regional bucket (S3 batch replication, run by the runbook).</summary>
    CopyFromDr,
}
