using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Distribution;

/// <summary>
/// The robots' secrets: one <c>random:</c> password per role, global, so every region's robot of
/// that role gets the same secret and one credential works everywhere.
/// </summary>
public sealed class DistributionCredentials
{
    private readonly Dictionary<RobotRole, Ref> _secrets = [];

    /// <param name="program">Program to declare into.</param>
    /// <param name="randomProvider">The stack's random provider.</param>
    /// <param name="protection">Protected outside dev: a replaced secret breaks every client logged in with it.</param>
    public DistributionCredentials(PulumiProgram program, Ref randomProvider, Protection protection = Protection.Protected)
    {
        foreach (var role in Enum.GetValues<RobotRole>())
        {
            // Harbor accepts robot secrets of 8-128 characters with an upper-case letter, a lower-case
            // letter and a digit; no special characters keeps docker login and shell quoting simple.
            _secrets[role] = GeneratedSecret.Password(program, LogicalName.Of("global", "harbor", "robot", RobotPermissions.Name(role), "secret"),
                randomProvider, 40, minOfEachClass: 2, protection: protection);
        }
    }

    /// <summary>The secret of a role's robot, wrapped so it stays secret wherever it goes.</summary>
    public Value SecretOf(RobotRole role) => new Secret(_secrets[role]);
}
