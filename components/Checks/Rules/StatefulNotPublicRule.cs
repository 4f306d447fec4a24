using HarborHa.Model;

namespace HarborHa.Checks.Rules;

/// <summary>
/// Databases and caches are unreachable from the internet: not publicly accessible, placed only in
/// subnets without a route to an internet gateway, and behind groups that admit no public CIDR
/// (DESIGN.md, security defaults; awsguard rds-instance-public-access).
/// </summary>
public sealed class StatefulNotPublicRule : ICheckRule
{
    public string Id => "stateful-not-public";

    public string Reason => "databases and caches are not publicly accessible, sit in subnets without an internet route, and admit no public CIDR";

    public IEnumerable<Finding> Evaluate(PulumiProgram program)
    {
        var index = new ProgramIndex(program);
        var ingress = Ingress.WithCidrs(index).Where(i => i.IsPublicSource && i.Group is not null).ToLookup(i => i.Group!.Name, StringComparer.Ordinal);
        var databases = index.OfType(ResourceTypes.RdsInstance, ResourceTypes.RdsCluster)
            .Select(r => (Resource: r, SubnetGroup: index.Target(r.Property("dbSubnetGroupName")), Property: "dbSubnetGroupName"));
        var caches = index.OfType(ResourceTypes.CacheReplicationGroup, ResourceTypes.CacheCluster)
            .Select(r => (Resource: r, SubnetGroup: index.Target(r.Property("subnetGroupName")), Property: "subnetGroupName"));
        foreach (var (resource, subnetGroup, property) in databases.Concat(caches).OrderBy(x => x.Resource.Name, StringComparer.Ordinal))
        {
            if (Props.IsTrue(resource.Property("publiclyAccessible")))
            {
                yield return new Finding(resource.Name, "publiclyAccessible is true");
            }

            if (subnetGroup is null)
            {
                // Without a subnet group of its own, RDS and ElastiCache use the default VPC, whose subnets are public.
                yield return new Finding(resource.Name, $"{property} does not reference a subnet group of this program, so its subnets cannot be shown to be private");
            }
            else
            {
                foreach (var subnet in index.Subnets(subnetGroup.Property("subnetIds")).Where(s => IsPublic(index, s)))
                {
                    yield return new Finding(resource.Name, $"subnet group {subnetGroup.Name} includes {subnet.Name}, which is public (internet gateway route or public IPs on launch)");
                }
            }

            foreach (var group in index.SecurityGroupsOf(resource))
            {
                foreach (var i in ingress[group.Name])
                {
                    yield return new Finding(resource.Name, $"security group {group.Name} admits the public source {i.Describe()} ({i.Declared.Name})");
                }
            }
        }
    }

    /// <summary>A subnet is public when it maps public IPs on launch or its route table routes to an internet gateway.</summary>
    public static bool IsPublic(ProgramIndex index, Resource subnet)
    {
        if (Props.IsTrue(subnet.Property("mapPublicIpOnLaunch")))
        {
            return true;
        }

        var tables = index.Referrers(subnet.Name, [ResourceTypes.RouteTableAssociation], "subnetId")
            .Select(a => index.Target(a.Property("routeTableId")))
            .OfType<Resource>();
        return tables.Any(t =>
            index.Referrers(t.Name, [ResourceTypes.Route], "routeTableId")
                .Any(route => index.Target(route.Property("gatewayId"))?.Type == ResourceTypes.InternetGateway) ||
            Props.Items(t.Property("routes")).Any(route => index.Target(Props.At(route, "gatewayId"))?.Type == ResourceTypes.InternetGateway));
    }
}
