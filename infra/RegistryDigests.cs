using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HarborHa.Cli;

/// <summary>
/// Resolves an image reference (<c>host/repository:tag</c>) to the digest its registry serves, with the
/// registry HTTP API (OCI distribution spec): <c>HEAD /v2/&lt;repository&gt;/manifests/&lt;tag&gt;</c>
/// accepting image indexes first (a multi-architecture image is pinned by its index), answering a
/// bearer challenge with an anonymous token, and an ECR basic challenge with the password
/// <paramref name="ecrPassword"/> gives for the registry's region. The digest is the
/// <c>Docker-Content-Digest</c> header, or the SHA-256 of the manifest body.
/// </summary>
public sealed partial class RegistryDigests(HttpMessageHandler handler, Func<string, string?> ecrPassword) : IDisposable
{
    private static readonly string[] ManifestTypes =
    [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    ];

    private readonly HttpClient _http = new(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _http.Dispose();

    public async Task<string> ResolveAsync(string reference, CancellationToken cancel)
    {
        var (host, repository, tag) = Split(reference);
        var url = new Uri($"https://{host}/v2/{repository}/manifests/{tag}");
        using var first = await SendAsync(HttpMethod.Get, url, null, cancel);
        var response = first;
        HttpResponseMessage? retried = null;
        try
        {
            if (first.StatusCode == HttpStatusCode.Unauthorized)
            {
                var authorization = await AuthorizeAsync(host, first.Headers.WwwAuthenticate.FirstOrDefault(), cancel);
                retried = await SendAsync(HttpMethod.Get, url, authorization, cancel);
                response = retried;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{host} answered {(int)response.StatusCode} for {repository}:{tag}");
            }

            if (response.Headers.TryGetValues("Docker-Content-Digest", out var values) && values.FirstOrDefault() is { } header && header.StartsWith("sha256:", StringComparison.Ordinal))
            {
                return header;
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancel);
            return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));
        }
        finally
        {
            retried?.Dispose();
        }
    }

    /// <summary><c>docker.io/goharbor/harbor-core:v2.15.1</c> → (<c>registry-1.docker.io</c>, <c>goharbor/harbor-core</c>, <c>v2.15.1</c>).</summary>
    public static (string Host, string Repository, string Tag) Split(string reference)
    {
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        var colon = reference.LastIndexOf(':');
        if (slash <= 0 || colon <= slash)
        {
            throw new ArgumentException($"'{reference}' is not host/repository:tag", nameof(reference));
        }

        var host = reference[..slash];
        return (host == "docker.io" ? "registry-1.docker.io" : host, reference[(slash + 1)..colon], reference[(colon + 1)..]);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, AuthenticationHeaderValue? authorization, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(method, url);
        foreach (var type in ManifestTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        request.Headers.Authorization = authorization;
        return await _http.SendAsync(request, cancel);
    }

    private async Task<AuthenticationHeaderValue> AuthorizeAsync(string host, AuthenticationHeaderValue? challenge, CancellationToken cancel)
    {
        if (challenge?.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) == true && EcrHost().Match(host) is { Success: true } ecr)
        {
            var password = ecrPassword(ecr.Groups[1].Value)
                ?? throw new InvalidOperationException($"{host} needs AWS credentials: aws ecr get-login-password --region {ecr.Groups[1].Value} failed");
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"AWS:{password}")));
        }

        if (challenge?.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) != true || challenge.Parameter is null)
        {
            throw new InvalidOperationException($"{host} asked for credentials harbor-ha cannot give ({challenge?.Scheme ?? "no challenge"})");
        }

        var parameters = ChallengeParameter().Matches(challenge.Parameter).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.OrdinalIgnoreCase);
        var realm = parameters.GetValueOrDefault("realm") ?? throw new InvalidOperationException($"{host}'s challenge names no realm");
        var query = string.Join('&', parameters.Where(p => p.Key is "service" or "scope").Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        var json = await _http.GetStringAsync(new Uri(query.Length == 0 ? realm : $"{realm}?{query}"), cancel);
        var token = JsonNode.Parse(json)?["token"]?.GetValue<string>() ?? JsonNode.Parse(json)?["access_token"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"{realm} gave no token");
        return new AuthenticationHeaderValue("Bearer", token);
    }

    [GeneratedRegex("^[0-9]{12}\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?$")]
    private static partial Regex EcrHost();

    [GeneratedRegex("([a-zA-Z]+)=\"([^\"]*)\"")]
    private static partial Regex ChallengeParameter();
}
