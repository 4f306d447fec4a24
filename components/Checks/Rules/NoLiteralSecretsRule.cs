using System.Text.RegularExpressions;
using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// No secret is a literal anywhere in the program (DESIGN.md: a secret value is never written
/// into the YAML). Passwords, tokens and keys come from <c>random:</c>/<c>tls:</c> resources, other
/// resources' outputs, or config entries declared secret. A <c>fn::secret</c> around a literal does
/// not help: the literal is still in the program text. Findings name the property path only.
/// </summary>
public sealed partial class NoLiteralSecretsRule : ICheckRule
{
    /// <summary>Words that mark a property as holding a secret, compared without case, dashes or underscores.</summary>
    private static readonly string[] SecretWords =
        ["password", "passwd", "secret", "token", "privatekey", "presharedkey", "apikey", "xsrfkey", "authkey", "credential"];

    /// <summary>Endings that make such a name a reference to a secret rather than the secret itself.</summary>
    private static readonly string[] ReferenceSuffixes =
        ["arn", "id", "ids", "name", "names", "ref", "type", "strategy", "version", "length", "enabled", "path", "field", "mounttype",
         "url", "endpoint", "file", "mode", "ttl", "policy", "provider", "keyformat", "expiration"];

    /// <summary>Settings whose names contain a secret word but hold a mode (EC2 metadataOptions.httpTokens: required/optional).</summary>
    private static readonly HashSet<string> NotSecrets = new(StringComparer.Ordinal) { "httptokens" };

    public string Id => "no-literal-secrets";

    public string Reason => "passwords, tokens and keys are never literals in the program; they come from secret values and references";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var configs = program.Config.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var findings = new List<Finding>();
        foreach (var r in program.Resources)
        {
            var allSecret = r.Type == ResourceTypes.KubernetesSecret;
            foreach (var (key, value) in r.Properties)
            {
                // Every entry of a Kubernetes Secret's data is secret, whatever its key.
                var secretScope = allSecret && key is "data" or "stringData";
                Walk(value, key, LooksSecret(key), secretScope, configs, p => findings.Add(new Finding(r.Name, p)));
            }
        }

        foreach (var (name, value) in program.Variables)
        {
            Walk(value, $"variable {name}", LooksSecret(name), false, configs, p => findings.Add(new Finding(name, p)));
        }

        foreach (var (name, value) in program.Outputs)
        {
            Walk(value, $"output {name}", LooksSecret(name), false, configs, p => findings.Add(new Finding(name, p)));
        }

        foreach (var c in program.Config.Where(c => LooksSecret(c.Name)))
        {
            if (!c.IsSecret)
            {
                findings.Add(new Finding(c.Name, "config entry looks like a secret but is not declared secret"));
            }

            if (c.Default is { Length: > 0 })
            {
                findings.Add(new Finding(c.Name, "config entry that looks like a secret has a literal default"));
            }
        }

        return findings;
    }

    /// <summary>Whether a property or entry name says it holds a secret value.</summary>
    public static bool LooksSecret(string name)
    {
        var key = new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        if (key.StartsWith("existing", StringComparison.Ordinal) || NotSecrets.Contains(key))
        {
            return false; // Helm charts' existingSecret and the like name a Kubernetes Secret.
        }

        return SecretWords.Any(w => key.Contains(w, StringComparison.Ordinal)) &&
            !ReferenceSuffixes.Any(s => key.EndsWith(s, StringComparison.Ordinal) && !SecretWords.Any(w => key.EndsWith(w, StringComparison.Ordinal)));
    }

    private static void Walk(Value value, string path, bool secretKey, bool secretScope, Dictionary<string, ConfigDeclaration> configs, Action<string> report)
    {
        var isSecret = secretKey || secretScope;
        switch (value)
        {
            case Text t:
                if (isSecret && t.Value.Length > 0)
                {
                    report($"{path} is a literal");
                }
                else if (Pattern(t.Value) is { } kind)
                {
                    report($"{path} holds a literal {kind}");
                }

                break;
            case Secret s when !ValueWalker.Refs(s.Inner).Any() && s.Inner is not (Invoke or MapValue or ListValue):
                report($"{path} wraps a literal in fn::secret: the literal is still written into the program");
                break;
            case Secret s:
                Walk(s.Inner, path, secretKey, secretScope, configs, report);
                break;
            case Ref r when isSecret && configs.TryGetValue(r.Target, out var c) && !c.IsSecret:
                report($"{path} reads config '{r.Target}', which is not declared secret");
                break;
            case Interpolation i:
                if (isSecret && !i.Parts.OfType<Ref>().Any())
                {
                    report($"{path} is a literal");
                }

                foreach (var part in i.Parts.OfType<Text>())
                {
                    if (Pattern(part.Value) is { } kind)
                    {
                        report($"{path} holds a literal {kind}");
                    }
                }

                break;
            case MapValue map:
                foreach (var (key, v) in map)
                {
                    Walk(v, $"{path}.{key}", LooksSecret(key), secretScope, configs, report);
                }

                break;
            case ListValue list:
                for (var n = 0; n < list.Items.Count; n++)
                {
                    Walk(list.Items[n], $"{path}[{n}]", secretKey, secretScope, configs, report);
                }

                break;
            case ToJson j:
                Walk(j.Inner, path, secretKey, secretScope, configs, report);
                break;
            case ToBase64 b:
                Walk(b.Inner, path, secretKey, secretScope, configs, report);
                break;
            case Join j:
                Walk(j.Items, path, secretKey, secretScope, configs, report);
                break;
            case Select s:
                Walk(s.Items, path, secretKey, secretScope, configs, report);
                break;
            case Invoke inv:
                Walk(inv.Arguments, $"{path}(invoke {inv.Function})", false, false, configs, report);
                break;
            default:
                break;
        }
    }

    /// <summary>Recognises secrets by their shape, whatever property holds them.</summary>
    private static string? Pattern(string text)
    {
        if (AccessKeyPattern().IsMatch(text))
        {
            return "AWS access key id";
        }

        if (PrivateKeyPattern().IsMatch(text))
        {
            return "PEM private key";
        }

        return UrlPasswordPattern().IsMatch(text) ? "password inside a URL" : null;
    }

    [GeneratedRegex(@"\b(AKIA|ASIA)[0-9A-Z]{16}\b")]
    private static partial Regex AccessKeyPattern();

    [GeneratedRegex(@"-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----")]
    private static partial Regex PrivateKeyPattern();

    [GeneratedRegex(@"[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPasswordPattern();
}
