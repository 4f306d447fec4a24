using CustomTopology;
using HarborHa.Model;

// Prints the Pulumi YAML program of the example topology; put it behind Pulumi YAML's `compiler`
// option like harbor-ha's own Pulumi.yaml does.
Console.Out.Write(YamlWriter.Write(TeamRegistry.Build()));
