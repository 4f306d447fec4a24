using HarborHa.Model;
using Xunit;

namespace HarborHa.Tests.FirstDeploy;

/// <summary>
/// Harbor's shared secrets (secret key, token key and certificate, robot secrets, admin password,
/// internal secrets) are protected outside dev: replacing the secret key makes Harbor's stored
/// registry credentials unreadable, a new token key signs everyone out, a new robot secret breaks
/// every client.
/// </summary>
public sealed class SharedSecretProtectionTests
{
    private static readonly string[] Required =
        ["global-harbor-secret-key", "global-harbor-token-key", "global-harbor-token-cert", "global-harbor-admin-password"];

    [Theory]
    [MemberData(nameof(FirstDeployConfigs.Names), MemberType = typeof(FirstDeployConfigs))]
    public void Shared_secrets_are_protected_outside_dev(string name)
    {
        var program = FirstDeployConfigs.Synth(name);
        var protect = FirstDeployConfigs.ByName(name).Environment != "dev";

        var shared = program.Resources.Where(r => r.Name.StartsWith("global-harbor-", StringComparison.Ordinal)
            && r.Type is ResourceTypes.RandomPassword or ResourceTypes.TlsPrivateKey or ResourceTypes.TlsSelfSignedCert).ToArray();
        Assert.All(Required, n => Assert.Contains(shared, r => r.Name == n));
        if (FirstDeployConfigs.ByName(name).Topology == "geo")
        {
            Assert.Contains(shared, r => r.Name.StartsWith("global-harbor-robot-", StringComparison.Ordinal));
        }

        Assert.All(shared, r => Assert.True(r.Options.Protect == protect, $"{r.Name}: protect is {r.Options.Protect}"));
    }
}
