using HarborHa.Model;
using HarborHa.Network;
using HarborHa.Planning;

namespace HarborHa.Tests.Network;

public class ApplianceUserDataTests
{
    private static ApplianceUserData Sample(Value? tunnel1 = null) => new()
    {
        ApplianceName = "cn-north-1-vpn-appliance-b",
        Region = "cn-north-1",
        Plan = VpnPlan.ApplianceIn("cn-north-1b"),
        AwsAsn = 64512,
        ApplianceAsn = 65010,
        LocalSupernet = NetworkPlan.ChinaSupernet,
        RemoteSupernet = NetworkPlan.OverseasSupernet,
        PublicIp = "52.80.0.10",
        PskParameter = "cn-north-1-vpn-appliance-b-psk-1a2b3c4",
        Tunnel1Outside = tunnel1 ?? "203.0.113.1",
        Tunnel2Outside = "203.0.113.2",
    };

    private static string Script(ApplianceUserData data) =>
        string.Concat(data.Render().Parts.Select(p => Assert.IsType<Text>(p).Value));

    [Fact]
    public void Settings_come_from_the_plan_and_the_deploy_time_values()
    {
        var script = Script(Sample());
        Assert.StartsWith("#!/bin/bash\n", script, StringComparison.Ordinal);
        Assert.Contains("\nTUNNEL1_OUTSIDE=203.0.113.1\n", script, StringComparison.Ordinal);
        Assert.Contains("\nTUNNEL1_LOCAL=169.254.101.2/30\n", script, StringComparison.Ordinal);
        Assert.Contains("\nTUNNEL1_PEER=169.254.101.1\n", script, StringComparison.Ordinal);
        Assert.Contains("\nTUNNEL2_PEER=169.254.101.5\n", script, StringComparison.Ordinal);
        Assert.Contains("\nAWS_ASN=64512\n", script, StringComparison.Ordinal);
        Assert.Contains("\nAPPLIANCE_ASN=65010\n", script, StringComparison.Ordinal);
        Assert.Contains("\nLOCAL_SUPERNET=10.0.0.0/9\n", script, StringComparison.Ordinal);
        Assert.Contains("\nREMOTE_SUPERNET=10.128.0.0/9\n", script, StringComparison.Ordinal);
        Assert.Contains("\nPUBLIC_IP=52.80.0.10\n", script, StringComparison.Ordinal);
        Assert.Contains($"\nTCP_MSS={VpnPlan.TcpMss}\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_time_values_stay_references_in_the_program()
    {
        var outside = new Ref("ap-southeast-1-vpn-cn-north-1-b-connection", "tunnel1Address");
        var parts = Sample(outside).Render().Parts;
        Assert.Contains(outside, parts);
        var index = parts.ToList().IndexOf(outside);
        Assert.Equal(new Text("TUNNEL1_OUTSIDE="), parts[index - 1]);
    }

    [Fact]
    public void Forwards_clamps_mss_both_ways_and_speaks_ikev2_and_bgp()
    {
        var script = Script(Sample());
        Assert.Contains("net.ipv4.ip_forward=1", script, StringComparison.Ordinal);
        Assert.Contains("for dir in -i -o; do", script, StringComparison.Ordinal);
        Assert.Contains("-j TCPMSS --set-mss \"$TCP_MSS\"", script, StringComparison.Ordinal);
        Assert.Contains("type xfrm dev \"$DEV\" if_id", script, StringComparison.Ordinal);
        Assert.Contains("version = 2", script, StringComparison.Ordinal);
        Assert.Contains("proposals = aes256-sha256-modp2048", script, StringComparison.Ordinal);
        Assert.Contains("install_routes = no", script, StringComparison.Ordinal);
        Assert.Contains("router bgp ${APPLIANCE_ASN}", script, StringComparison.Ordinal);
        Assert.Contains("neighbor ${TUNNEL1_PEER} remote-as ${AWS_ASN}", script, StringComparison.Ordinal);
        Assert.Contains("network ${LOCAL_SUPERNET}", script, StringComparison.Ordinal);
        Assert.Contains("ip prefix-list REMOTE seq 5 permit ${REMOTE_SUPERNET} le 32", script, StringComparison.Ordinal);
        Assert.Contains("get_parameter(Name=name, WithDecryption=True)", script, StringComparison.Ordinal);
        Assert.Contains("systemctl enable harbor-ha-vpn.service strongswan.service frr.service", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_is_safe_to_embed_in_pulumi_yaml()
    {
        var script = Script(Sample());
        // Pulumi YAML reads "$$" as an escaped "$": a shell "$$" would silently change meaning.
        Assert.DoesNotContain("$$", script, StringComparison.Ordinal);
        // Trailing blanks would force a quoted scalar and make the program unreadable.
        Assert.DoesNotContain(script.Split('\n'), line => line.EndsWith(' ') || line.EndsWith('\t'));
        Assert.DoesNotContain("\r", script, StringComparison.Ordinal);
        Assert.True(script.Length < 16 * 1024, "EC2 user data is limited to 16 KB");
    }

    [Fact]
    public void Yaml_writer_escapes_shell_variables_so_pulumi_does_not_read_them_as_references()
    {
        var program = new PulumiProgram("t");
        program.Add("x", "test:index:Thing", new MapValue { ["userData"] = Sample().Render() });
        var yaml = YamlWriter.Write(program);
        Assert.Contains("$${TUNNEL1_PEER}", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(" ${TUNNEL1_PEER}", yaml, StringComparison.Ordinal);
        Assert.Contains("userData: |", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Boot_script_and_the_script_it_installs_are_valid_bash()
    {
        var script = Script(Sample());
        Assert.Equal(0, BashSyntaxCheck(script));
        var start = script.IndexOf("<<'SCRIPT'\n", StringComparison.Ordinal) + "<<'SCRIPT'\n".Length;
        var end = script.IndexOf("\nSCRIPT\n", start, StringComparison.Ordinal);
        Assert.True(start > 20 && end > start, "the installed script is written with a quoted SCRIPT heredoc");
        Assert.Equal(0, BashSyntaxCheck(script[start..end]));
        Assert.NotEqual(0, BashSyntaxCheck(script[start..end] + "\nif true; then\n"));
    }

    /// <summary>Runs <c>bash -n</c> (parse only, nothing executes) and returns its exit code.</summary>
    private static int BashSyntaxCheck(string script)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("harbor-ha-bash-").FullName, "script.sh");
        File.WriteAllText(file, script);
        using var bash = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash", ["-n", file]) { RedirectStandardError = true })!;
        bash.StandardError.ReadToEnd();
        bash.WaitForExit();
        return bash.ExitCode;
    }
}
