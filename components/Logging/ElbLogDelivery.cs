using HarborHa.Model;

namespace HarborHa.Logging;

/// <summary>
/// Who writes ALB access logs into a bucket. Regions opened before August 2022 deliver from a
/// regional Elastic Load Balancing account (its ARN comes from the AWS provider's own table
/// through <c>aws:elb/getServiceAccount</c>, China included); later regions deliver as the
/// <c>logdelivery.elasticloadbalancing.amazonaws.com</c> service principal (ELB User Guide,
/// "Enable access logs for your Application Load Balancer", step 2).
/// </summary>
public static class ElbLogDelivery
{
    /// <summary>Regions with a regional ELB account, as AWS lists them.</summary>
    public static readonly IReadOnlySet<string> AccountRegions = new HashSet<string>(StringComparer.Ordinal)
    {
        "af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ca-central-1", "cn-north-1", "cn-northwest-1",
        "eu-central-1", "eu-north-1", "eu-south-1", "eu-west-1", "eu-west-2", "eu-west-3", "me-south-1",
        "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
    };

    public const string ServicePrincipal = "logdelivery.elasticloadbalancing.amazonaws.com";

    /// <summary>The bucket policy <c>Principal</c> for the region.</summary>
    public static MapValue Principal(string region, Ref awsProvider) =>
        AccountRegions.Contains(region)
            ? new MapValue
            {
                ["AWS"] = new Invoke(ResourceTypes.GetElbServiceAccount, new MapValue { ["region"] = region }, awsProvider, "arn"),
            }
            : new MapValue { ["Service"] = ServicePrincipal };
}
