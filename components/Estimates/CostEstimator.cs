using System.Globalization;
using HarborHa.Configuration;
using HarborHa.Model;

namespace HarborHa.Estimates;

/// <summary>
/// Prices a program: a monthly (730 h) list cost for every resource that AWS bills, read from the
/// program's own properties (instance types, sizes, counts, Multi-AZ, Kubernetes version) and, for
/// usage the program cannot state, from <see cref="CostAssumptions"/>. The region of a line is its
/// resource's provider region. Resource types AWS does not bill are listed in the price table's
/// <c>free</c> list; anything else gets an unpriced line so that it is never silently dropped.
/// </summary>
public sealed class CostEstimator
{
    private readonly PriceTable _prices;
    private readonly CostAssumptions _assumptions;
    private readonly decimal _cnyPerUsd;
    private readonly DateOnly _supportDate;
    private readonly List<CostLine> _lines = [];
    private ProgramGraph _graph = null!;
    private HashSet<string> _replicaBuckets = [];
    private HashSet<string> _logBuckets = [];
    private HashSet<string> _flowLogGroups = [];

    private CostEstimator(PriceTable prices, CostAssumptions assumptions, decimal? cnyPerUsd)
    {
        _prices = prices;
        _assumptions = assumptions;
        _cnyPerUsd = cnyPerUsd ?? assumptions.CnyPerUsd ?? prices.DefaultCnyPerUsd;
        _supportDate = assumptions.EksSupportDate ?? prices.Date;
    }

    /// <summary>The resource types the estimator prices (everything else must be in the table's free list).</summary>
    public static IReadOnlyCollection<string> PricedTypes => Handlers.Keys;

    /// <summary>Estimates a program's monthly cost. <paramref name="cnyPerUsd"/> overrides the assumption and the table's rate.</summary>
    public static CostReport Estimate(PulumiProgram program, CostAssumptions? assumptions = null, PriceTable? prices = null, decimal? cnyPerUsd = null)
    {
        var estimator = new CostEstimator(prices ?? PriceTable.Default, assumptions ?? new CostAssumptions(), cnyPerUsd);
        return estimator.Run(program);
    }

    private CostReport Run(PulumiProgram program)
    {
        _graph = ProgramGraph.Of(program);
        var resources = _graph.Resources.Values.ToArray();
        _replicaBuckets = resources.Where(r => r.Type == "aws:s3/bucketReplicationConfig:BucketReplicationConfig")
            .SelectMany(r => Values.Items(r.At("rules")).Select(rule => Values.RefTarget(Values.At(rule, "destination.bucket"))))
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        _logBuckets = resources.Where(r => r.Type == "aws:s3/bucketLogging:BucketLogging").Select(r => Values.RefTarget(r.At("targetBucket")))
            .Concat(resources.Where(r => r.Type == "aws:lb/loadBalancer:LoadBalancer").Select(r => Values.RefTarget(r.At("accessLogs.bucket"))))
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        _flowLogGroups = resources.Where(r => r.Type == "aws:ec2/flowLog:FlowLog").Select(r => Values.RefTarget(r.At("logDestination")))
            .OfType<string>().ToHashSet(StringComparer.Ordinal);

        var free = _prices.FreeTypes;
        foreach (var resource in resources)
        {
            if (Handlers.TryGetValue(resource.Type, out var handler))
            {
                handler(this, resource);
            }
            else if (!free.ContainsKey(resource.Type))
            {
                Unpriced(resource, $"resource type {resource.Type} is neither priced nor listed as free in the price table");
            }
        }

        var effective = _assumptions with { CnyPerUsd = _cnyPerUsd, EksSupportDate = _supportDate };
        return new CostReport(_lines.OrderBy(l => l.Region, StringComparer.Ordinal).ThenBy(l => l.Kind, StringComparer.Ordinal)
            .ThenBy(l => l.Resource, StringComparer.Ordinal).ThenBy(l => l.Item, StringComparer.Ordinal).ToArray(), effective, _prices.Date, _prices.CnyPerUsdNote);
    }

