using HarborHa.Model;
using YamlDotNet.RepresentationModel;

namespace HarborHa.Tests.Support;

/// <summary>Each resource of a program as the YAML the engine would see, for comparing two programs resource by resource.</summary>
public static class ResourceSnapshot
{
    public static IReadOnlyDictionary<string, string> Of(PulumiProgram program)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(YamlWriter.Write(program)));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var resources = (YamlMappingNode)root.Children[new YamlScalarNode("resources")];
        return resources.Children.ToDictionary(
            e => ((YamlScalarNode)e.Key).Value!,
            e =>
            {
                var doc = new YamlStream(new YamlDocument(e.Value));
                using var writer = new StringWriter();
                doc.Save(writer, assignAnchors: false);
                return writer.ToString();
            },
            StringComparer.Ordinal);
    }
}
