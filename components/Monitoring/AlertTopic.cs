using HarborHa.Common;
using HarborHa.Encryption;
using HarborHa.Model;

namespace HarborHa.Monitoring;

/// <summary>
/// A region's alert topic: an SNS topic encrypted with a key of its own, which CloudWatch alarms and
/// EventBridge rules of the same region and account may publish to. CloudWatch cannot publish to a
/// topic under the AWS managed key <c>alias/aws/sns</c> (its key policy cannot be changed), so the
/// key is customer managed and its policy names those two service principals (SNS developer guide,
/// "Enable compatibility between event sources from AWS services and encrypted topics").
/// </summary>
public sealed class AlertTopic
{
    /// <summary>Services allowed to publish into the topic and use its key.</summary>
    public static readonly IReadOnlyList<string> Publishers = ["cloudwatch", "events"];

    public AlertTopic(PulumiProgram program, Ref provider, AlertTopicArgs args)
    {
        Region = args.Region;
        Provider = provider;
        var partition = Partitions.Of(args.Region);
        var account = KeyPolicy.AccountId(provider);
        var principals = Value.List(Publishers.Select(p => ServicePrincipal.Of(p, partition)));
        var policy = (ToJson)KeyPolicy.Document(args.Region, provider, args.KeyAdminArns, KeyPolicy.ViaServices(args.Region, "sns"), []);
        var document = (MapValue)policy.Inner;
        var statements = ((ListValue)document["Statement"]).Items.Append(new MapValue
        {
            ["Sid"] = "AlarmsAndEventsPublish",
            ["Effect"] = "Allow",
            ["Principal"] = new MapValue { ["Service"] = principals },
            ["Action"] = Value.List("kms:Decrypt", "kms:GenerateDataKey*"),
            ["Resource"] = "*",
            ["Condition"] = new MapValue { ["StringEquals"] = new MapValue { ["aws:SourceAccount"] = account } },
        }).ToArray();
        var key = program.Declare(Name("key"), ResourceTypes.KmsKey, provider, new MapValue
        {
            ["description"] = $"harbor-ha {args.Region} alert topic",
            ["enableKeyRotation"] = true,
            ["deletionWindowInDays"] = args.Protection == Protection.Protected ? 30 : 7,
            ["policy"] = new ToJson(new MapValue { ["Version"] = document["Version"], ["Statement"] = new ListValue(statements) }),
            ["tags"] = ProgramExtensions.NameTag(Name("key")),
        }, new ResourceOptions { Protect = args.Protection == Protection.Protected });
        var topic = program.Declare(Name("topic"), ResourceTypes.SnsTopic, provider, new MapValue
        {
            ["displayName"] = $"harbor-ha {args.Region} alerts",
            ["kmsMasterKeyId"] = key.Out("arn"),
            ["tags"] = ProgramExtensions.NameTag(Name("topic")),
        });
        Arn = topic.Out("arn");
        program.Declare(Name("topic-policy"), ResourceTypes.SnsTopicPolicy, provider, new MapValue
        {
            ["arn"] = Arn,
            ["policy"] = new ToJson(new MapValue
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = Value.List(new MapValue
                {
                    ["Sid"] = "AlarmsAndEventsOfThisAccount",
                    ["Effect"] = "Allow",
                    ["Principal"] = new MapValue { ["Service"] = principals },
                    ["Action"] = "sns:Publish",
                    ["Resource"] = Arn,
                    ["Condition"] = new MapValue { ["StringEquals"] = new MapValue { ["aws:SourceAccount"] = account } },
                }),
            }),
        });
        foreach (var email in args.Emails.Order(StringComparer.Ordinal))
        {
            // Named after the address, never its position: removing one subscriber keeps the others.
            program.Declare(Name("email", Slug(email)), ResourceTypes.SnsTopicSubscription, provider, new MapValue
            {
                ["topic"] = Arn,
                ["protocol"] = "email",
                ["endpoint"] = email,
            });
        }

        Actions = [Arn, .. args.ExtraTopicArns.Order(StringComparer.Ordinal).Select(a => (Value)a)];
    }

    public string Region { get; }

    /// <summary>The region's AWS provider: alarms and rules that publish here are declared with it.</summary>
    public Ref Provider { get; }

    public Ref Arn { get; }

    /// <summary>What every alarm of the region notifies: this topic, then the configured extra topics.</summary>
    public IReadOnlyList<Value> Actions { get; }

    /// <summary>An address as a name part: <c>ops@example.com</c> → <c>ops-example-com</c>.</summary>
    public static string Slug(string text) =>
        string.Join('-', new string(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray())
            .Split('-', StringSplitOptions.RemoveEmptyEntries));

    private string Name(params string[] parts) => LogicalName.Of([Region, "alerts", .. parts]);
}
