using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using McpFlow.Workbench.Audit;

namespace McpFlow.Workbench.Tests.Audit;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void ToText_SortsPropertiesAtEveryDepth_AndDropsWhitespace()
    {
        var node = JsonNode.Parse("""{ "b": 1, "a": [2, { "d": "x", "c": null }], "A": 1.50 }""");
        CanonicalJson.ToText(node).Should().Be("""{"A":1.50,"a":[2,{"c":null,"d":"x"}],"b":1}""");
    }

    [Fact]
    public void Sha256_IsTheHashOfTheCanonicalText_AndIgnoresPropertyOrder()
    {
        // Expected: SHA-256 of the canonical text written out by hand.
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("""{"a":[2,{"c":null,"d":"x"}],"b":1}""")));
        CanonicalJson.Sha256(JsonNode.Parse("""{"b":1,"a":[2,{"d":"x","c":null}]}""")).Should().Be(expected);
        CanonicalJson.Sha256(JsonNode.Parse("""{"a":[2,{"c":null,"d":"x"}],"b":1}""")).Should().Be(expected);
    }
}
