using System.Text.Json;
using HarborHa.Configuration;
using HarborHa.Estimates;
using HarborHa.Model;
using HarborHa.Stacks;
using HarborHa.Tests.Support;

namespace HarborHa.Tests.Estimates;

/// <summary>What <c>infra cost</c> computes, on real programs built from configs.</summary>
public class CostEstimatorTests
{
    private static CostReport Cost(string stackYaml)
    {
        var config = TestConfigs.Parse(stackYaml);
        return CostEstimator.Estimate(Synthesizer.Build(config), config.CostAssumptions);
    }

    [Fact]
    public void Every_resource_type_we_emit_is_priced_or_listed_as_free()
    {
        var priced = CostEstimator.PricedTypes.ToHashSet(StringComparer.Ordinal);
        var free = PriceTable.Default.FreeTypes;
        Assert.Empty(priced.Intersect(free.Keys));
        var unknown = EstimateConfigs.AllPrograms()
            .SelectMany(p => p.Program.Resources.Select(r => (p.Name, r.Type)))
            .Where(x => !priced.Contains(x.Type) && !free.ContainsKey(x.Type))
            .Select(x => $"{x.Type} ({x.Name})")
            .Distinct()
            .ToArray();
        Assert.Empty(unknown);
    }

    [Fact]
    public void Every_cost_line_names_a_real_resource_of_the_program_and_nothing_is_unpriced()
    {
        foreach (var (name, program) in EstimateConfigs.AllPrograms())
        {
            var report = CostEstimator.Estimate(program);
            Assert.NotEmpty(report.Lines);
            Assert.All(report.Lines, line =>
            {
                Assert.True(program.Contains(line.Resource), $"{name}: {line.Resource} is not a resource of the program");
                Assert.Equal(program.Get(line.Resource).Type, line.Type);
                Assert.False(line.Unpriced, $"{name}: {line.Resource}: {line.Item}");
                Assert.False(string.IsNullOrWhiteSpace(line.Source));
            });
        }
    }

    [Fact]
    public void A_line_is_billed_in_the_region_of_its_provider()
    {
        var report = Cost(EstimateConfigs.Ha);
        Assert.Contains(report.Lines, l => l.Resource == "ap-southeast-1-db-backups-dr" && l.Region == "ap-southeast-2" && l.Kind == "RDS");
        Assert.All(report.Lines.Where(l => l.Resource.StartsWith("ap-southeast-1-network-", StringComparison.Ordinal)), l => Assert.Equal("ap-southeast-1", l.Region));
    }

    [Fact]
    public void The_program_states_what_is_counted()
    {
        var lines = Cost(EstimateConfigs.Ha).Lines;

        var nodes = lines.Single(l => l.Resource == "ap-southeast-1-cluster-nodes" && l.Kind == "EC2" && l.Unit == "instance-hour");
        Assert.Equal(3 * 730m, nodes.Quantity); // desired size 3 of the ha sizing
        Assert.Contains("m6i.xlarge", nodes.Item, StringComparison.Ordinal);

        var db = lines.Single(l => l.Resource == "ap-southeast-1-db-instance" && l.Unit == "instance-hour");
        Assert.Equal(2 * 730m, db.Quantity); // Multi-AZ: primary and standby
        Assert.Contains("db.r6g.large", db.Item, StringComparison.Ordinal);

        var cache = lines.Single(l => l.Resource == "ap-southeast-1-cache-group");
        Assert.Equal(3 * 730m, cache.Quantity); // one node per AZ

        Assert.Equal(3, lines.Count(l => l.Type == "aws:ec2/natGateway:NatGateway" && l.Unit == "gateway-hour"));
        var natData = lines.First(l => l.Type == "aws:ec2/natGateway:NatGateway" && l.Unit == "GB processed");
        Assert.Contains("natDataGbPerGateway", natData.Assumption, StringComparison.Ordinal);
    }

