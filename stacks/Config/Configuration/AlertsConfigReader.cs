using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HarborHa.Configuration;

/// <summary>Reads <c>harbor-ha:alerts</c>.</summary>
public static partial class AlertsConfigReader
{
    private static readonly string[] Fields = ["emails", "thresholds", "topicArns"];

    public static AlertsConfig Read(NodeReader read, string key, JsonNode? node, IReadOnlyList<RegionConfig>? regions)
    {
        if (node is null)
        {
            return new AlertsConfig();
        }

        var obj = read.Object(key, node);
        if (obj is null)
        {
            return new AlertsConfig();
        }

        read.RejectUnknownFields(key, obj, Fields);
        var emails = read.Strings($"{key}.emails", obj["emails"]) ?? [];
        for (var i = 0; i < emails.Count; i++)
        {
            if (!EmailPattern().IsMatch(emails[i]))
            {
                read.Error($"{key}.emails[{i}]", $"must be an email address such as ops@example.com (got '{emails[i]}')");
            }
        }

        if (emails.Distinct(StringComparer.OrdinalIgnoreCase).Count() != emails.Count)
        {
            read.Error($"{key}.emails", "lists an address twice");
        }

        var arns = read.Strings($"{key}.topicArns", obj["topicArns"]) ?? [];
        for (var i = 0; i < arns.Count; i++)
        {
            if (!TopicArnPattern().IsMatch(arns[i]))
            {
                read.Error($"{key}.topicArns[{i}]", $"must be an SNS topic ARN such as arn:aws:sns:ap-southeast-1:111122223333:oncall (got '{arns[i]}')");
            }
            else if (regions is not null && regions.All(r => r.Name != AlertsConfig.RegionOf(arns[i])))
            {
                read.Error($"{key}.topicArns[{i}]", $"is in {AlertsConfig.RegionOf(arns[i])}, which is not a region of this stack: an alarm notifies only topics of its own region");
            }
        }

        var thresholds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        if (obj["thresholds"] is { } t && read.Object($"{key}.thresholds", t) is { } map)
        {
            foreach (var (name, value) in map)
            {
                var path = $"{key}.thresholds.{name}";
                if (!AlertsConfig.ThresholdNames.Contains(name))
                {
                    read.Error(path, "is not a known alarm threshold" + Suggestion.For(name, AlertsConfig.ThresholdNames));
                    continue;
                }

                if (read.Integer(path, value, 0, 1_000_000) is { } n)
                {
                    thresholds[name] = (int)n;
                }
            }
        }

        return new AlertsConfig { Emails = emails, TopicArns = arns, Thresholds = thresholds };
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^arn:aws(-cn)?:sns:[a-z]{2}(-[a-z]+)+-\d:\d{12}:[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex TopicArnPattern();
}
