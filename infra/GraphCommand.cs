using System.CommandLine;
using HarborHa.Stacks.Graph;

namespace HarborHa.Cli;

/// <summary><c>infra graph</c>: the stack's architecture (regions, hubs, VPN, replication, DR) as dot or Mermaid.</summary>
public static class GraphCommand
{
    public static Command Create(CliContext context)
    {
        var stack = StackOption.Create();
        var format = new Option<string>("--format", "-f") { Description = "dot or mermaid", DefaultValueFactory = _ => "mermaid" };
        format.AcceptOnlyFromAmong("dot", "mermaid");
        var command = new Command("graph", "Draw the stack's architecture (to stderr; redirect 2> to save it)") { stack, format };
        command.SetAction(parse =>
        {
            var (config, code) = context.LoadConfig(parse.GetValue(stack), stackRequired: true);
            if (config is null)
            {
                return code;
            }

            var graph = TopologyGraph.For(config);
            context.Stdout.Write(parse.GetValue(format) == "dot" ? GraphRenderer.Dot(graph) : GraphRenderer.Mermaid(graph));
            return ExitCodes.Ok;
        });
        return command;
    }
}
