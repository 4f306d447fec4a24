using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Registry;

/// <summary>
/// Harbor's fixed internal secrets, generated once per stack (<c>global-harbor-*</c>) and shared
/// by every region: all pods of a region must agree on them, they must not change between deploys
/// (a new <c>secretKey</c> makes stored registry credentials unreadable; a new token key logs
/// everyone out), and replication between regions needs the same token certificate everywhere.
/// Lengths follow the chart's values.yaml: 16 characters for the core, job service, registry and
/// encryption secrets, 32 for the XSRF key (harbor#21154).
/// </summary>
public sealed class HarborSharedSecrets
{
    /// <summary>The user name in the registry's htpasswd (the chart's default).</summary>
    public const string RegistryUser = "harbor_registry_user";

    private HarborSharedSecrets()
    {
    }

    /// <summary>Initial password of Harbor's <c>admin</c> user (Harbor only reads it on first start).</summary>
    public Ref AdminPassword { get; } = new(Name("admin-password"), "result");

    /// <summary>Shared secret between core and the other components.</summary>
    public Ref CoreSecret { get; } = new(Name("core-secret"), "result");

    public Ref JobserviceSecret { get; } = new(Name("jobservice-secret"), "result");

    public Ref RegistryHttpSecret { get; } = new(Name("registry-http-secret"), "result");

    /// <summary>Key Harbor encrypts stored secrets (e.g. replication credentials) with.</summary>
    public Ref EncryptionKey { get; } = new(Name("secret-key"), "result");

    public Ref XsrfKey { get; } = new(Name("xsrf-key"), "result");

    /// <summary>Password core uses towards the registry.</summary>
    public Ref RegistryPassword { get; } = new(Name("registry-password"), "result");

    /// <summary><c>harbor_registry_user:&lt;bcrypt&gt;</c>: bcrypt is the only hash the registry's htpasswd accepts.</summary>
    public Interpolation RegistryHtpasswd { get; } = new($"{RegistryUser}:", new Ref(Name("registry-password"), "bcryptHash"));

    /// <summary>Private key that signs registry tokens.</summary>
    public Ref TokenKey { get; } = new(Name("token-key"), "privateKeyPem");

    /// <summary>Certificate the registry verifies tokens with.</summary>
    public Ref TokenCertificate { get; } = new(Name("token-cert"), "certPem");

    /// <summary>Logical name of a shared secret: <c>global-harbor-&lt;role&gt;</c>.</summary>
    public static string Name(string role) => LogicalName.Of("global", "harbor", role);

    /// <summary>
    /// Declares the stack's shared secrets; the caller does it once and hands the result to every
    /// region's Harbor. Protected by default: a replaced secret key makes every stored registry
    /// credential unreadable and a replaced token key signs everyone out.
    /// </summary>
    public static HarborSharedSecrets Declare(PulumiProgram program, GlobalProviders global, Protection protection = Protection.Protected)
    {
        var secrets = new HarborSharedSecrets();
        var options = new ResourceOptions { Provider = global.Tls, Protect = protection == Protection.Protected };

        // Alphanumeric: these end up in URLs, env files and htpasswd lines; length gives the strength.
        // Harbor's password policy (admin): at least one upper case letter, one lower case letter and one digit.
        void Password(string role, int length, bool mixed = false) =>
            GeneratedSecret.Password(program, Name(role), global.Random, length, minOfEachClass: mixed ? 1 : 0, protection: protection);

        Password("admin-password", 24, mixed: true);
        Password("core-secret", 16);
        Password("jobservice-secret", 16);
        Password("registry-http-secret", 16);
        Password("secret-key", 16);
        Password("xsrf-key", 32);
        Password("registry-password", 32);

        var key = program.Add(Name("token-key"), ResourceTypes.TlsPrivateKey, new MapValue
        {
            ["algorithm"] = "RSA",
            ["rsaBits"] = 4096,
        }, options);
        program.Add(Name("token-cert"), ResourceTypes.TlsSelfSignedCert, new MapValue
        {
            ["privateKeyPem"] = key.Out("privateKeyPem"),
            ["subject"] = new MapValue { ["commonName"] = "harbor-token-ca", ["organization"] = "harbor-ha" },
            // Ten years: rotating it signs every user out, so it is rotated on purpose (docs/operations.md).
            ["validityPeriodHours"] = 24 * 365 * 10,
            ["isCaCertificate"] = true,
            ["allowedUses"] = Value.List("digital_signature", "key_encipherment", "cert_signing"),
        }, options);

        program.AddOutput("harborAdminPassword", new Secret(secrets.AdminPassword));
        return secrets;
    }
}