    private decimal Hours => _prices.HoursPerMonth;

    private string RegionOf(Resource resource) => _graph.RegionOf(resource) ?? "global";

    private void Add(Resource resource, string sku, decimal quantity, string item, string? assumption = null, string? region = null)
    {
        region ??= RegionOf(resource);
        var quote = _prices.Quote(sku, region);
        if (quote is null)
        {
            Unpriced(resource, _prices.Knows(sku) ? $"{item}: no price for {sku} in {region}" : $"{item}: {sku} is not in the price table", region);
            return;
        }

        var monthly = quantity * quote.Price;
        if (quote.Currency == "CNY")
        {
            monthly /= _cnyPerUsd;
        }
        else if (quote.Currency != "USD")
        {
            throw new InvalidOperationException($"price table: unsupported currency {quote.Currency} for {sku} in {region}");
        }

        _lines.Add(new CostLine(resource.Name, resource.Type, region, quote.Kind, item, quantity, quote.Unit, quote.Price, quote.Currency, monthly, quote.Source, assumption));
    }

    private void Unpriced(Resource resource, string why, string? region = null) =>
        _lines.Add(new CostLine(resource.Name, resource.Type, region ?? RegionOf(resource), "Unpriced", why, 0, "", 0, "USD", 0, "not in the price table", null, Unpriced: true));

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static readonly Dictionary<string, Action<CostEstimator, Resource>> Handlers = new(StringComparer.Ordinal)
    {
        ["aws:eks/cluster:Cluster"] = (e, r) => e.Cluster(r),
        ["aws:eks/nodeGroup:NodeGroup"] = (e, r) => e.NodeGroup(r),
        ["aws:ec2/instance:Instance"] = (e, r) => e.Instance(r),
        ["aws:ec2/natGateway:NatGateway"] = (e, r) =>
        {
            e.Add(r, "nat.hour", e.Hours, "NAT gateway-hours");
            e.Add(r, "nat.gb", e._assumptions.NatDataGbPerGateway, "GB processed", $"natDataGbPerGateway: {N(e._assumptions.NatDataGbPerGateway)} GB a month");
        },
        ["aws:ec2/eip:Eip"] = (e, r) => e.Add(r, "ipv4.public", e.Hours, "public IPv4 address-hours (Elastic IP)"),
        ["aws:lb/loadBalancer:LoadBalancer"] = (e, r) => e.LoadBalancer(r),
        ["aws:rds/instance:Instance"] = (e, r) => e.Database(r),
        ["aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication"] = (e, r) => e.BackupReplication(r),
        ["aws:elasticache/replicationGroup:ReplicationGroup"] = (e, r) => e.Cache(r),
        ["aws:s3/bucket:Bucket"] = (e, r) => e.Bucket(r),
        ["aws:s3/bucketReplicationConfig:BucketReplicationConfig"] = (e, r) => e.Replication(r),
        ["aws:wafv2/webAcl:WebAcl"] = (e, r) =>
        {
            e.Add(r, "waf.webacl", 1, "web ACL");
            e.Add(r, "waf.rule", r.At("rules") is ListValue rules ? rules.Items.Count : 0, "web ACL rules", "requests ($0.60 per million) not estimated");
        },
        ["aws:kms/key:Key"] = (e, r) => e.Add(r, "kms.key", 1, "customer managed key", "first year; each yearly rotation adds $1/month for the first two rotations"),
        ["aws:ec2/vpnConnection:VpnConnection"] = (e, r) =>
        {
            e.Add(r, "vpn.connection", e.Hours, "Site-to-Site VPN connection-hours");
            if (r.At("transitGatewayId") is not null)
            {
                e.Add(r, "tgw.attachment", e.Hours, "Transit Gateway VPN attachment-hours");
            }
        },
        ["aws:ec2transitgateway/vpcAttachment:VpcAttachment"] = (e, r) =>
        {
            e.Add(r, "tgw.attachment", e.Hours, "Transit Gateway VPC attachment-hours");
            e.Add(r, "tgw.gb", e._assumptions.TransitGbPerAttachment, "GB processed", $"transitGbPerAttachment: {N(e._assumptions.TransitGbPerAttachment)} GB a month");
        },
        ["aws:ec2transitgateway/peeringAttachment:PeeringAttachment"] = (e, r) =>
        {
            e.Add(r, "tgw.attachment", e.Hours, "Transit Gateway peering attachment-hours (requester side)");
            e.Add(r, "transfer.interregion", e._assumptions.PeeringGbPerMonth, "GB between regions over the peering", $"peeringGbPerMonth: {N(e._assumptions.PeeringGbPerMonth)} GB a month");
        },
        ["aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter"] = (e, r) =>
            e.Add(r, "tgw.attachment", e.Hours, "Transit Gateway peering attachment-hours (accepter side)"),
        ["aws:route53/zone:Zone"] = (e, r) => e.Add(r, "route53.zone", 1, r.At("vpcs") is null ? "public hosted zone" : "private hosted zone"),
        ["aws:route53/healthCheck:HealthCheck"] = (e, r) => e.Add(r, "route53.healthcheck", 1, "health check (AWS endpoint)",
            Values.Text(r.At("type")) is { } type && type.StartsWith("HTTPS", StringComparison.Ordinal) ? "the HTTPS option's extra monthly fee is not in the price table" : null),
        ["aws:route53/resolverEndpoint:ResolverEndpoint"] = (e, r) =>
        {
            var enis = Math.Max(1, Values.Items(r.At("ipAddresses")).Count);
            e.Add(r, "route53.resolver.eni", enis * e.Hours, $"{enis} endpoint ENIs x hours");
        },
        ["aws:cloudwatch/logGroup:LogGroup"] = (e, r) =>
        {
            if (e._flowLogGroups.Contains(r.Name))
            {
                e.Add(r, "cloudwatch.logs.ingest", e._assumptions.FlowLogIngestGbPerVpc, "GB of VPC flow logs ingested", $"flowLogIngestGbPerVpc: {N(e._assumptions.FlowLogIngestGbPerVpc)} GB a month");
            }
            else
            {
                e.Add(r, "cloudwatch.logs.ingest", e._assumptions.LogIngestGbPerGroup, "GB of logs ingested", $"logIngestGbPerGroup: {N(e._assumptions.LogIngestGbPerGroup)} GB a month");
            }
        },
        ["aws:cloudwatch/metricAlarm:MetricAlarm"] = (e, r) => e.Add(r, "cloudwatch.alarm", 1, "standard-resolution alarm"),
        ["aws:ec2/vpcEndpoint:VpcEndpoint"] = (e, r) =>
        {
            if (Values.Text(r.At("vpcEndpointType")) is not ("Gateway" or null))
            {
                e.Unpriced(r, "interface VPC endpoints are not in the price table");
            }
        },
    };

