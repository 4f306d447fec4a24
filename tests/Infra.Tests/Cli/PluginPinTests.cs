using HarborHa.Stacks;
using HarborHa.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace HarborHa.Tests.Cli;

/// <summary>
/// pulumi-yaml type-checks a resource against the schema of the plugin version the resource names,
/// and without one against whatever version is installed; the package declarations under
/// infra/plugins pin every package for type-checking too, at the versions the providers deploy.
/// </summary>
public class PluginPinTests
{
    [Fact]
    public void Every_provider_package_has_a_package_declaration_at_its_pinned_version()
    {
        var declared = Directory.GetFiles(Path.Combine(TestConfigs.RepoRoot(), "infra", "plugins"), "*.yaml").Select(file =>
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            Assert.Equal("1", root["packageDeclarationVersion"].ToString());
            var url = root.Children.TryGetValue(new YamlScalarNode("downloadUrl"), out var u) ? u.ToString() : null;
            return (Name: root["name"].ToString(), Version: root["version"].ToString(), Url: url);
        }).OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();

        var pinned = Synthesizer.ProvidersOnly().Resources
            .Select(p => (Name: p.Package, Version: p.Options.Version!, Url: p.Options.PluginDownloadUrl))
            .Distinct()
            .OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();
        Assert.Equal(pinned, declared);
    }
}
