using System.CommandLine;

namespace HarborHa.Cli;

/// <summary>The <c>--stack</c> option every command shares.</summary>
public static class StackOption
{
    public static Option<string?> Create() => new("--stack", "-s")
    {
        Description = "Stack name: reads Pulumi.<stack>.yaml (ignored when PULUMI_CONFIG is set, as under Pulumi)",
    };
}
