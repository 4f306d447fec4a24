using HarborHa.Model;

namespace HarborHa.Common;

/// <summary>
/// Secrets the program generates: a <c>random:</c> password whose <c>result</c> stays secret in state
/// and in every output that uses it. Letters and digits only: every consumer here (RDS, ElastiCache,
/// VPN pre-shared keys, connection strings) rejects or mangles some symbols, and length gives the strength.
/// </summary>
public static class GeneratedSecret
{
    /// <summary>Declares the password and returns a reference to its secret value.</summary>
    /// <param name="program">Program to declare into.</param>
    /// <param name="name">Logical name of the random resource.</param>
    /// <param name="randomProvider">The stack's random provider.</param>
    /// <param name="length">Characters; 40 alphanumerics are about 238 bits.</param>
    /// <param name="digits">False for consumers that refuse a leading zero (VPN pre-shared keys).</param>
    public static Ref Password(PulumiProgram program, string name, Ref randomProvider, int length, bool digits = true)
    {
        var properties = new MapValue
        {
            ["length"] = length,
            ["special"] = false,
        };
        if (!digits)
        {
            properties.Add("numeric", false);
        }

        return program.Declare(name, "random:index/randomPassword:RandomPassword", randomProvider, properties,
            new ResourceOptions { AdditionalSecretOutputs = ["result"] }).Out("result");
    }
}
