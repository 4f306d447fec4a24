using System.Text.Json;
using System.Text.Json.Nodes;
using HarborHa.Model;

namespace HarborHa.Checks;

/// <summary>
/// Finds a bucket's settings, which aws 7 keeps in separate resources that name the bucket
/// (<c>bucket: ${b.id}</c> or <c>${b.bucket}</c>); the deprecated inline blocks of
/// <c>aws:s3/bucket:Bucket</c> count too.
/// </summary>
public static class BucketSettings
{
    /// <summary>A policy document with a duplicate key is ambiguous (which statement wins?): it is not read.</summary>
    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false };

    /// <summary>Separate settings resources of the given types whose <c>bucket</c> references the bucket.</summary>
    public static IReadOnlyList<Resource> Of(ProgramIndex index, Resource bucket, params string[] types) =>
        index.Referrers(bucket.Name, types, "bucket").ToArray();

    /// <summary>Buckets that receive logs (S3 server access logs, load balancer access logs); they cannot log to themselves.</summary>
    public static IReadOnlySet<string> LogTargets(ProgramIndex index)
    {
        var fromLogging = index.OfType(ResourceTypes.BucketLogging, ResourceTypes.BucketLoggingV2)
            .SelectMany(l => index.Targets(l.Property("targetBucket")));
        var fromInline = index.OfType(ResourceTypes.Bucket).SelectMany(b => index.Targets(b.Property("logging.targetBucket")));
        var fromLoadBalancers = index.OfType(ResourceTypes.LoadBalancers)
            .SelectMany(lb => index.Targets(lb.Property("accessLogs.bucket")).Concat(index.Targets(lb.Property("connectionLogs.bucket"))));
        return fromLogging.Concat(fromInline).Concat(fromLoadBalancers)
            .Where(b => ResourceTypes.Buckets.Contains(b.Type))
            .Select(b => b.Name)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The statements of an IAM policy document given as <c>fn::toJSON</c> of a map, or as JSON text.
    /// A document built from references only at deploy time yields nothing.
    /// </summary>
    public static IReadOnlyList<MapValue> Statements(Value? policy)
    {
        var document = policy switch
        {
            ToJson j => j.Inner,
            Text t => FromJson(t.Value),
            MapValue m => m,
            _ => null,
        };
        return Props.Items(Props.At(document, "Statement")).OfType<MapValue>().ToArray();
    }

    /// <summary>JSON text as a program value (maps, lists, literals), or null when it is not JSON.</summary>
    public static Value? FromJson(string json)
    {
        try
        {
            return Convert(JsonNode.Parse(json, null, StrictJson));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Value? Convert(JsonNode? node) => node switch
    {
        JsonObject o => new MapValue(o.Select(e => KeyValuePair.Create(e.Key, Convert(e.Value) ?? new Text("")))),
        JsonArray a => new ListValue(a.Select(i => Convert(i) ?? new Text("")).ToArray()),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => new Text(v.GetValue<string>()),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => new Flag(v.GetValue<bool>()),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var l) => new Number(l),
        JsonValue v => new Text(v.ToJsonString()),
        _ => null,
    };
}
