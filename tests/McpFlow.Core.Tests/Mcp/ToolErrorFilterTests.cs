using McpFlow.Core.Groups;
using McpFlow.Core.Tests.Support;
using McpFlow.Testing;

namespace McpFlow.Core.Tests.Mcp;

public sealed class ToolErrorFilterTests : McpServerTestBase
{
    protected override IReadOnlyList<IToolGroup> Groups => [new TestToolGroup()];

    [Fact]
    public async Task DomainError_ReachesClientWithMessageAndHint()
    {
        var result = await CallAsync("test_fail", new { kind = "domain" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Be("test_fail: Table 'sales' does not exist. Hint: Call data_list_tables.");
    }

    [Fact]
    public async Task UnexpectedError_NamesTypeAndMessage_AndServerSurvives()
    {
        var result = await CallAsync("test_fail", new { kind = "unexpected" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("InvalidOperationException: boom").And.Contain("still running");

        (await CallOkAsync("server_info", new { probe_engines = false })).Text().Should().Contain("McpFlow");
    }

    [Fact]
    public async Task McpException_IsPassedThrough()
    {
        var result = await CallAsync("test_fail", new { kind = "mcp" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("Already phrased.");
    }

    [Fact]
    public async Task UnknownTool_IsAnError_NotACrash()
    {
        var act = () => CallAsync("no_such_tool");
        (await act.Should().ThrowAsync<ModelContextProtocol.McpException>()).Which.Message.Should().Contain("no_such_tool");
        (await CallOkAsync("server_info", new { probe_engines = false })).IsError.Should().NotBe(true);
    }
}
