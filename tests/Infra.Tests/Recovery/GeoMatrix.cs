using System.Globalization;
using System.Text;

namespace HarborHa.Tests.Recovery;

/// <summary>One region entry of a generated stack.</summary>
public sealed record MatrixRegion(string Name, int Slot, string? DrRegion, bool Primary = false, bool Hub = false);

/// <summary>
/// Generated 5-region geo stacks (two China regions, three overseas) with DR regions: which overseas
/// regions, their slots, which region is primary and hub, and where the DR copies live vary by seed,
/// so recovery is tested on configs nobody wrote by hand.
/// </summary>
public static class GeoMatrix
{
    private static readonly string[] Overseas = ["ap-southeast-1", "eu-central-1", "us-east-1", "ap-northeast-1", "eu-west-2", "us-west-2"];
    private static readonly string[] DrPool = ["ap-southeast-2", "eu-west-1", "us-east-2", "ap-south-1"];

    public static IReadOnlyList<int> Seeds => [1, 2, 3, 4];

    /// <summary>The regions of the stack of <paramref name="seed"/>: cn-north-1 is the China hub, the first overseas region the overseas hub.</summary>
    public static IReadOnlyList<MatrixRegion> Regions(int seed)
    {
        var random = new Random(seed);
        var overseas = Overseas.OrderBy(_ => random.Next()).Take(3).ToArray();
        var slots = Enumerable.Range(0, 16).OrderBy(_ => random.Next()).Take(3).ToArray();
        var chinaPrimary = seed % 2 == 1;
        var regions = new List<MatrixRegion>
        {
            new("cn-north-1", random.Next(0, 8), "cn-northwest-1", Primary: chinaPrimary, Hub: true),
            new("cn-northwest-1", 8 + random.Next(0, 8), "cn-north-1"),
        };
        for (var i = 0; i < 3; i++)
        {
            // Some DR copies live in another stack region, the rest outside the stack.
            var dr = (seed + i) % 3 == 0 ? overseas[(i + 1) % 3] : DrPool[(seed + i) % DrPool.Length];
            regions.Add(new(overseas[i], slots[i], dr, Primary: !chinaPrimary && i == 0, Hub: i == 0));
        }

        return regions;
    }

    public static string Yaml(IEnumerable<MatrixRegion> regions, string extra = "")
    {
        var text = new StringBuilder("""
            config:
              harbor-ha:topology: geo
              harbor-ha:environment: prod
              harbor-ha:domain: registry.example.com
              harbor-ha:chinaImageMirror: mirror.example.cn/harbor
              harbor-ha:clusterAdminArns: [arn:aws:iam::111122223333:role/harbor-ha-deployer, arn:aws-cn:iam::444455556666:role/harbor-ha-deployer]

            """);
        text.Append(extra);
        text.Append("  harbor-ha:regions:\n");
        foreach (var r in regions)
        {
            text.Append(CultureInfo.InvariantCulture, $"    - name: {r.Name}\n      slot: {r.Slot}\n");
            text.Append(r.Primary ? "      role: primary\n" : "");
            text.Append(r.Hub ? "      hub: true\n" : "");
            text.Append(r.DrRegion is null ? "" : $"      drRegion: {r.DrRegion}\n");
        }

        return text.ToString();
    }

    public static string Yaml(int seed) => Yaml(Regions(seed));
}
