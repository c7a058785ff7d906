using System.Text.Json.Nodes;
using McpFlow.Core.Mcp;

namespace McpFlow.Core.Tests.Mcp;

public sealed class ProtocolVersionFilterTests
{
    [Theory]
    [InlineData("2026-07-28")]
    [InlineData("2099-01-01")]
    [InlineData("draft")]
    public void Negotiate_AnswersTheLatestHandshakeVersion_ForAVersionItDoesNotSpeak(string requested)
    {
        var parameters = new JsonObject { ["protocolVersion"] = requested };
        ProtocolVersionFilter.Negotiate(parameters);
        parameters["protocolVersion"]!.GetValue<string>().Should().Be("2025-11-25");
    }

    [Theory]
    [InlineData("2024-11-05")]
    [InlineData("2025-03-26")]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    public void Negotiate_KeepsAVersionItSpeaks(string requested)
    {
        var parameters = new JsonObject { ["protocolVersion"] = requested };
        ProtocolVersionFilter.Negotiate(parameters);
        parameters["protocolVersion"]!.GetValue<string>().Should().Be(requested);
    }

    [Fact]
    public void Negotiate_LeavesAMissingVersionForTheSdkToRefuse()
    {
        var parameters = new JsonObject { ["capabilities"] = new JsonObject() };
        ProtocolVersionFilter.Negotiate(parameters);
        parameters.ContainsKey("protocolVersion").Should().BeFalse();
    }
}