    [Fact]
    public void Eks_control_plane_price_follows_the_kubernetes_version_support_window()
    {
        static CostLine ControlPlane(string date) => Cost(EstimateConfigs.Ha + $"\n  harbor-ha:costAssumptions:\n    eksSupportDate: {date}\n")
            .Lines.Single(l => l.Resource == "ap-southeast-1-cluster-eks");

        // Kubernetes 1.35 (the default): standard support ends 2027-03-27.
        Assert.Equal(0.10m, ControlPlane("2026-12-02").UnitPrice);
        Assert.Equal(0.10m, ControlPlane("2027-03-26").UnitPrice);
        Assert.Equal(0.60m, ControlPlane("2027-03-27").UnitPrice);
        Assert.Contains("extended support", ControlPlane("2027-04-01").Item, StringComparison.Ordinal);
    }

    [Fact]
    public void China_regions_are_priced_and_converted_with_the_rate()
    {
        var program = Synthesizer.Build(TestConfigs.LoadCommitted("prod"));
        var atDefault = CostEstimator.Estimate(program);
        var dearer = CostEstimator.Estimate(program, cnyPerUsd: atDefault.Assumptions.CnyPerUsd!.Value / 2);

        var china = atDefault.Lines.Where(l => l.Region.StartsWith("cn-", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(china);
        Assert.All(china, l => Assert.Equal("CNY", l.Currency));
        Assert.True(china.Sum(l => l.MonthlyUsd) > 1000m);

        static decimal Side(CostReport r, bool inChina) => r.Lines.Where(l => l.Region.StartsWith("cn-", StringComparison.Ordinal) == inChina).Sum(l => l.MonthlyUsd);
        Assert.Equal(Side(atDefault, false), Side(dearer, false));
        Assert.Equal(2 * Side(atDefault, true), Side(dearer, true), 2);
    }

    [Fact]
    public void Totals_grow_from_single_site_to_ha()
    {
        var single = Cost(EstimateConfigs.SingleSite).MonthlyUsd;
        var ha = Cost(EstimateConfigs.Ha).MonthlyUsd;
        Assert.True(ha > single * 1.5m, $"single-site {single}, ha {ha}");
    }

    [Fact]
    public void Totals_grow_from_five_to_six_regions()
    {
        var five = CostEstimator.Estimate(Synthesizer.Build(TestConfigs.LoadCommitted("prod")));
        var six = Cost(EstimateConfigs.ProdPlusOne());
        Assert.Equal(5, five.ByRegion.Count(r => r.Region is not ("ap-southeast-2" or "eu-west-1" or "us-west-2")));
        Assert.True(six.MonthlyUsd > five.MonthlyUsd + 1000m, $"5 regions {five.MonthlyUsd}, 6 regions {six.MonthlyUsd}");
        Assert.Contains(six.ByRegion, r => r.Region == "ap-northeast-1" && r.MonthlyUsd > 1000m);
    }

    [Fact]
    public void Usage_assumptions_come_from_the_stack_config()
    {
        var report = Cost(EstimateConfigs.Ha + "\n  harbor-ha:costAssumptions:\n    registryStorageGb: 2000\n    natDataGbPerGateway: \"0\"\n");
        var bucket = report.Lines.Single(l => l.Resource == "ap-southeast-1-storage-bucket");
        Assert.Equal(2000m, bucket.Quantity);
        Assert.Contains("registryStorageGb: 2000", bucket.Assumption, StringComparison.Ordinal);
        Assert.All(report.Lines.Where(l => l.Unit == "GB processed" && l.Type == "aws:ec2/natGateway:NatGateway"), l => Assert.Equal(0m, l.MonthlyUsd));
        Assert.Equal(2000m, report.Assumptions.RegistryStorageGb);
    }

    [Fact]
    public void The_dr_replica_and_the_log_bucket_are_told_apart_from_the_registry_bucket()
    {
        var a = new CostAssumptions();
        var lines = Cost(EstimateConfigs.Ha).Lines.Where(l => l.Type == "aws:s3/bucket:Bucket").ToDictionary(l => l.Resource);
        Assert.Equal(a.RegistryStorageGb, lines["ap-southeast-1-storage-bucket"].Quantity);
        Assert.Equal(a.RegistryStorageGb, lines["ap-southeast-1-storage-dr-bucket"].Quantity);
        Assert.Equal("ap-southeast-2", lines["ap-southeast-1-storage-dr-bucket"].Region);
        Assert.Equal(a.LogBucketGb, lines["ap-southeast-1-logs"].Quantity);
    }

    [Theory]
    [InlineData("natDataGbPerGateway: -1", "harbor-ha:costAssumptions.natDataGbPerGateway", "zero or more")]
    [InlineData("albLcu: 2", "harbor-ha:costAssumptions.albLcu", "did you mean")]
    [InlineData("cnyPerUsd: 0", "harbor-ha:costAssumptions.cnyPerUsd", "more than zero")]
    [InlineData("registryStorageGb: lots", "harbor-ha:costAssumptions.registryStorageGb", "must be a number")]
    [InlineData("eksSupportDate: tomorrow", "harbor-ha:costAssumptions.eksSupportDate", "must be a date")]
    public void Bad_cost_assumptions_are_config_errors_naming_the_key(string field, string key, string message)
    {
        var e = Assert.Throws<ConfigException>(() => TestConfigs.Parse(EstimateConfigs.Ha + $"\n  harbor-ha:costAssumptions:\n    {field}\n"));
        Assert.Contains(e.Errors, x => x.Key == key && x.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Cost_assumptions_never_change_the_program()
    {
        var plain = YamlWriter.Write(EstimateConfigs.Program(EstimateConfigs.Ha));
        var assumed = YamlWriter.Write(EstimateConfigs.Program(EstimateConfigs.Ha + "\n  harbor-ha:costAssumptions:\n    albLcus: 7.5\n"));
        Assert.Equal(plain, assumed);
    }

    [Fact]
    public void Json_has_the_documented_shape()
    {
        var report = Cost(EstimateConfigs.Ha);
        using var json = JsonDocument.Parse(report.ToJson());
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Number, root.GetProperty("monthlyUsd").ValueKind);
        Assert.Equal("2026-12-01", root.GetProperty("priceTableDate").GetString());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("assumptions").ValueKind);
        Assert.Equal(100, root.GetProperty("assumptions").GetProperty("natDataGbPerGateway").GetDecimal());
        var lines = root.GetProperty("lines").EnumerateArray().ToArray();
        Assert.Equal(report.Lines.Count, lines.Length);
        foreach (var line in lines)
        {
            Assert.Equal(JsonValueKind.String, line.GetProperty("resource").ValueKind);
            Assert.Equal(JsonValueKind.String, line.GetProperty("region").ValueKind);
            Assert.Equal(JsonValueKind.Number, line.GetProperty("monthly").ValueKind);
            Assert.True(line.GetProperty("currency").GetString() is "USD" or "CNY");
            Assert.Equal(JsonValueKind.Number, line.GetProperty("unitPrice").ValueKind);
            Assert.Equal(JsonValueKind.String, line.GetProperty("unit").ValueKind);
            Assert.Equal(JsonValueKind.Number, line.GetProperty("quantity").ValueKind);
            if (line.TryGetProperty("assumption", out var assumption))
            {
                Assert.Equal(JsonValueKind.String, assumption.ValueKind);
            }
        }

        Assert.Equal(Math.Round(report.MonthlyUsd, 2), root.GetProperty("monthlyUsd").GetDecimal());
    }

    [Fact]
    public void A_type_the_table_does_not_know_gets_an_unpriced_line_not_silence()
    {
        var program = new PulumiProgram("t");
        program.Add("p", Resource.ProviderPrefix + "aws", new MapValue { ["region"] = "us-east-1" });
        program.Add("x", "aws:sqs/queue:Queue", new MapValue(), new ResourceOptions { Provider = new Ref("p") });
        program.Add("n", "aws:ec2/instance:Instance", new MapValue { ["instanceType"] = "u-24tb1.metal" }, new ResourceOptions { Provider = new Ref("p") });
        var report = CostEstimator.Estimate(program);
        Assert.Equal(["n", "x"], report.UnpricedLines.Select(l => l.Resource).Order(StringComparer.Ordinal));
        Assert.Equal(0m, report.MonthlyUsd);
    }
}
