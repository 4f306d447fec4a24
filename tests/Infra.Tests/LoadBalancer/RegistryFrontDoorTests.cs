using HarborHa.LoadBalancer;
using HarborHa.Logging;
using HarborHa.Model;
using HarborHa.Tests.Registry;
using HarborHa.Tests.Support;
using Xunit;

namespace HarborHa.Tests.LoadBalancer;

public sealed class RegistryFrontDoorTests
{
    private const string Region = "eu-central-1";

    /// <summary>ha with a public load balancer for one documentation range of clients.</summary>
    private static readonly PulumiProgram Ha = TestConfigs.Synth(TestConfigs.Ha + "\n  harbor-ha:exposure: public\n  harbor-ha:clientCidrs: [203.0.113.0/24]\n");

    private static string WithExposure(string stackYaml, string exposure) => $"{stackYaml}\n  harbor-ha:exposure: {exposure}\n";

    private static IReadOnlyList<Resource> Albs(PulumiProgram program) => program.OfType("aws:lb/loadBalancer:LoadBalancer");

    [Fact]
    public void PublicExposureIsOneInternetFacingLoadBalancerInThePublicSubnets()
    {
        var alb = Assert.Single(Albs(Ha));

        Assert.Equal($"{Region}-lb-public-alb", alb.Name);
        Assert.False(((Flag)alb.Properties["internal"]).Value);
        Assert.All(((ListValue)alb.Properties["subnets"]).Items.Cast<Ref>(), s => Assert.Contains("-network-public-", s.Target, StringComparison.Ordinal));
        Assert.Equal(3, ((ListValue)alb.Properties["subnets"]).Items.Count);
    }

    [Fact]
    public void GeoDefaultsToInternalLoadBalancersInThePrivateSubnets()
    {
        var geo = TestConfigs.Synth(TestConfigs.Geo);

        Assert.All(Albs(geo), alb =>
        {
            Assert.EndsWith("-lb-internal-alb", alb.Name, StringComparison.Ordinal);
            Assert.True(((Flag)alb.Properties["internal"]).Value);
            Assert.All(((ListValue)alb.Properties["subnets"]).Items.Cast<Ref>(), s => Assert.Contains("-network-private-", s.Target, StringComparison.Ordinal));
        });
        Assert.Equal(4, Albs(geo).Count);
    }

    [Fact]
    public void BothExposuresGiveTwoLoadBalancersEachWithItsTargetGroup()
    {
        var both = TestConfigs.Synth(WithExposure(TestConfigs.Ha, "both"));

        Assert.Equal([$"{Region}-lb-internal-alb", $"{Region}-lb-public-alb"], Albs(both).Select(a => a.Name));
        Assert.Equal([$"{Region}-lb-internal-tg", $"{Region}-lb-public-tg"], both.OfType("aws:lb/targetGroup:TargetGroup").Select(t => t.Name));
        Assert.True(both.Outputs.ContainsKey("euCentral1PublicAlbDnsName"));
        Assert.True(both.Outputs.ContainsKey("euCentral1InternalAlbDnsName"));
    }

    [Fact]
    public void TheLoadBalancerIsHardenedAndLogsToItsBucket()
    {
        var alb = Ha.Get($"{Region}-lb-public-alb");

        Assert.True(((Flag)alb.Properties["dropInvalidHeaderFields"]).Value);
        Assert.Equal(new Number(900), alb.Properties["idleTimeout"]);
        Assert.True(((Flag)alb.Prop("accessLogs.enabled")).Value);
        Assert.Equal(new Ref($"{Region}-logs", "id"), alb.Prop("accessLogs.bucket"));
        Assert.True(((Flag)alb.Properties["enableDeletionProtection"]).Value);
        Assert.Contains(new Ref($"{Region}-logs-policy"), alb.Options.DependsOn);
    }

