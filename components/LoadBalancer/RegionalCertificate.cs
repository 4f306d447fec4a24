using HarborHa.Common;
using HarborHa.Dns;
using HarborHa.Model;

namespace HarborHa.LoadBalancer;

/// <summary>
/// The TLS certificate a region's load balancers present for <c>&lt;region&gt;.&lt;domain&gt;</c>, by
/// <see cref="CertificateSource"/>: an ACM certificate validated by DNS in the stack's zone
/// (ACM issues public certificates with DNS validation in the China Regions too, and validates
/// through public DNS, so the record may sit in the other partition's zone); an existing ACM
/// certificate by ARN; or, for dev, a self-signed certificate from the tls provider imported into ACM.
/// </summary>
public sealed class RegionalCertificate
{
    public RegionalCertificate(PulumiProgram program, Ref provider, RegistryFrontDoorArgs args)
    {
        var host = args.Host;
        var tlsProvider = args.TlsProvider;
        var zone = args.Zone;
        string Name(string role) => LogicalName.Of(args.Region, "lb", role);
        switch (args.Certificate)
        {
            case CertificateSource.Imported:
                Arn = args.ImportedCertificateArn ?? throw new ArgumentException($"{args.Region}: an imported certificate needs its ARN", nameof(args));
                break;
            case CertificateSource.SelfSigned:
                {
                    var key = program.Add(Name("tls-key"), ResourceTypes.TlsPrivateKey, new MapValue
                    {
                        ["algorithm"] = "RSA",
                        ["rsaBits"] = 2048,
                    }, new ResourceOptions { Provider = tlsProvider });
                    var cert = program.Add(Name("tls-cert"), ResourceTypes.TlsSelfSignedCert, new MapValue
                    {
                        ["privateKeyPem"] = key.Out("privateKeyPem"),
                        ["subject"] = new MapValue { ["commonName"] = host, ["organization"] = "harbor-ha (self-signed, dev only)" },
                        ["dnsNames"] = Value.List(host),
                        ["validityPeriodHours"] = 24 * 365,
                        // Replaced at the first update within 30 days of expiry.
                        ["earlyRenewalHours"] = 24 * 30,
                        ["allowedUses"] = Value.List("key_encipherment", "digital_signature", "server_auth"),
                    }, new ResourceOptions { Provider = tlsProvider });
                    SelfSignedCertificatePem = cert.Out("certPem");
                    Arn = program.Declare(Name("certificate"), ResourceTypes.AcmCertificate, provider, new MapValue
                    {
                        ["privateKey"] = key.Out("privateKeyPem"),
                        ["certificateBody"] = cert.Out("certPem"),
                        ["tags"] = ProgramExtensions.NameTag(Name("certificate")),
                    }).Out("arn");
                    break;
                }

            default:
                {
                    if (zone is null)
                    {
                        throw new ProgramException("acm-dns certificates need the stack's public zone");
                    }

                    var cert = program.Declare(Name("certificate"), ResourceTypes.AcmCertificate, provider, new MapValue
                    {
                        ["domainName"] = host,
                        ["validationMethod"] = "DNS",
                        ["keyAlgorithm"] = "RSA_2048",
                        ["tags"] = ProgramExtensions.NameTag(Name("certificate")),
                    });
                    var option = "domainValidationOptions[0]";
                    var record = program.Declare(Name("certificate-validation-record"), ResourceTypes.Route53Record, zone.Provider, new MapValue
                    {
                        ["zoneId"] = zone.ZoneId,
                        ["name"] = cert.Out($"{option}.resourceRecordName"),
                        ["type"] = cert.Out($"{option}.resourceRecordType"),
                        ["records"] = Value.List(cert.Out($"{option}.resourceRecordValue")),
                        ["ttl"] = 300,
                        ["allowOverwrite"] = true,
                    });
                    // Listeners take the ARN from the validation, so they wait until ACM has issued it.
                    Arn = program.Declare(Name("certificate-validation"), ResourceTypes.AcmCertificateValidation, provider, new MapValue
                    {
                        ["certificateArn"] = cert.Out("arn"),
                        ["validationRecordFqdns"] = Value.List(record.Out("fqdn")),
                    }).Out("certificateArn");
                    break;
                }
        }
    }

    /// <summary>The ACM certificate ARN for the HTTPS listeners.</summary>
    public Value Arn { get; }

    /// <summary>With <c>self-signed</c>: the certificate (public), which docker clients must trust.</summary>
    public Ref? SelfSignedCertificatePem { get; }
}
