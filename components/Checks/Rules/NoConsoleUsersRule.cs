using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// awsguard iam-mfa-enabled-for-console-access, made stronger: the program creates no console
/// logins at all (its only IAM users are the registries' programmatic S3 users).
/// </summary>
public sealed class NoConsoleUsersRule : ICheckRule
{
    public string Id => "no-console-users";

    public string Reason => "the program creates no IAM console logins (aws:iam/userLoginProfile)";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.IamUserLoginProfile), _ => ["creates a console password for an IAM user"]);
    }
}
