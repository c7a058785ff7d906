using System.Text.Json.Nodes;
using McpFlow.Core.Mcp.Apps;

namespace McpFlow.Core.Tests.Mcp.Apps;

public sealed class AppsCapabilityFilterTests
{
    [Fact]
    public void IsHandshakeResult_IsTrue_ForTheAnswersToInitializeAndServerDiscover()
    {
        AppsCapabilityFilter.IsHandshakeResult(new JsonObject
        {
            ["protocolVersion"] = "2025-11-25", ["capabilities"] = new JsonObject(), ["serverInfo"] = new JsonObject { ["name"] = "McpFlow" },
        }).Should().BeTrue();
        // 2026-07-28 (SEP-2575): server/discover answers with the supported versions and the capabilities.
        AppsCapabilityFilter.IsHandshakeResult(new JsonObject
        {
            ["supportedVersions"] = new JsonArray("2026-07-28"), ["capabilities"] = new JsonObject(),
        }).Should().BeTrue();
    }

    [Fact]
    public void IsHandshakeResult_IsFalse_ForOtherResults()
    {
        AppsCapabilityFilter.IsHandshakeResult(new JsonObject { ["tools"] = new JsonArray() }).Should().BeFalse();
        AppsCapabilityFilter.IsHandshakeResult(new JsonObject { ["capabilities"] = new JsonObject() }).Should().BeFalse();
        AppsCapabilityFilter.IsHandshakeResult(new JsonObject { ["content"] = new JsonArray(), ["capabilities"] = "x", ["supportedVersions"] = new JsonArray() })
            .Should().BeFalse();
    }

    [Fact]
    public void Declare_AddsTheExtension_AsAnEmptySettingsObject()
    {
        var result = new JsonObject { ["capabilities"] = new JsonObject { ["tools"] = new JsonObject() } };
        AppsCapabilityFilter.Declare(result);
        result["capabilities"]!.ToJsonString().Should().Be("""{"tools":{},"extensions":{"io.modelcontextprotocol/ui":{}}}""");
    }

    [Fact]
    public void Declare_KeepsOtherExtensions()
    {
        var result = new JsonObject { ["capabilities"] = new JsonObject { ["extensions"] = new JsonObject { ["example.com/x"] = new JsonObject() } } };
        AppsCapabilityFilter.Declare(result);
        result["capabilities"]!["extensions"]!.AsObject().Select(p => p.Key).Should().Equal("example.com/x", "io.modelcontextprotocol/ui");
    }
}
