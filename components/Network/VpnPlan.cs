namespace HarborHa.Network;

/// <summary>
/// One tunnel of a VPN connection: its /30 inside CIDR and the two BGP addresses in it. AWS takes
/// the first usable address and the customer gateway the second (AWS Site-to-Site VPN, tunnel
/// options: inside tunnel IPv4 CIDR).
/// </summary>
public sealed record PlannedTunnel(int Number, string InsideCidr, string AwsInsideAddress, string ApplianceInsideAddress)
{
    /// <summary>The appliance's interface address with its prefix, e.g. <c>169.254.100.2/30</c>.</summary>
    public string ApplianceInterfaceAddress => $"{ApplianceInsideAddress}/30";
}

/// <summary>A software VPN appliance in one AZ of the China hub, with the two tunnels of its VPN connection.</summary>
public sealed record PlannedAppliance(string Zone, string Letter, IReadOnlyList<PlannedTunnel> Tunnels);

/// <summary>
/// The cross-partition VPN as a plan: which AZs of the China hub hold appliances, which appliance
/// each AZ's route tables use, and the tunnel inside CIDRs. Everything derives from AZ letters, never
/// from list positions, so an appliance keeps its addresses whatever else changes.
/// </summary>
public static class VpnPlan
{
    /// <summary>
    /// MTU of each tunnel interface on the appliances. IPsec in UDP (NAT-T: the appliance sits behind
    /// an Elastic IP) costs up to ~80 bytes of a 1500-byte packet; 1399 leaves headroom, as AWS's
    /// customer gateway examples do.
    /// </summary>
    public const int TunnelMtu = 1399;

    /// <summary>
    /// TCP MSS the appliances clamp SYNs to, both ways: the tunnel MTU minus 40 bytes of IP and TCP
    /// headers. Without it, large transfers (image layers) stall when ICMP "fragmentation needed"
    /// does not make it back through the tunnel and load balancers.
    /// </summary>
    public const int TcpMss = TunnelMtu - 40;

    /// <summary>An AWS VPN connection always has two tunnels, on two AWS endpoints.</summary>
    private static readonly int[] TunnelNumbers = [1, 2];

    /// <summary>Third octet of the first AZ letter's inside CIDRs; well clear of the /30s AWS reserves (169.254.0–5.0/30, 169.254.169.252/30).</summary>
    private const int FirstThirdOctet = 100;

    /// <summary>The appliance of an AZ: tunnel 1 is <c>169.254.(100+i).0/30</c>, tunnel 2 <c>169.254.(100+i).4/30</c>, i the letter's place in the alphabet.</summary>
    public static PlannedAppliance ApplianceIn(string zone)
    {
        var letter = zone[^1];
        if (letter is < 'a' or > 'z')
        {
            throw new ArgumentException($"'{zone}' does not end in an AZ letter", nameof(zone));
        }

        var octet = FirstThirdOctet + (letter - 'a');
        var tunnels = TunnelNumbers
            .Select(n =>
            {
                var b = (n - 1) * 4;
                return new PlannedTunnel(n, $"169.254.{octet}.{b}/30", $"169.254.{octet}.{b + 1}", $"169.254.{octet}.{b + 2}");
            })
            .ToArray();
        return new PlannedAppliance(zone, letter.ToString(), tunnels);
    }

    /// <summary>
    /// The appliances of the China hub: one in every AZ it uses (at least two, since the hub is ha).
    /// Each AZ's route tables use their own AZ's appliance, so losing an AZ never cuts another AZ off
    /// the overseas side (the AZ-loss check); the overseas Transit Gateway spreads over all of them (ECMP).
    /// </summary>
    public static IReadOnlyList<PlannedAppliance> AppliancesOf(IReadOnlyList<string> chinaHubZones) =>
        [.. chinaHubZones.Select(ApplianceIn)];

    /// <summary>The appliance an AZ's route tables send the overseas /9 to: its own.</summary>
    public static PlannedAppliance ServingZone(IReadOnlyList<string> chinaHubZones, string zone) =>
        AppliancesOf(chinaHubZones).Single(a => a.Zone == zone);
}
