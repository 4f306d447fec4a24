namespace HarborHa.Tests.Distribution;

/// <summary>Geo stack configs for the distribution tests, written the way users write them.</summary>
public static class GeoConfigs
{
    /// <summary>The names of the configs below, for theories.</summary>
    public static IReadOnlyList<string> Names { get; } = [nameof(TwoSides), nameof(TwoSidesPlusOne), nameof(OverseasPublic), nameof(TwoSidesPublic)];

    /// <summary>A config below by its name.</summary>
    public static string ByName(string name) => name switch
    {
        nameof(TwoSides) => TwoSides,
        nameof(TwoSidesPlusOne) => TwoSidesPlusOne,
        nameof(OverseasPublic) => OverseasPublic,
        nameof(TwoSidesPublic) => TwoSidesPublic,
        _ => throw new ArgumentException($"no geo config named {name}", nameof(name)),
    };

    /// <summary>Both sides, primary in Beijing (the China hub), internal exposure: the shape of Pulumi.prod.yaml.</summary>
    public const string TwoSides = """
        config:
          harbor-ha:topology: geo
          harbor-ha:domain: registry.example.com
          harbor-ha:chinaImageMirror: mirror.example.cn/harbor
          harbor-ha:regions:
            - name: cn-north-1
              slot: 0
              role: primary
              drRegion: cn-northwest-1
            - name: cn-northwest-1
              slot: 1
            - name: ap-southeast-1
              slot: 0
            - name: eu-central-1
              slot: 1
        """;

    /// <summary><see cref="TwoSides"/> plus us-east-1: the add-a-region case.</summary>
    public const string TwoSidesPlusOne = TwoSides + "\n    - name: us-east-1\n      slot: 2";

    /// <summary>Overseas only, primary in a spoke, public names too, credentials for Docker Hub, preheat in one region.</summary>
    public const string OverseasPublic = """
        config:
          harbor-ha:topology: geo
          harbor-ha:environment: dev
          harbor-ha:domain: registry.example.com
          harbor-ha:exposure: both
          harbor-ha:regions:
            - name: ap-southeast-1
              slot: 0
            - name: eu-central-1
              slot: 1
              role: primary
            - name: us-east-1
              slot: 2
          harbor-ha:projects:
            - name: apps
              retention: { keepLastPushed: 20, keepPushedWithinDays: 90, schedule: weekly }
              immutableTags: ["v*", "release-*"]
              preventVulnerable: high
              storageQuotaGb: 500
            - name: sandbox
              replicate: false
          harbor-ha:proxyCaches:
            - name: dockerhub
              type: docker-hub
              username: acme
              passwordSecret: dockerhubToken
          harbor-ha:replication:
            tags: "v*"
            bandwidthMbps: 400
          harbor-ha:dragonfly:
            preheatTokens:
              eu-central-1: dragonflyTokenEuCentral1
          harbor-ha:dockerhubToken:
            secure: AAABAKx
          harbor-ha:dragonflyTokenEuCentral1:
            secure: AAABAKy
        """;

    /// <summary>Both sides, public names too, primary overseas.</summary>
    public const string TwoSidesPublic = """
        config:
          harbor-ha:topology: geo
          harbor-ha:domain: registry.example.com
          harbor-ha:chinaImageMirror: mirror.example.cn/harbor
          harbor-ha:exposure: both
          harbor-ha:regions:
            - name: cn-north-1
              slot: 0
            - name: cn-northwest-1
              slot: 1
            - name: ap-southeast-1
              slot: 0
              role: primary
            - name: us-west-2
              slot: 3
        """;
}
