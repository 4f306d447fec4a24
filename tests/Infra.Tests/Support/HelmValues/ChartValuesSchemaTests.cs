using HarborHa.Model;
using Xunit;

namespace HarborHa.Tests.Support.HelmValues;

public sealed class ChartValuesSchemaTests
{
    private const string Chart = """
        core:
          replicas: 1
          podAnnotations: {}
          tolerations: []
          priorityClassName:
          # resources:
          #  requests:
          #    memory: 256Mi
          existingSecret: ""
          tokenKey: |
          # If tokenKey is set, the value of tokenCert must be set
        storage:
          s3:
            # keys in the secret should be ACCESSKEY and SECRETKEY
            #existingSecret: ""
            region: us-west-1
            #encrypt: false
          type: filesystem
        list:
          - name: a
            value: b
        """;

    private static ChartValuesSchema Schema() => ChartValuesSchema.Parse(Chart);

    [Fact]
    public void DeclaredKeysPass()
    {
        var values = new MapValue
        {
            ["core"] = new MapValue { ["replicas"] = 3, ["existingSecret"] = new Ref("secret", "metadata.name") },
            ["storage"] = new MapValue { ["type"] = "s3", ["s3"] = new MapValue { ["region"] = "eu-west-1" } },
        };

        Assert.Empty(Schema().Problems(values));
    }

    [Fact]
    public void MisspeltKeyIsReportedWithItsPathAndTheNearestKey()
    {
        var values = new MapValue { ["core"] = new MapValue { ["replica"] = 3 } };

        var problem = Assert.Single(Schema().Problems(values));
        Assert.StartsWith("core.replica:", problem, StringComparison.Ordinal);
        Assert.Contains("'replicas'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CommentedOutKeysAreKnownAndAttachToTheMappingTheyAreIndentedUnder()
    {
        var schema = Schema();

        Assert.True(schema.Knows("storage.s3.existingSecret"));
        Assert.False(schema.Declares("storage.s3.existingSecret"));
        Assert.True(schema.Knows("storage.s3.encrypt"));
        Assert.True(schema.Knows("core.resources.requests.memory"));
        Assert.False(schema.Knows("storage.existingSecret"));
        Assert.False(schema.Knows("core.If"));
    }

    [Fact]
    public void ProseInCommentsIsNotAKey()
    {
        var schema = Schema();

        Assert.False(schema.Knows("storage.s3.keys"));
        Assert.False(schema.Knows("core.tokenKey.If"));
    }

    [Fact]
    public void AnythingGoesBelowEmptyMapsListsAndNulls()
    {
        var values = new MapValue
        {
            ["core"] = new MapValue
            {
                ["podAnnotations"] = new MapValue { ["example.com/any"] = "x" },
                ["tolerations"] = Value.List(new MapValue { ["key"] = "k" }),
                ["priorityClassName"] = new MapValue { ["free"] = "form" },
            },
        };

        Assert.Empty(Schema().Problems(values));
    }

    [Fact]
    public void OpaqueKubernetesStructuresAreNotWalkedButMustExist()
    {
        var schema = Schema();
        var limits = new MapValue { ["core"] = new MapValue { ["resources"] = new MapValue { ["limits"] = new MapValue { ["cpu"] = "1" } } } };
        var misplaced = new MapValue { ["storage"] = new MapValue { ["resources"] = new MapValue { ["limits"] = new MapValue() } } };

        Assert.Empty(schema.Problems(limits));
        Assert.Single(schema.Problems(misplaced));
    }

    [Fact]
    public void AMapWhereTheChartHasAPlainValueIsReported()
    {
        var values = new MapValue { ["storage"] = new MapValue { ["type"] = new MapValue { ["name"] = "s3" } } };

        var problem = Assert.Single(Schema().Problems(values));
        Assert.StartsWith("storage.type:", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void APlainValueWhereTheChartHasAMapIsReported()
    {
        var values = new MapValue { ["storage"] = new MapValue { ["s3"] = "bucket" } };

        var problem = Assert.Single(Schema().Problems(values));
        Assert.StartsWith("storage.s3:", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void KeysBelowACommentedKeyMustBeCommentedToo()
    {
        var values = new MapValue { ["storage"] = new MapValue { ["s3"] = new MapValue { ["existingSecret"] = new MapValue { ["name"] = "x" } } } };

        Assert.Single(Schema().Problems(values));
    }

    [Fact]
    public void PathsOfListsEveryNestedKey()
    {
        var values = new MapValue { ["a"] = new MapValue { ["b"] = 1, ["c"] = Value.List(new MapValue { ["d"] = 2 }) } };

        Assert.Equal(["a", "a.b", "a.c"], ChartValuesSchema.PathsOf(values).ToArray());
    }

    [Fact]
    public void TheHarborChartFixtureLoadsWithItsDocumentedOptionalKeys()
    {
        var schema = ChartValuesSchema.Load(SharedFixtures.HarborValues);

        Assert.True(schema.Declares("database.external.existingSecret"));
        Assert.True(schema.Knows("persistence.imageChartStorage.s3.existingSecret"));
        Assert.False(schema.Declares("persistence.imageChartStorage.s3.existingSecret"));
        Assert.True(schema.Knows("registry.registry.resources.requests.cpu"));
        Assert.True(schema.Knows("core.resources"));
        Assert.False(schema.Knows("core.resource"));
    }
}
