namespace HarborHa.Distribution;

/// <summary>
/// One push replication rule: held by <paramref name="Source"/> (always the primary), aimed at
/// <paramref name="Target"/>'s private endpoint.
/// </summary>
/// <param name="Source">Region holding the rule.</param>
/// <param name="Target">Region receiving the images.</param>
/// <param name="CrossesBorder">Whether the link joins two partitions (China and overseas, over the VPN).</param>
/// <param name="SpeedKbits">Harbor's <c>speed</c> for the rule, in Kbit/s (1 unit = 1024 bit/s); -1 for unlimited.</param>
public sealed record ReplicationLink(string Source, string Target, bool CrossesBorder, int SpeedKbits)
{
    /// <summary>Cross-border links copy blobs in chunks, so a dropped VPN connection resumes instead of restarting a layer.</summary>
    public bool CopyByChunk => CrossesBorder;
}
