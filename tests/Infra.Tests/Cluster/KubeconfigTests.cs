using HarborHa.Cluster;
using HarborHa.Model;
using Xunit;

namespace HarborHa.Tests.Cluster;

public sealed class KubeconfigTests
{
    [Fact]
    public void AuthenticationIsAnExecPluginWithoutAStoredToken()
    {
        var config = Kubeconfig.For("https://example", "Q0E=", "harbor-x", "eu-west-1", profile: null);

        var user = (MapValue)((MapValue)((ListValue)config["users"]).Items[0])["user"];
        Assert.Equal(["exec"], user.Select(e => e.Key));
        var exec = (MapValue)user["exec"];
        Assert.Equal((Value)"aws", exec["command"]);
        Assert.DoesNotContain((Value)"--profile", ((ListValue)exec["args"]).Items);
        Assert.Equal((Value)"eu-west-1", config["current-context"]);
    }

    [Fact]
    public void AProfileIsPassedToGetToken()
    {
        var config = Kubeconfig.For("https://example", "Q0E=", "harbor-x", "cn-north-1", profile: "china");

        var exec = (MapValue)((MapValue)((MapValue)((ListValue)config["users"]).Items[0])["user"])["exec"];
        var args = ((ListValue)exec["args"]).Items;
        Assert.Equal([(Value)"--profile", "china"], args.TakeLast(2));
    }
}