    [Fact]
    public void HttpRedirectsToHttpsAndHttpsUsesAModernTlsPolicy()
    {
        var http = Ha.Get($"{Region}-lb-public-http");
        var https = Ha.Get($"{Region}-lb-public-https");

        var redirect = (MapValue)((ListValue)http.Properties["defaultActions"]).Items.Cast<MapValue>().Single()["redirect"];
        Assert.Equal((Value)"HTTP_301", redirect["statusCode"]);
        Assert.Equal((Value)"HTTPS", redirect["protocol"]);
        Assert.Equal((Value)"443", redirect["port"]);
        Assert.Equal(new Number(80), http.Properties["port"]);
        Assert.Equal("ELBSecurityPolicy-TLS13-1-2-2021-06", https.Text("sslPolicy"));
        Assert.Equal("HTTPS", https.Text("protocol"));
        // The internet gets the registry API and its token service; everything else is refused.
        var refused = ((ListValue)https.Properties["defaultActions"]).Items.Cast<MapValue>().Single();
        Assert.Equal((Value)"fixed-response", refused["type"]);
        Assert.Equal((Value)"403", refused.At("fixedResponse.statusCode"));
        var registry = Ha.Get($"{Region}-lb-public-https-registry");
        var forward = ((ListValue)registry.Properties["actions"]).Items.Cast<MapValue>().Single();
        Assert.Equal(new Ref($"{Region}-lb-public-tg", "arn"), forward["targetGroupArn"]);
        Assert.Equal(["/v2", "/v2/*", "/service/token"], ((ListValue)((MapValue)((ListValue)registry.Properties["conditions"]).Items.Single()).At("pathPattern.values")!).Items.Cast<Text>().Select(t => t.Value));
    }

    [Fact]
    public void TheTargetGroupHoldsPodIpsCheckedOnHarborsPing()
    {
        var tg = Ha.Get($"{Region}-lb-public-tg");

        Assert.Equal("ip", tg.Text("targetType"));
        Assert.Equal(new Number(8080), tg.Properties["port"]);
        Assert.Equal((Value)"/api/v2.0/ping", tg.Prop("healthCheck.path"));
        Assert.Equal((Value)"200", tg.Prop("healthCheck.matcher"));
    }

    [Fact]
    public void TheSecurityGroupsAllowWebTrafficInAndHarborsPortToTheNodesOnly()
    {
        var ingress = Ha.OfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        var albRules = ingress.Where(r => r.Properties["securityGroupId"] == new Ref($"{Region}-lb-public-sg", "id")).ToArray();
        Assert.Equal([80L, 443L], albRules.Select(r => ((Number)r.Properties["fromPort"]).Value).Order());
        Assert.All(albRules, r => Assert.Equal((Value)"203.0.113.0/24", r.Properties["cidrIpv4"]));

        var egress = Ha.OfType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")
            .Where(r => r.Properties["securityGroupId"] == new Ref($"{Region}-lb-public-sg", "id")).ToArray();
        var only = Assert.Single(egress);
        Assert.Equal(new Ref($"{Region}-cluster-nodes-sg", "id"), only.Properties["referencedSecurityGroupId"]);
        Assert.Equal(new Number(8080), only.Properties["fromPort"]);

        var toNodes = Ha.Get($"{Region}-cluster-nodes-sg-from-lb-public-8080");
        Assert.Equal(new Ref($"{Region}-lb-public-sg", "id"), toNodes.Properties["referencedSecurityGroupId"]);
    }

    [Fact]
    public void AnInternalLoadBalancerAcceptsThePrivateNetworkOnly()
    {
        var geo = TestConfigs.Synth(TestConfigs.Geo);
        var rules = geo.OfType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
            .Where(r => r.Properties["securityGroupId"] == new Ref("cn-north-1-lb-internal-sg", "id"));

        Assert.All(rules, r => Assert.Equal((Value)"10.0.0.0/8", r.Properties["cidrIpv4"]));
    }

