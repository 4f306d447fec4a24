using System.Net;
using HarborHa.Cli;
using HarborHa.Configuration;
using HarborHa.Model;
using HarborHa.Registry;
using HarborHa.Stacks;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.Security;

/// <summary>The image lock: resolving digests over the registry API, the lock file, and the program pinning by digest.</summary>
public sealed class ImageLockTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /// <summary>A registry that asks for a bearer token, hands one out, then serves the manifest's digest.</summary>
    private sealed class FakeRegistry : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request.RequestUri!.ToString());
            HttpResponseMessage response;
            if (request.RequestUri!.Host == "auth.example.org")
            {
                response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"token\":\"t0k3n\"}") };
            }
            else if (request.Headers.Authorization is null)
            {
                response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
                response.Headers.WwwAuthenticate.ParseAdd("Bearer realm=\"https://auth.example.org/token\",service=\"registry.docker.io\",scope=\"repository:goharbor/harbor-core:pull\"");
            }
            else
            {
                response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
                response.Headers.Add("Docker-Content-Digest", Digest);
            }

            return Task.FromResult(response);
        }
    }

    private sealed class Offline : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException($"Name or service not known ({request.RequestUri!.Host}:443)");
    }

    [Fact]
    public async Task A_digest_is_resolved_through_the_registry_api_with_an_anonymous_token()
    {
        using var registry = new FakeRegistry();
        using var digests = new RegistryDigests(registry, _ => null);

        var digest = await digests.ResolveAsync("docker.io/goharbor/harbor-core:v2.15.1", CancellationToken.None);

        Assert.Equal(Digest, digest);
        Assert.Equal("https://registry-1.docker.io/v2/goharbor/harbor-core/manifests/v2.15.1", registry.Requests[0]);
        Assert.Contains(registry.Requests, r => r.StartsWith("https://auth.example.org/token?service=registry.docker.io&scope=", StringComparison.Ordinal));
    }

    [Fact]
    public void The_lock_round_trips_sorted_and_refuses_a_malformed_digest()
    {
        var text = ImageLock.Render(new Dictionary<string, string> { ["z/b:1"] = Digest, ["a/b:1"] = Digest });

        Assert.True(text.IndexOf("a/b:1", StringComparison.Ordinal) < text.IndexOf("z/b:1", StringComparison.Ordinal));
        Assert.Equal(Digest, ImageLock.Parse(text)["a/b:1"]);
        var error = Assert.Throws<ConfigException>(() => ImageLock.Parse("{\"images\":{\"a/b:1\":\"sha256:nope\"}}"));
        Assert.Contains(error.Errors, e => e.Key.StartsWith(ImageLock.FileName, StringComparison.Ordinal));
    }

    [Fact]
    public void Offline_the_lock_command_fails_clearly_and_writes_nothing()
    {
        var dir = HarborHa.Tests.Cli.CliRunner.ProjectWith("dev", TestConfigs.SingleSite);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, new Dictionary<string, string?>(), dir);
        var command = new System.CommandLine.RootCommand { ImagesCommand.Create(context, () => new Offline()) };

        var code = command.Parse(["images", "lock"]).Invoke();

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains($"could not be resolved", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("registry-1.docker.io", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, ImageLock.FileName)));
        Assert.Equal(ImageInventory.All.Count, stderr.ToString().Split('\n').Count(l => l.StartsWith("  ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Images_the_lock_lists_run_by_digest_in_both_partitions()
    {
        var locked = ImageInventory.All.ToDictionary(i => i, _ => Digest, StringComparer.Ordinal);
        var config = TestConfigs.Parse(TestConfigs.Geo) with { ImageDigests = locked };
        var program = Synthesizer.Build(config);

        foreach (var region in new[] { "cn-north-1", "eu-central-1" })
        {
            var values = (MapValue)program.Get($"{region}-harbor-release").Properties["values"];
            Assert.Equal((Value)$"{HarborImages.Tag}@{Digest}", ((MapValue)((MapValue)values["core"])["image"])["tag"]);
            var controller = (MapValue)program.Get($"{region}-cluster-lb-controller-release").Properties["values"];
            Assert.EndsWith($"@{Digest}", ((Text)((MapValue)controller["image"])["tag"]).Value, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Checked(new HarborHa.Checks.Rules.ImageDigestRule(), program),
            f => f.Resource.EndsWith("-harbor-release", StringComparison.Ordinal) || f.Resource.EndsWith("-lb-controller-release", StringComparison.Ordinal));
    }

    /// <summary>A rule's findings on a program as <c>infra check</c> reports them (accepted trade-offs marked).</summary>
    private static IEnumerable<HarborHa.Checks.Finding> Checked(HarborHa.Checks.ICheckRule rule, HarborHa.Model.PulumiProgram program) =>
        HarborHa.Checks.CheckRunner.Run(program, [rule]).Results.Single().Findings;
}
