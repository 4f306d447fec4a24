namespace HarborHa.Cli;

/// <summary>Exit codes every command shares; pipelines rely on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A check or diff found a problem, or the program graph is invalid (a bug).</summary>
    public const int Failed = 1;

    /// <summary>The config (or the command line) is invalid; nothing was written.</summary>
    public const int BadInput = 2;
}