    [Fact]
    public void TheLogBucketIsEncryptedWithS3KeysPrivateAndTlsOnly()
    {
        var sse = Ha.Get($"{Region}-logs-encryption");
        var rule = ((ListValue)sse.Properties["rules"]).Items.Cast<MapValue>().Single();
        Assert.Equal((Value)"AES256", rule.At("applyServerSideEncryptionByDefault.sseAlgorithm"));
        Assert.True(((Flag)Ha.Get($"{Region}-logs-public-access").Properties["restrictPublicBuckets"]).Value);

        var statements = Statements(Ha.Get($"{Region}-logs-policy"));
        var deny = statements.Single(s => s["Effect"] == (Value)"Deny");
        Assert.Equal((Value)"false", deny.MapAt("Condition.Bool")["aws:SecureTransport"]);
        // S3 server access logs may be written only for this account's buckets (no confused deputy).
        var s3Logs = statements.Single(s => s["Sid"] == (Value)"S3ServerAccessLogs");
        Assert.IsType<Invoke>(s3Logs.MapAt("Condition.StringEquals")["aws:SourceAccount"]);
        Assert.True(Ha.Get($"{Region}-logs").Options.Protect);
    }

    [Theory]
    [InlineData("eu-central-1", true)]
    [InlineData("cn-north-1", true)]
    [InlineData("ap-southeast-4", false)]
    [InlineData("eu-central-2", false)]
    public void LogDeliveryIsFromTheRegionalElbAccountInOldRegionsAndTheServicePrincipalInNewOnes(string region, bool account)
    {
        var program = TestConfigs.Synth($"""
            config:
              harbor-ha:topology: ha
              harbor-ha:domain: registry.example.com
              harbor-ha:chinaImageMirror: mirror.example.cn/harbor
              harbor-ha:regions:
                - name: {region}
                  slot: 2
            """);

        var principal = Statements(program.Get($"{region}-logs-policy")).Single(s => s["Sid"] == (Value)"ElbLogDelivery").MapAt("Principal");
        if (account)
        {
            var invoke = (Invoke)principal["AWS"];
            Assert.Equal("aws:elb/getServiceAccount:getServiceAccount", invoke.Function);
            Assert.Equal(new Ref($"{region}-aws"), invoke.Provider);
        }
        else
        {
            Assert.Equal((Value)ElbLogDelivery.ServicePrincipal, principal["Service"]);
        }
    }

    [Fact]
    public void AcmDnsCertificatesAreValidatedInTheStacksZoneBeforeTheListenerUsesThem()
    {
        var cert = Ha.Get($"{Region}-lb-certificate");
        var record = Ha.Get($"{Region}-lb-certificate-validation-record");
        var validation = Ha.Get($"{Region}-lb-certificate-validation");

        Assert.Equal("eu-central-1.registry.example.com", cert.Text("domainName"));
        Assert.Equal("DNS", cert.Text("validationMethod"));
        Assert.Equal(new Ref("global-dns-zone", "zoneId"), record.Properties["zoneId"]);
        Assert.Equal(new Ref("us-east-1-aws"), record.Options.Provider);
        Assert.Equal(new Ref($"{Region}-aws"), validation.Options.Provider);
        Assert.Equal(new Ref($"{Region}-lb-certificate-validation", "certificateArn"), Ha.Get($"{Region}-lb-public-https").Properties["certificateArn"]);
    }

    [Fact]
    public void ImportedCertificatesAreUsedByArn()
    {
        const string arn = "arn:aws:acm:eu-central-1:111122223333:certificate/abc";
        var program = TestConfigs.Synth(TestConfigs.Ha + $"\n  harbor-ha:certificate:\n    mode: imported\n    arns:\n      eu-central-1: {arn}\n");

        Assert.Equal((Value)arn, program.Get($"{Region}-lb-internal-https").Properties["certificateArn"]);
        Assert.Empty(program.OfType("aws:acm/certificate:Certificate"));
        Assert.False(program.Contains(HarborHa.Dns.PublicZone.LogicalName));
    }

