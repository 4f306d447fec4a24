using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HarborHa.Configuration;

/// <summary>
/// Reads <c>harbor-ha:costAssumptions</c>: the usage figures <c>infra cost</c> multiplies list prices
/// by (<see cref="CostAssumptions"/>, defaults documented there and in README.md). Every field is
/// optional; a non-number, a negative value or an unknown field is an error naming the key.
/// </summary>
internal static class CostAssumptionsReader
{
    public static CostAssumptions Read(NodeReader read, string key, JsonNode? node)
    {
        var defaults = new CostAssumptions();
        var obj = read.Object(key, node);
        if (obj is null)
        {
            return defaults;
        }

        read.RejectUnknownFields(key, obj, CostAssumptions.Fields);
        decimal Amount(string field, decimal current) => Number(read, $"{key}.{field}", obj[field], allowZero: true) ?? current;
        var cny = Number(read, $"{key}.cnyPerUsd", obj["cnyPerUsd"], allowZero: false);
        DateOnly? date = null;
        if (read.String($"{key}.eksSupportDate", obj["eksSupportDate"]) is { } text)
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                date = parsed;
            }
            else
            {
                read.Error($"{key}.eksSupportDate", $"must be a date such as 2027-01-31 (got '{text}')");
            }
        }

        return defaults with
        {
            NatDataGbPerGateway = Amount("natDataGbPerGateway", defaults.NatDataGbPerGateway),
            AlbLcus = Amount("albLcus", defaults.AlbLcus),
            RegistryStorageGb = Amount("registryStorageGb", defaults.RegistryStorageGb),
            LogBucketGb = Amount("logBucketGb", defaults.LogBucketGb),
            ReplicationGbPerMonth = Amount("replicationGbPerMonth", defaults.ReplicationGbPerMonth),
            DbBackupBeyondFreeGb = Amount("dbBackupBeyondFreeGb", defaults.DbBackupBeyondFreeGb),
            DbBackupReplicaFactor = Amount("dbBackupReplicaFactor", defaults.DbBackupReplicaFactor),
            DbBackupReplicationGbPerMonth = Amount("dbBackupReplicationGbPerMonth", defaults.DbBackupReplicationGbPerMonth),
            LogIngestGbPerGroup = Amount("logIngestGbPerGroup", defaults.LogIngestGbPerGroup),
            FlowLogIngestGbPerVpc = Amount("flowLogIngestGbPerVpc", defaults.FlowLogIngestGbPerVpc),
            TransitGbPerAttachment = Amount("transitGbPerAttachment", defaults.TransitGbPerAttachment),
            PeeringGbPerMonth = Amount("peeringGbPerMonth", defaults.PeeringGbPerMonth),
            CnyPerUsd = cny,
            EksSupportDate = date,
        };
    }

    /// <summary>A decimal number (YAML scalars arrive as strings), at least 0, or above 0 when <paramref name="allowZero"/> is false.</summary>
    private static decimal? Number(NodeReader read, string key, JsonNode? node, bool allowZero)
    {
        if (node is null)
        {
            return null;
        }

        decimal value;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var d))
        {
            value = d;
        }
        else if (node is JsonValue s && s.TryGetValue<string>(out var text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
        }
        else
        {
            read.Error(key, $"must be a number, not {node.ToJsonString()}");
            return null;
        }

        if (value < 0 || (!allowZero && value == 0))
        {
            read.Error(key, $"must be {(allowZero ? "zero or more" : "more than zero")} (got {value.ToString(CultureInfo.InvariantCulture)})");
            return null;
        }

        return value;
    }
}
