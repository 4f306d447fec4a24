using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Network;

/// <summary>
/// A security group whose rules are declared as intent, next to the thing they protect:
/// <c>database.Firewall.AllowFrom(cluster.Nodes, 5432, "Harbor to PostgreSQL")</c>. Each rule is its
/// own resource (aws:vpc SecurityGroupIngressRule), so adding one never rewrites the others.
/// </summary>
public sealed class SecurityGroup
{
    private readonly PulumiProgram _program;
    private readonly Ref _provider;

    /// <param name="program">Program to declare into.</param>
    /// <param name="provider">The region's AWS provider.</param>
    /// <param name="name">Logical name, e.g. <c>ap-southeast-1-db-sg</c>.</param>
    /// <param name="vpcId">VPC the group lives in.</param>
    /// <param name="description">What the group guards (AWS shows it; it cannot change without replacement).</param>
    /// <param name="allowAllEgress">Whether members may open connections anywhere. Stateful services need none: replies are allowed anyway.</param>
    public SecurityGroup(PulumiProgram program, Ref provider, string name, Ref vpcId, string description, bool allowAllEgress)
    {
        _program = program;
        _provider = provider;
        Name = name;
        var group = program.Declare(name, ResourceTypes.SecurityGroup, provider, new MapValue
        {
            ["vpcId"] = vpcId,
            ["description"] = description,
            ["tags"] = ProgramExtensions.NameTag(name),
        });
        Id = group.Id;
        if (allowAllEgress)
        {
            program.Declare($"{name}-egress-all", ResourceTypes.EgressRule, provider, new MapValue
            {
                ["securityGroupId"] = Id,
                ["ipProtocol"] = "-1",
                ["cidrIpv4"] = "0.0.0.0/0",
                ["description"] = "outbound to anywhere (through NAT or the transit gateway)",
            });
        }
    }

    public string Name { get; }

    public Ref Id { get; }

    /// <summary>Allows TCP on <paramref name="port"/> from members of <paramref name="source"/>.</summary>
    public void AllowFrom(SecurityGroup source, int port, string description) =>
        AllowFrom(source, port, port, description);

    /// <summary>Allows TCP on a port range from members of <paramref name="source"/>.</summary>
    public void AllowFrom(SecurityGroup source, int fromPort, int toPort, string description)
    {
        var ports = fromPort == toPort ? $"{fromPort}" : $"{fromPort}-{toPort}";
        _program.Declare($"{Name}-from-{ShortName(source.Name)}-{ports}", ResourceTypes.IngressRule, _provider, new MapValue
        {
            ["securityGroupId"] = Id,
            ["referencedSecurityGroupId"] = source.Id,
            ["ipProtocol"] = "tcp",
            ["fromPort"] = fromPort,
            ["toPort"] = toPort,
            ["description"] = description,
        });
    }

    /// <summary>Allows <paramref name="protocol"/> on a port range from a CIDR block (a literal or another resource's output).</summary>
    public void AllowFromCidr(string ruleName, Value cidr, string protocol, int fromPort, int toPort, string description)
    {
        _program.Declare($"{Name}-from-{ruleName}", ResourceTypes.IngressRule, _provider, new MapValue
        {
            ["securityGroupId"] = Id,
            ["cidrIpv4"] = cidr,
            ["ipProtocol"] = protocol,
            ["fromPort"] = fromPort,
            ["toPort"] = toPort,
            ["description"] = description,
        });
    }

    /// <summary>
    /// Allows every protocol from a CIDR block. For routers only (the VPN appliances forward any
    /// traffic of the private network); services allow their ports with <see cref="AllowFrom(SecurityGroup, int, string)"/>.
    /// </summary>
    public void AllowAllFromCidr(string ruleName, Value cidr, string description)
    {
        // ipProtocol -1 means every protocol and port; the API rejects port numbers with it.
        _program.Declare($"{Name}-from-{ruleName}", ResourceTypes.IngressRule, _provider, new MapValue
        {
            ["securityGroupId"] = Id,
            ["cidrIpv4"] = cidr,
            ["ipProtocol"] = "-1",
            ["description"] = description,
        });
    }

    /// <summary>The group's role without the region prefix and <c>-sg</c> suffix, to keep rule names short.</summary>
    private static string ShortName(string groupName)
    {
        var parts = groupName.Split('-');
        var start = parts.Length > 3 && parts[2].All(char.IsDigit) ? 3 : 0; // drop e.g. "ap-southeast-1"
        var role = string.Join('-', parts.Skip(start));
        return role.EndsWith("-sg", StringComparison.Ordinal) ? role[..^3] : role;
    }
}
