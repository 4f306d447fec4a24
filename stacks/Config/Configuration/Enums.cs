namespace HarborHa.Configuration;

/// <summary>The shape of a stack: <c>harbor-ha:topology</c>.</summary>
public enum Topology
{
    /// <summary>One region, smallest cost, for development.</summary>
    SingleSite,

    /// <summary>One region across three availability zones, no single point of failure.</summary>
    Ha,

    /// <summary>Many regions on one private network, each an HA Harbor.</summary>
    Geo,
}

/// <summary>Which side of the global network (and which AWS partition) a region is on.</summary>
public enum Side
{
    /// <summary>The <c>aws</c> partition; owns 10.128.0.0/9.</summary>
    Overseas,

    /// <summary>The <c>aws-cn</c> partition; owns 10.0.0.0/9.</summary>
    China,
}

/// <summary>A region's part in image distribution.</summary>
public enum RegionRole
{
    /// <summary>Where images are pushed; the one writer that replicates to every other region.</summary>
    Primary,

    /// <summary>Receives images from the primary.</summary>
    Replica,
}

/// <summary>How precious the stack's data is: <c>harbor-ha:environment</c>. Drives protection.</summary>
public enum Stage
{
    /// <summary>Disposable: nothing is protected, no final snapshots.</summary>
    Dev,

    /// <summary>Protected like prod.</summary>
    Staging,

    /// <summary>Protected: stateful resources refuse deletion. The default.</summary>
    Prod,
}

/// <summary>Who can reach each regional Harbor: <c>harbor-ha:exposure</c>.</summary>
public enum Exposure
{
    /// <summary>Only the private network (internal load balancer). Default for geo.</summary>
    Internal,

    /// <summary>Internet-facing load balancer. Default for single-site and ha.</summary>
    Public,

    /// <summary>An internet-facing and an internal load balancer.</summary>
    Both,
}

/// <summary>Where each region's TLS certificate comes from: <c>harbor-ha:certificate.mode</c>.</summary>
public enum CertificateMode
{
    /// <summary>ACM certificate validated through DNS records in the Route 53 zone the program creates.</summary>
    AcmDns,

    /// <summary>An existing ACM certificate, by ARN per region.</summary>
    Imported,

    /// <summary>A self-signed certificate from the tls provider, imported into ACM. For dev only.</summary>
    SelfSigned,
}
