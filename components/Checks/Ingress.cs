using System.Net;
using HarborHa.Model;

namespace HarborHa.Checks;

/// <summary>
/// One ingress permission, wherever it is declared: a <c>vpc</c> ingress rule, an
/// <c>ec2/securityGroupRule</c> of type ingress, or an inline <c>ingress</c> block of a group.
/// </summary>
/// <param name="Declared">The resource that declares it (the rule, or the group for inline blocks).</param>
/// <param name="Group">The security group it opens; null when the program does not declare it.</param>
/// <param name="Cidr">The source CIDR when it is a literal; null for group sources or computed CIDRs.</param>
/// <param name="Protocol">IP protocol as given (<c>tcp</c>, <c>6</c>, <c>-1</c> for all).</param>
/// <param name="FromPort">First port, when a literal.</param>
/// <param name="ToPort">Last port, when a literal.</param>
public sealed record Ingress(Resource Declared, Resource? Group, string? Cidr, string? Protocol, long? FromPort, long? ToPort)
{
    /// <summary>Every ingress permission with a literal source CIDR.</summary>
    public static IReadOnlyList<Ingress> WithCidrs(ProgramIndex index)
    {
        var list = new List<Ingress>();
        foreach (var r in index.OfType(ResourceTypes.IngressRule))
        {
            var group = index.Target(r.Property("securityGroupId"));
            foreach (var cidr in new[] { r.Property("cidrIpv4"), r.Property("cidrIpv6") }.Select(Props.Text).OfType<string>())
            {
                list.Add(new Ingress(r, group, cidr, Props.Text(r.Property("ipProtocol")), Props.Number(r.Property("fromPort")), Props.Number(r.Property("toPort"))));
            }
        }

        foreach (var r in index.OfType(ResourceTypes.SecurityGroupRule).Where(r => Props.Text(r.Property("type")) == "ingress"))
        {
            var group = index.Target(r.Property("securityGroupId"));
            list.AddRange(Cidrs(r).Select(cidr =>
                new Ingress(r, group, cidr, Props.Text(r.Property("protocol")), Props.Number(r.Property("fromPort")), Props.Number(r.Property("toPort")))));
        }

        foreach (var g in index.OfType(ResourceTypes.SecurityGroup))
        {
            foreach (var block in Props.Items(g.Property("ingress")))
            {
                list.AddRange(Cidrs(block).Select(cidr =>
                    new Ingress(g, g, cidr, Props.Text(Props.At(block, "protocol")), Props.Number(Props.At(block, "fromPort")), Props.Number(Props.At(block, "toPort")))));
            }
        }

        return list;
    }

    /// <summary>Whether the source is the whole internet.</summary>
    public bool IsAnywhere => Cidr is "0.0.0.0/0" or "::/0";

    /// <summary>Whether the source lies outside private address space (RFC 1918, RFC 6598 shared, IPv6 ULA).</summary>
    public bool IsPublicSource => Cidr is not null && !IsPrivate(Cidr);

    /// <summary>Whether exactly one TCP port, one of <paramref name="ports"/>, is opened.</summary>
    public bool IsTcpPortIn(params long[] ports) =>
        Protocol is "tcp" or "6" && FromPort == ToPort && FromPort is { } p && ports.Contains(p);

    public string Describe() =>
        $"{Cidr} on {(Protocol is "-1" or "all" ? "all protocols" : $"{Protocol} {FromPort}{(FromPort == ToPort ? "" : $"-{ToPort}")}")}";

    private static IEnumerable<string> Cidrs(Value? owner) =>
        Props.Texts(Props.At(owner, "cidrBlocks")).Concat(Props.Texts(Props.At(owner, "ipv6CidrBlocks")));

    private static IEnumerable<string> Cidrs(Resource r) => Cidrs(r.Properties);

    private static readonly IPNetwork2[] PrivateRanges =
        new[] { "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7" }.Select(c => IPNetwork2.Parse(c)).ToArray();

    private static bool IsPrivate(string cidr)
    {
        if (!IPNetwork2.TryParse(cidr, out var net))
        {
            return false;
        }

        return PrivateRanges.Any(range => range.AddressFamily == net.AddressFamily && range.Contains(net));
    }
}