    private void Cluster(Resource r)
    {
        var version = Values.Text(r.At("version"));
        var support = version is null ? null : _prices.SupportOf(version);
        if (support is null)
        {
            Add(r, "eks.cluster.standard", Hours, $"control plane-hours, Kubernetes {version ?? "(unknown)"}",
                $"Kubernetes {version ?? "(unknown)"} is not in the price table's EKS support calendar: priced at standard support");
            return;
        }

        var extended = support.IsExtendedOn(_supportDate);
        Add(r, extended ? "eks.cluster.extended" : "eks.cluster.standard", Hours,
            $"control plane-hours, Kubernetes {version}: {(extended ? "extended" : "standard")} support on {_supportDate:yyyy-MM-dd} (standard ends {support.StandardEnds:yyyy-MM-dd})");
    }

    private void NodeGroup(Resource r)
    {
        var types = Values.Items(r.At("instanceTypes"));
        var type = (types.Count > 0 ? Values.Text(types[0]) : null) ?? "t3.medium";
        var desired = Values.Number(r.At("scalingConfig.desiredSize")) ?? 1;
        Add(r, $"ec2.{type}", desired * Hours, $"{desired} x {type} nodes (desired size), instance-hours");
        var template = Values.RefTarget(r.At("launchTemplate.id")) is { } t && _graph.Resources.TryGetValue(t, out var lt) ? lt : null;
        if (template is not null)
        {
            foreach (var mapping in Values.Items(template.At("blockDeviceMappings")))
            {
                Volume(r, Values.At(mapping, "ebs.volumeSize"), Values.At(mapping, "ebs.volumeType"), desired, $"{desired} node root volumes ({template.Name})");
            }
        }
        else
        {
            var size = Values.Number(r.At("diskSize"));
            Add(r, "ebs.gp3", (size ?? 20) * desired, $"{desired} node root volumes", size is null ? "EKS default disk size, 20 GB" : null);
        }
    }

