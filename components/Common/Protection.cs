namespace HarborHa.Common;

/// <summary>How a stateful component guards its data against deletion.</summary>
public enum Protection
{
    /// <summary>
    /// Pulumi <c>protect</c>, RDS deletion protection and a final snapshot, keys with the longest
    /// deletion window, buckets that refuse to be emptied. staging and prod.
    /// </summary>
    Protected,

    /// <summary>Everything can be destroyed with <c>pulumi destroy</c>, leaving nothing behind. dev.</summary>
    Disposable,
}
