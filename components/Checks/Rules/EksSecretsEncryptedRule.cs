using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>Envelope encryption of Kubernetes Secrets (they hold Harbor's database, Redis and S3 credentials).</summary>
public sealed class EksSecretsEncryptedRule : ICheckRule
{
    public string Id => "eks-secrets-encrypted";

    public string Reason => "the cluster's secret store is encrypted with a KMS key (encryptionConfig with resources [secrets])";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        return RuleHelpers.Each(index.OfType(ResourceTypes.EksCluster), Problems);
    }

    private static IEnumerable<string> Problems(Resource r)
    {
        var encryption = r.Property("encryptionConfig");
        if (encryption is null)
        {
            yield return "encryptionConfig is not set";
            yield break;
        }

        if (!Props.Texts(Props.At(encryption, "resources")).Contains("secrets"))
        {
            yield return "encryptionConfig.resources does not include secrets";
        }

        if (!Props.IsSet(Props.At(encryption, "provider.keyArn")))
        {
            yield return "encryptionConfig.provider.keyArn is not set";
        }
    }
}
