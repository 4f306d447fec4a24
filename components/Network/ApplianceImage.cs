using System.Text.RegularExpressions;
using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Network;

/// <summary>
/// The VPN appliances' machine image: Canonical's newest Ubuntu 24.04 LTS, looked up at deploy time
/// in the appliance's region (its archive carries strongSwan and FRR). Canonical publishes from a
/// separate account in the China partition (Ubuntu on AWS docs, finding images).
/// </summary>
public static partial class ApplianceImage
{
    public const string CanonicalOverseas = "099720109477";
    public const string CanonicalChina = "837727238323";

    /// <summary>The CPU architecture of an instance type: Graviton families (<c>c7gn</c>, <c>m6g</c>, <c>t4g</c>) are arm64.</summary>
    public static string ArchitectureOf(string instanceType) => Graviton().IsMatch(instanceType) ? "arm64" : "x86_64";

    /// <summary>An <c>aws:ec2/getAmi</c> invoke that returns the image id.</summary>
    public static Invoke Lookup(Ref provider, Partition partition, string instanceType)
    {
        var architecture = ArchitectureOf(instanceType);
        var ubuntuArch = architecture == "arm64" ? "arm64" : "amd64";
        return new Invoke(ResourceTypes.GetAmi, new MapValue
        {
            ["owners"] = Value.List(partition == Partition.AwsCn ? CanonicalChina : CanonicalOverseas),
            ["mostRecent"] = true,
            ["filters"] = Value.List(
                Filter("name", $"ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-{ubuntuArch}-server-*"),
                Filter("architecture", architecture),
                Filter("virtualization-type", "hvm"),
                Filter("state", "available")),
        }, provider, "id");
    }

    private static MapValue Filter(string name, string value) => new() { ["name"] = name, ["values"] = Value.List(value) };

    [GeneratedRegex("^[a-z]+[0-9]+g")]
    private static partial Regex Graviton();
}
