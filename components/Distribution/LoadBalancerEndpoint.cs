using HarborHa.Model;

namespace HarborHa.Distribution;

/// <summary>A load balancer as DNS sees it: its name and the Route 53 zone AWS hosts that name in (for alias records).</summary>
public sealed record LoadBalancerEndpoint(Value DnsName, Value ZoneId);
