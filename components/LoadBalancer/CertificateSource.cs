namespace HarborHa.LoadBalancer;

/// <summary>Where a region's TLS certificate comes from.</summary>
public enum CertificateSource
{
    /// <summary>An ACM certificate validated by DNS records in the stack's public zone. The default: renewed by ACM.</summary>
    AcmDns,

    /// <summary>An existing ACM certificate, by ARN (a corporate CA, or a zone this stack does not own).</summary>
    Imported,

    /// <summary>A self-signed certificate from the tls provider, imported into ACM: dev only, clients must trust it.</summary>
    SelfSigned,
}
