using HarborHa.Common;
using HarborHa.Model;

namespace HarborHa.Cluster;

/// <summary>
/// The AWS Load Balancer Controller, used only through <c>TargetGroupBinding</c>: it keeps the
/// Harbor pods' IPs registered in target groups that Pulumi owns, so targets follow pods across
/// rolling updates and reschedules (node-group attachments would send traffic to nodes, not pods).
/// Its role for its service account may describe load balancers and register or deregister
/// targets in harbor-ha's own target groups, nothing more.
/// </summary>
public sealed class LoadBalancerController
{
    /// <summary>Pinned chart (app v3.4.3), from https://aws.github.io/eks-charts.</summary>
    public const string ChartVersion = "3.4.3";

    public const string ChartRepository = "https://aws.github.io/eks-charts";

    public const string Namespace = "kube-system";

    public const string ServiceAccount = "aws-load-balancer-controller";

    public LoadBalancerController(PulumiProgram program, Ref provider, LoadBalancerControllerArgs args)
    {
        var r = args.Region;
        string Name(string role) => LogicalName.Of(r, "cluster", "lb-controller", role);
        var role = ServiceAccountRole.Declare(program, provider, Name("role"), args.Cluster.Issuer, Namespace, ServiceAccount,
            $"harbor-ha {r}: AWS Load Balancer Controller (TargetGroupBinding only)");
        var policy = program.Declare(Name("policy"), ResourceTypes.IamRolePolicy, provider, new MapValue
        {
            ["role"] = role.Id,
            ["policy"] = Policy(args.TargetGroupArns),
        });

        Release = program.Add(Name("release"), ResourceTypes.HelmRelease, new MapValue
        {
            ["name"] = "aws-load-balancer-controller",
            ["chart"] = "aws-load-balancer-controller",
            ["version"] = args.ChartVersion,
            ["repositoryOpts"] = new MapValue { ["repo"] = ChartRepository },
            ["namespace"] = Namespace,
            ["values"] = Values(args, role.Out("arn")),
            ["atomic"] = true,
            ["cleanupOnFail"] = true,
            ["timeout"] = 600,
        }, new ResourceOptions
        {
            Provider = args.Cluster.KubernetesProvider,
            // Its pods need nodes and DNS; its role needs its permissions before it starts.
            DependsOn = [.. args.Cluster.WorkloadsReady, policy.Self],
        }).Self;
    }

    /// <summary>The Helm release; TargetGroupBinding objects (a CRD of this chart) depend on it.</summary>
    public Ref Release { get; }

    /// <summary>The chart values: a pure function of the inputs, so tests can walk them.</summary>
    public static MapValue Values(LoadBalancerControllerArgs args, Value roleArn)
    {
        var values = new MapValue
        {
            ["clusterName"] = args.Cluster.ClusterName,
            // IMDS is closed to pods (hop limit 1), so region and VPC cannot be discovered.
            ["region"] = args.Region,
            ["vpcId"] = args.VpcId,
            ["replicaCount"] = args.Replicas,
            ["serviceAccount"] = new MapValue
            {
                ["create"] = true,
                ["name"] = ServiceAccount,
                ["annotations"] = new MapValue { ["eks.amazonaws.com/role-arn"] = roleArn },
            },
            // TargetGroupBinding only: no IngressClass, no mutation of Services of type
            // LoadBalancer, no WAF or Shield calls (the role does not allow them).
            ["createIngressClassResource"] = false,
            ["enableServiceMutatorWebhook"] = false,
            ["enableShield"] = false,
            ["enableWaf"] = false,
            ["enableWafv2"] = false,
            ["podDisruptionBudget"] = new MapValue { ["maxUnavailable"] = 1 },
        };
        // The image by name and tag, and by digest when the image lock has it (the chart renders repository:tag).
        var repository = ImageRepository(args.Region) ?? DefaultImageRepository;
        var tag = args.ImageDigests.TryGetValue($"{repository}:{ImageTag}", out var digest) ? $"{ImageTag}@{digest}" : ImageTag;
        values.Add("image", new MapValue { ["repository"] = repository, ["tag"] = tag });
        return values;
    }

    /// <summary>The chart's default image repository (public ECR, outside China).</summary>
    public const string DefaultImageRepository = "public.ecr.aws/eks/aws-load-balancer-controller";

    /// <summary>The controller version of the pinned chart.</summary>
    public const string ImageTag = "v" + ChartVersion;

    /// <summary>Every image reference the controller can run, as <c>repository:tag</c> (the image lock's keys).</summary>
    public static IReadOnlyList<string> SourceReferences { get; } =
        new[] { DefaultImageRepository, ImageRepository("cn-north-1")!, ImageRepository("cn-northwest-1")! }
            .Select(r => $"{r}:{ImageTag}").Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The controller image in China: the chart's default (public.ecr.aws) is outside the
    /// partition; AWS publishes the image in each China region's EKS image registry (EKS User
    /// Guide for China, "Amazon container image registries").
    /// </summary>
    public static string? ImageRepository(string region) => region switch
    {
        "cn-north-1" => "918309763551.dkr.ecr.cn-north-1.amazonaws.com.cn/amazon/aws-load-balancer-controller",
        "cn-northwest-1" => "961992271922.dkr.ecr.cn-northwest-1.amazonaws.com.cn/amazon/aws-load-balancer-controller",
        _ => null,
    };

    /// <summary>
    /// Read-only describes (they do not support resource-level permissions), and target
    /// registration limited to harbor-ha's target groups.
    /// </summary>
    public static ToJson Policy(IReadOnlyList<Ref> targetGroupArns) => IamPolicy.Document(
        new MapValue
        {
            ["Sid"] = "Describe",
            ["Effect"] = "Allow",
            ["Action"] = Value.List(
                "ec2:DescribeAvailabilityZones", "ec2:DescribeInstances", "ec2:DescribeNetworkInterfaces",
                "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs", "ec2:GetSecurityGroupsForVpc",
                "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeLoadBalancers",
                "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeTargetGroupAttributes",
                "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetHealth"),
            ["Resource"] = "*",
        },
        new MapValue
        {
            ["Sid"] = "RegisterHarborTargets",
            ["Effect"] = "Allow",
            ["Action"] = Value.List("elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"),
            ["Resource"] = new ListValue(targetGroupArns.ToArray()),
        });
}