    [Fact]
    public void SelfSignedCertificatesComeFromTheTlsProviderAndAreImportedIntoAcm()
    {
        var dev = TestConfigs.Synth(TestConfigs.SingleSite + "\n  harbor-ha:certificate:\n    mode: self-signed\n");
        var cert = dev.Get("ap-southeast-1-lb-certificate");

        Assert.Equal(new Ref("ap-southeast-1-lb-tls-key", "privateKeyPem"), cert.Properties["privateKey"]);
        Assert.Equal(new Ref("ap-southeast-1-lb-tls-cert", "certPem"), cert.Properties["certificateBody"]);
        Assert.Equal(new Ref("global-tls"), dev.Get("ap-southeast-1-lb-tls-cert").Options.Provider);
        Assert.Equal([(Value)"ap-southeast-1.registry.example.com"], ((ListValue)dev.Get("ap-southeast-1-lb-tls-cert").Properties["dnsNames"]).Items);
        Assert.Equal(new Ref("ap-southeast-1-lb-certificate", "arn"), dev.Get("ap-southeast-1-lb-internal-https").Properties["certificateArn"]);
        Assert.Equal(new Ref("ap-southeast-1-lb-tls-cert", "certPem"), dev.Outputs["apSoutheast1SelfSignedCertificate"]);
        Assert.False(Ha.Outputs.ContainsKey("euCentral1SelfSignedCertificate"));
    }

    [Fact]
    public void TheZoneIsDeclaredOnceInTheOverseasPartitionAndProtected()
    {
        var geo = TestConfigs.Synth(TestConfigs.Geo + "\n  harbor-ha:awsProfile: global\n");

        var zone = geo.Get(HarborHa.Dns.PublicZone.LogicalName);
        Assert.Equal("registry.example.com", zone.Text("name"));
        Assert.True(zone.Options.Protect);
        var provider = geo.Get("us-east-1-aws");
        Assert.Equal("us-east-1", provider.Text("region"));
        Assert.Equal("global", provider.Text("profile"));
        Assert.Single(geo.OfType("aws:route53/zone:Zone"), z => !z.Properties.ContainsKey("vpcs")); // the others are private
    }

    [Fact]
    public void RegionalRecordsAliasTheLoadBalancerInTheZonesPartitionAndCnameAcrossPartitions()
    {
        var geo = TestConfigs.Synth(TestConfigs.Geo);

        var overseas = geo.Get("eu-central-1-lb-dns");
        Assert.Equal("A", overseas.Text("type"));
        Assert.Equal("eu-central-1.registry.example.com", overseas.Text("name"));
        var alias = ((ListValue)overseas.Properties["aliases"]).Items.Cast<MapValue>().Single();
        Assert.Equal(new Ref("eu-central-1-lb-internal-alb", "dnsName"), alias["name"]);

        var china = geo.Get("cn-north-1-lb-dns");
        Assert.Equal("CNAME", china.Text("type"));
        Assert.Equal([new Ref("cn-north-1-lb-internal-alb", "dnsName")], ((ListValue)china.Properties["records"]).Items);
    }

    [Fact]
    public void AChinaOnlyStackKeepsItsZoneInChina()
    {
        var program = TestConfigs.Synth("""
            config:
              harbor-ha:topology: ha
              harbor-ha:domain: registry.example.cn
              harbor-ha:chinaImageMirror: mirror.example.cn/harbor
              harbor-ha:awsCnProfile: china
              harbor-ha:regions:
                - name: cn-northwest-1
                  slot: 1
            """);

        var provider = program.Get("cn-northwest-1-aws");
        Assert.Equal("cn-northwest-1", provider.Text("region"));
        Assert.Equal("china", provider.Text("profile"));
        Assert.Equal("A", program.Get("cn-northwest-1-lb-dns").Text("type"));
    }

    [Fact]
    public void ThePublicLoadBalancerGetsTheNameWhenBothExist()
    {
        var both = TestConfigs.Synth(WithExposure(TestConfigs.Ha, "both"));
        var alias = ((ListValue)both.Get($"{Region}-lb-dns").Properties["aliases"]).Items.Cast<MapValue>().Single();

        Assert.Equal(new Ref($"{Region}-lb-public-alb", "dnsName"), alias["name"]);
    }

    private static MapValue[] Statements(Resource policy) =>
        ((ListValue)((MapValue)((ToJson)policy.Properties["policy"]).Inner)["Statement"]).Items.Cast<MapValue>().ToArray();
}
