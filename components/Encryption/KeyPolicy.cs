using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Encryption;

/// <summary>
/// Explicit KMS key policies. KMS's default key policy gives the account root <c>kms:*</c>, so any
/// principal whose IAM policy allows <c>kms:Decrypt</c> on <c>*</c> could decrypt RDS, S3 and EKS
/// secret data directly. These policies split the key's two audiences (KMS Developer Guide, "Key
/// policies", key administrators and key users):
/// <list type="bullet">
/// <item>administration (describe, enable, rotate, tag, change the policy, schedule deletion) by the
/// named key administrators, or by the account root (which delegates it to IAM) when none are named.
/// Administrators get neither cryptographic use nor <c>kms:CreateGrant</c>;</item>
/// <item>use only through the services that own the data (<c>kms:ViaService</c>, as AWS managed keys
/// do), in the key's own account (<c>kms:CallerAccount</c>); grants only for AWS resources
/// (<c>kms:GrantIsForAWSResource</c>), which is how RDS, ElastiCache and EKS hold on to a key;</item>
/// <item>and, where a service acts through a role of the program (the EKS control plane), that role.</item>
/// </list>
/// Principals that use a key through a service still need an IAM permission (the registry user, the
/// replication role): the key policy only narrows what IAM may grant. KMS refuses a policy that
/// would lock out the principal setting it, so named administrators must include whoever runs
/// <c>pulumi up</c>.
/// </summary>
public static class KeyPolicy
{
    /// <summary>What a key administrator may do: everything but use the key or grant its use.</summary>
    public static readonly IReadOnlyList<string> AdministrationActions =
    [
        "kms:CancelKeyDeletion", "kms:CreateAlias", "kms:DeleteAlias", "kms:DescribeKey", "kms:DisableKey",
        "kms:DisableKeyRotation", "kms:EnableKey", "kms:EnableKeyRotation", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus",
        "kms:ListAliases", "kms:ListGrants", "kms:ListKeyPolicies", "kms:ListKeyRotations", "kms:ListResourceTags",
        "kms:PutKeyPolicy", "kms:RevokeGrant", "kms:RotateKeyOnDemand", "kms:ScheduleKeyDeletion", "kms:TagResource",
        "kms:UntagResource", "kms:UpdateAlias", "kms:UpdateKeyDescription",
    ];

    /// <summary>Cryptographic use of a symmetric key by a service on a caller's behalf.</summary>
    public static readonly IReadOnlyList<string> UseActions =
        ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"];

    /// <summary>What services need to keep using a key for a resource (RDS, ElastiCache, EKS hold grants).</summary>
    public static readonly IReadOnlyList<string> GrantActions = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"];

    /// <summary>The account's id in the key's region, from the provider's credentials.</summary>
    public static Invoke AccountId(Ref provider) => new(ResourceTypes.GetCallerIdentity, new MapValue(), provider, "accountId");

    /// <summary><c>arn:&lt;partition&gt;:iam::&lt;account&gt;:root</c>: the account, which delegates to IAM.</summary>
    public static Value AccountRoot(Partition partition, Value accountId) =>
        new Join("", Value.List($"arn:{partition.ArnName()}:iam::", accountId, ":root"));

    /// <summary>
    /// <c>kms:ViaService</c> values for services in a region:
    /// <c>&lt;service&gt;.&lt;region&gt;.amazonaws.com</c> (<c>.com.cn</c> in the China partition).
    /// </summary>
    public static IReadOnlyList<string> ViaServices(string region, params string[] services) =>
        services.Select(s => $"{s}.{region}.{Partitions.Of(region).DnsSuffix()}").ToArray();

    /// <summary>
    /// A key policy document.
    /// </summary>
    /// <param name="region">The key's region (partition and service names).</param>
    /// <param name="provider">A provider of the key's account in the key's partition (its account id); a DR
    /// key uses its source region's, so that the lookup is named for the region the key belongs to.</param>
    /// <param name="administrators">IAM principals that administer the key; empty: the account root.</param>
    /// <param name="viaServices">Services (<see cref="ViaServices"/>) through which the account's principals may use the key.</param>
    /// <param name="directUsers">Roles that use the key themselves (e.g. the EKS control plane role); may be empty.</param>
    public static ToJson Document(string region, Ref provider, IReadOnlyList<string> administrators, IReadOnlyList<string> viaServices, IReadOnlyList<Value> directUsers)
    {
        var partition = Partitions.Of(region);
        var account = AccountId(provider);
        var root = AccountRoot(partition, account);
        var ownAdministrators = administrators.Where(a => a.StartsWith($"arn:{partition.ArnName()}:", StringComparison.Ordinal)).ToArray();
        var statements = new List<Value>
        {
            new MapValue
            {
                ["Sid"] = "KeyAdministration",
                ["Effect"] = "Allow",
                ["Principal"] = new MapValue { ["AWS"] = ownAdministrators.Length == 0 ? root : Value.List(ownAdministrators) },
                ["Action"] = Value.List(AdministrationActions),
                ["Resource"] = "*",
            },
            new MapValue
            {
                ["Sid"] = "UseThroughOwningServices",
                ["Effect"] = "Allow",
                ["Principal"] = new MapValue { ["AWS"] = root },
                ["Action"] = Value.List(UseActions),
                ["Resource"] = "*",
                ["Condition"] = new MapValue
                {
                    ["StringEquals"] = new MapValue
                    {
                        ["kms:ViaService"] = Value.List(viaServices),
                        ["kms:CallerAccount"] = account,
                    },
                },
            },
            new MapValue
            {
                ["Sid"] = "GrantsForOwningServices",
                ["Effect"] = "Allow",
                ["Principal"] = new MapValue { ["AWS"] = root },
                ["Action"] = Value.List(GrantActions),
                ["Resource"] = "*",
                ["Condition"] = new MapValue
                {
                    ["StringEquals"] = new MapValue
                    {
                        ["kms:ViaService"] = Value.List(viaServices),
                        ["kms:CallerAccount"] = account,
                    },
                    ["Bool"] = new MapValue { ["kms:GrantIsForAWSResource"] = "true" },
                },
            },
        };
        if (directUsers.Count > 0)
        {
            statements.Add(new MapValue
            {
                ["Sid"] = "UseByServiceRoles",
                ["Effect"] = "Allow",
                ["Principal"] = new MapValue { ["AWS"] = new ListValue(directUsers.ToArray()) },
                ["Action"] = Value.List("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:ListGrants"),
                ["Resource"] = "*",
            });
        }

        return new ToJson(new MapValue
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new ListValue(statements.ToArray()),
        });
    }
}