    private void Instance(Resource r)
    {
        var type = Values.Text(r.At("instanceType"));
        if (type is null)
        {
            Unpriced(r, "instance type is not a literal");
            return;
        }

        Add(r, $"ec2.{type}", Hours, $"{type} instance-hours");
        if (r.At("rootBlockDevice") is not null)
        {
            Volume(r, r.At("rootBlockDevice.volumeSize"), r.At("rootBlockDevice.volumeType"), 1, "root volume");
        }
    }

    private void Volume(Resource r, Value? size, Value? type, long count, string item)
    {
        var gb = Values.Number(size) ?? 8;
        var volumeType = Values.Text(type) ?? "gp3";
        Add(r, $"ebs.{volumeType}", gb * count, $"{item}, {gb} GB {volumeType} each", Values.Number(size) is null ? "volume size not stated: 8 GB" : null);
    }

    private void LoadBalancer(Resource r)
    {
        var kind = Values.Text(r.At("loadBalancerType")) ?? "application";
        if (kind != "application")
        {
            Unpriced(r, $"{kind} load balancers are not in the price table");
            return;
        }

        Add(r, "alb.hour", Hours, "ALB-hours");
        Add(r, "alb.lcu", _assumptions.AlbLcus * Hours, "LCU-hours", $"albLcus: {N(_assumptions.AlbLcus)} LCU on average");
        if (Values.Bool(r.At("internal")) != true)
        {
            var nodes = Math.Max(1, Values.Items(r.At("subnets")).Count);
            Add(r, "ipv4.public", nodes * Hours, $"public IPv4 address-hours of an internet-facing ALB ({nodes} subnets)", "one public address per subnet the ALB spans");
        }
    }

    private void Database(Resource r)
    {
        var engine = Values.Text(r.At("engine"));
        var instanceClass = Values.Text(r.At("instanceClass"));
        var multiAz = Values.Bool(r.At("multiAz")) == true;
        var copies = multiAz ? 2 : 1;
        var deployment = multiAz ? "Multi-AZ (primary and standby)" : "Single-AZ";
        if (engine is not ("postgres" or "mysql") || instanceClass is null)
        {
            Unpriced(r, $"RDS engine {engine ?? "(unknown)"} / class {instanceClass ?? "(unknown)"} is not in the price table");
            return;
        }

        Add(r, $"rds.{engine}.{instanceClass}", copies * Hours, $"{instanceClass} {engine}, {deployment}, instance-hours");
        var storage = Values.Number(r.At("allocatedStorage")) ?? 20;
        var storageType = Values.Text(r.At("storageType")) ?? "gp2";
        Add(r, "rds.storage.gp3", storage * copies, $"{storage} GB {storageType} storage, {deployment}",
            storageType == "gp3" ? null : $"{storageType} priced as gp3");
        if ((Values.Number(r.At("backupRetentionPeriod")) ?? 1) > 0)
        {
            Add(r, "rds.backup", _assumptions.DbBackupBeyondFreeGb, "backup storage beyond the free allowance",
                $"dbBackupBeyondFreeGb: {N(_assumptions.DbBackupBeyondFreeGb)} GB (backups up to the provisioned size are free)");
        }
    }

