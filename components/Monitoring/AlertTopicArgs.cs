using HarborHa.Common;

namespace HarborHa.Monitoring;

/// <summary>Inputs of <see cref="AlertTopic"/>.</summary>
public sealed record AlertTopicArgs
{
    /// <summary>The region code; it names the resources.</summary>
    public required string Region { get; init; }

    /// <summary>Addresses subscribed by email (each confirms once, from the message AWS sends). Default none.</summary>
    public IReadOnlyList<string> Emails { get; init; } = [];

    /// <summary>
    /// Topics of this region owned elsewhere (a paging or chat integration) that every alarm here also
    /// notifies. Default none.
    /// </summary>
    public IReadOnlyList<string> ExtraTopicArns { get; init; } = [];

    /// <summary>Administrators of the topic's key; empty: the account root (KMS's delegation to IAM).</summary>
    public IReadOnlyList<string> KeyAdminArns { get; init; } = [];

    /// <summary>Default <see cref="Protection.Protected"/>: the key waits 30 days before deletion.</summary>
    public Protection Protection { get; init; } = Protection.Protected;
}
