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
    /// <param name="minOfEachClass">At least this many upper-case letters, lower-case letters and digits, for
    /// consumers with a password policy (Harbor users and robots).</param>
    /// <param name="protection">Protected for secrets whose replacement breaks stored data (Harbor's secret key).</param>
    public static Ref Password(PulumiProgram program, string name, Ref randomProvider, int length, bool digits = true, int minOfEachClass = 0,
        Protection protection = Protection.Disposable)
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

        if (minOfEachClass > 0)
        {
            properties.Add("minUpper", minOfEachClass);
            properties.Add("minLower", minOfEachClass);
            properties.Add("minNumeric", minOfEachClass);
        }

        return program.Declare(name, ResourceTypes.RandomPassword, randomProvider, properties,
            new ResourceOptions { AdditionalSecretOutputs = ["result"], Protect = protection == Protection.Protected }).Out("result");
    }
}