    private void BackupReplication(Resource r)
    {
        var source = Values.RefTarget(r.At("sourceDbInstanceArn")) is { } s && _graph.Resources.TryGetValue(s, out var db) ? db : null;
        var storage = source is null ? 20 : Values.Number(source.At("allocatedStorage")) ?? 20;
        var gb = storage * _assumptions.DbBackupReplicaFactor;
        Add(r, "rds.backup", gb, $"replicated automated backups of {source?.Name ?? "the source"} stored in the DR region",
            $"dbBackupReplicaFactor: {N(_assumptions.DbBackupReplicaFactor)} x {storage} GB allocated (no free allowance in the DR region)");
        if (source is not null)
        {
            Add(r, "transfer.interregion", _assumptions.DbBackupReplicationGbPerMonth, "GB of backups copied to the DR region",
                $"dbBackupReplicationGbPerMonth: {N(_assumptions.DbBackupReplicationGbPerMonth)} GB a month", RegionOf(source));
        }
    }

    private void Cache(Resource r)
    {
        var type = Values.Text(r.At("nodeType"));
        if (type is null)
        {
            Unpriced(r, "node type is not a literal");
            return;
        }

        var nodes = Values.Number(r.At("numCacheClusters"))
            ?? (Values.Number(r.At("numNodeGroups")) is { } groups ? groups * ((Values.Number(r.At("replicasPerNodeGroup")) ?? 0) + 1) : 1);
        Add(r, $"elasticache.{type}", nodes * Hours, $"{nodes} x {type} nodes, node-hours");
    }

    private void Bucket(Resource r)
    {
        if (_replicaBuckets.Contains(r.Name))
        {
            Add(r, "s3.standard", _assumptions.RegistryStorageGb, "GB stored (DR replica)", $"registryStorageGb: {N(_assumptions.RegistryStorageGb)} GB, replicated");
        }
        else if (_logBuckets.Contains(r.Name))
        {
            Add(r, "s3.standard", _assumptions.LogBucketGb, "GB of access logs stored", $"logBucketGb: {N(_assumptions.LogBucketGb)} GB");
        }
        else
        {
            Add(r, "s3.standard", _assumptions.RegistryStorageGb, "GB of registry objects stored", $"registryStorageGb: {N(_assumptions.RegistryStorageGb)} GB");
        }
    }

    private void Replication(Resource r)
    {
        var region = RegionOf(r);
        var crossRegion = Values.Items(r.At("rules"))
            .Where(rule => Values.RefTarget(Values.At(rule, "destination.bucket")) is { } b && _graph.Resources.TryGetValue(b, out var bucket) && RegionOf(bucket) != region)
            .ToArray();
        if (crossRegion.Length > 0)
        {
            Add(r, "transfer.interregion", _assumptions.ReplicationGbPerMonth * crossRegion.Length, "GB replicated to another region",
                $"replicationGbPerMonth: {N(_assumptions.ReplicationGbPerMonth)} GB a month");
        }

        // Replication Time Control adds a per-GB charge on what its rules replicate.
        var timed = crossRegion.Count(rule => Values.Text(Values.At(rule, "destination.replicationTime.status")) == "Enabled");
        if (timed > 0)
        {
            Add(r, "s3.rtc", _assumptions.ReplicationGbPerMonth * timed, "GB replicated with Replication Time Control (15-minute objective)",
                $"replicationGbPerMonth: {N(_assumptions.ReplicationGbPerMonth)} GB a month");
        }
    }
}
