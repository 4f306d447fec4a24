using HarborHa.Configuration;
using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>awsguard efs-encrypted: should a file system appear (e.g. for chart volumes), it is encrypted.</summary>
public sealed class EfsEncryptedRule : ICheckRule
{
    public string Id => "efs-encrypted";

    public string Reason => "every EFS file system is encrypted at rest";

    public IEnumerable<Finding> Evaluate(PulumiProgram program, StackConfig config)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.EfsFileSystem),
            r => RuleHelpers.When(!Props.IsTrue(r.Property("encrypted")), "encrypted is not true"));
    }
}
