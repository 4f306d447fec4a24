using HarborHa.Model;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.State;

/// <summary>Lookups the state tests share: resources by name, providers' regions, nested properties.</summary>
internal static class StateTestSupport
{
    public const string RdsInstance = "aws:rds/instance:Instance";
    public const string ReplicationGroup = "aws:elasticache/replicationGroup:ReplicationGroup";
    public const string Bucket = "aws:s3/bucket:Bucket";
    public const string KmsKey = "aws:kms/key:Key";
    public const string RandomPassword = "random:index/randomPassword:RandomPassword";
    public const string IngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

    /// <summary>The types that hold Harbor's data: each must be protected outside dev.</summary>
    public static readonly string[] StatefulTypes = [RdsInstance, ReplicationGroup, Bucket, KmsKey];

    /// <summary>A property path such as <c>rules[0].destination.bucket</c>.</summary>
    public static Value? At(this Resource resource, string path)
    {
        Value current = resource.Properties;
        foreach (var part in path.Split('.'))
        {
            var name = part;
            int? index = null;
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = part[..bracket];
                index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            }

            if (current is not MapValue map || !map.TryGet(name, out var next))
            {
                return null;
            }

            current = next;
            if (index is { } i)
            {
                if (current is not ListValue list || i >= list.Items.Count)
                {
                    return null;
                }

                current = list.Items[i];
            }
        }

        return current;
    }

    public static string? TextAt(this Resource resource, string path) => resource.At(path) is Text t ? t.Value : null;

    public static long? NumberAt(this Resource resource, string path) => resource.At(path) is Number n ? n.Value : null;

    public static bool? FlagAt(this Resource resource, string path) => resource.At(path) is Flag f ? f.Value : null;

    /// <summary>The region of the AWS provider a resource is bound to.</summary>
    public static string ProviderRegion(this PulumiProgram program, Resource resource) =>
        program.Get(resource.Options.Provider!.Target).Text("region")!;

    /// <summary>Every reference inside a value, as <c>target.path</c> strings.</summary>
    public static IReadOnlyList<string> RefsIn(Value value) =>
        ValueWalker.Refs(value).Select(r => r.Path is null ? r.Target : $"{r.Target}.{r.Path}").ToArray();

    /// <summary>A stack YAML with one region entry replaced, for variations of the samples.</summary>
    public static string With(this string stackYaml, string from, string to)
    {
        Assert.Contains(from, stackYaml, StringComparison.Ordinal);
        return stackYaml.Replace(from, to, StringComparison.Ordinal);
    }

    public static PulumiProgram Synth(string yaml) => TestConfigs.Synth(yaml);
}
