namespace HarborHa.Registry;

/// <summary>The pinned Harbor Helm chart and the names its templates derive from our values.</summary>
public static class HarborChart
{
    public const string Name = "harbor";

    /// <summary>Chart 1.19.1 = Harbor 2.15.1 (Redis over TLS needs chart 1.17+, DESIGN.md).</summary>
    public const string Version = "1.19.1";

    public const string Repository = "https://helm.goharbor.io";

    /// <summary>Release name; with the chart's name it keeps object names short (<c>harbor-core</c>, ...).</summary>
    public const string ReleaseName = "harbor";

    /// <summary>The ClusterIP service in front of nginx (<c>expose.clusterIP.name</c>).</summary>
    public const string ServiceName = "harbor";

    /// <summary>The service's HTTP port; it targets nginx's container port 8080.</summary>
    public const int ServicePort = 80;

    /// <summary>Harbor core's ClusterIP service (port 80): in-cluster probes read its API there.</summary>
    public const string CoreServiceName = "harbor-core";

    /// <summary>Harbor's own namespace.</summary>
    public const string Namespace = "harbor";
}
