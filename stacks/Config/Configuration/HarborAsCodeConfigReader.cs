using System.Text.Json.Nodes;

namespace HarborHa.Configuration;

/// <summary>Reads <c>harbor-ha:garbageCollection</c> and <c>harbor-ha:robots</c>.</summary>
internal static class HarborAsCodeConfigReader
{
    private static readonly string[] Words = ["hourly", "daily", "weekly"];

    public static GarbageCollectionConfig ReadGarbageCollection(NodeReader read, string key, JsonNode? node)
    {
        var gc = new GarbageCollectionConfig();
        var obj = read.Object(key, node);
        if (obj is null)
        {
            return gc;
        }

        read.RejectUnknownFields(key, obj, ["deleteUntagged", "schedule"]);
        var schedule = read.String($"{key}.schedule", obj["schedule"]);
        if (schedule is not null && !Words.Contains(schedule) && !DistributionConfigReader.IsHarborCron(schedule))
        {
            read.Error($"{key}.schedule", $"must be hourly, daily, weekly or a Harbor cron of six fields, seconds first, e.g. '0 0 4 * * 0' (got '{schedule}')");
            schedule = null;
        }

        return gc with
        {
            Schedule = schedule ?? gc.Schedule,
            DeleteUntagged = read.Boolean($"{key}.deleteUntagged", obj["deleteUntagged"]) ?? gc.DeleteUntagged,
        };
    }

    public static RobotsConfig ReadRobots(NodeReader read, string key, JsonNode? node)
    {
        var robots = new RobotsConfig();
        var obj = read.Object(key, node);
        if (obj is null)
        {
            return robots;
        }

        read.RejectUnknownFields(key, obj, ["durationDays"]);
        return robots with { DurationDays = (int?)read.Integer($"{key}.durationDays", obj["durationDays"], 1, 3650) ?? robots.DurationDays };
    }
}
