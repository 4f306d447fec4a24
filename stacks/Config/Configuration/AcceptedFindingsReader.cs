using System.Text.Json.Nodes;

namespace HarborHa.Configuration;

/// <summary>Reads <c>harbor-ha:acceptedFindings</c>: a list of <c>{ rule, resource, reason }</c>, all required.</summary>
public static class AcceptedFindingsReader
{
    private static readonly string[] Fields = ["reason", "resource", "rule"];

    public static IReadOnlyList<AcceptedFinding> Read(NodeReader read, string key, JsonNode? node)
    {
        var list = read.Array(key, node);
        if (list is null)
        {
            return [];
        }

        var accepted = new List<AcceptedFinding>();
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"{key}[{i}]";
            var obj = read.Object(path, list[i]);
            if (obj is null)
            {
                continue;
            }

            read.RejectUnknownFields(path, obj, Fields);
            string? Field(string name)
            {
                var value = read.String($"{path}.{name}", obj[name]);
                if (string.IsNullOrWhiteSpace(value))
                {
                    read.Error($"{path}.{name}", name == "reason"
                        ? "is required: say why the finding is acceptable (it is printed with every check)"
                        : $"is required (the {name} of the finding to accept, as infra check prints it)");
                    return null;
                }

                return value.Trim();
            }

            var (rule, resource, reason) = (Field("rule"), Field("resource"), Field("reason"));
            if (rule is null || resource is null || reason is null)
            {
                continue;
            }

            if (accepted.Any(a => a.Rule == rule && a.Resource == resource))
            {
                read.Error(path, $"accepts {rule} on {resource} a second time");
                continue;
            }

            accepted.Add(new AcceptedFinding(rule, resource, reason));
        }

        return accepted;
    }
}
