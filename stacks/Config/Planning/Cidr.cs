using System.Net;
using System.Net.Sockets;

namespace HarborHa.Planning;

/// <summary>Thin helpers over IPNetwork2, so planning code reads as CIDR arithmetic rather than library calls.</summary>
public static class Cidr
{
    /// <summary>Parses an IPv4 CIDR block; host bits must be zero, so <c>10.1.2.3/16</c> is rejected.</summary>
    public static bool TryParse(string text, out IPNetwork2 network)
    {
        network = null!;
        var parts = text.Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var address) || address.AddressFamily != AddressFamily.InterNetwork
            || !byte.TryParse(parts[1], out var prefix) || prefix > 32 || !IPNetwork2.TryParse(text, out var parsed))
        {
            return false;
        }

        if (!parsed.Network.Equals(address))
        {
            return false;
        }

        network = parsed;
        return true;
    }

    public static IPNetwork2 Parse(string text) =>
        TryParse(text, out var network) ? network : throw new FormatException($"'{text}' is not an IPv4 CIDR block");

    /// <summary>The <paramref name="index"/>-th block of prefix length <paramref name="prefix"/> inside <paramref name="parent"/>.</summary>
    public static IPNetwork2 Nth(IPNetwork2 parent, byte prefix, int index)
    {
        var blocks = parent.Subnet(prefix);
        if (index < 0 || index >= (int)blocks.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"{parent} has {blocks.Count} /{prefix} blocks, not {index + 1}");
        }

        return blocks[index];
    }

    public static bool Contains(IPNetwork2 outer, IPNetwork2 inner) => outer.Contains(inner);

    public static bool Overlap(IPNetwork2 a, IPNetwork2 b) => a.Overlap(b);
}
