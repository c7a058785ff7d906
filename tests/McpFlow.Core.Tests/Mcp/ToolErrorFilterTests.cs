using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using McpFlow.Core.Groups;
using McpFlow.Core.Tests.Support;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpFlow.Core.Tests.Mcp;

public sealed partial class ToolErrorFilterTests : McpServerTestBase
{
    private readonly CapturingLoggerProvider _log = new();

    protected override IReadOnlyList<IToolGroup> Groups => [new TestToolGroup()];

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(_log);

    [GeneratedRegex("log id ([0-9a-f]{8})")]
    private static partial Regex LogId();

    [Fact]
    public async Task DomainError_ReachesClientWithMessageAndHint()
    {
        var result = await CallAsync("test_fail", new { kind = "domain" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Be("test_fail: Table 'sales' does not exist. Hint: Call data_list_tables.");
    }

    [Fact]
    public async Task UnexpectedError_IsReportedByTypeAndLogId_WithTheMessageOnlyInTheLog()
    {
        var result = await CallAsync("test_fail", new { kind = "unexpected" });

        result.IsError.Should().BeTrue();
        result.Text().Should().StartWith("test_fail failed: InvalidOperationException (log id ").And.Contain("still running").And.NotContain("boom");
        var id = LogId().Match(result.Text()).Groups[1].Value;
        _log.Entries.Should().Contain(e => e.Level == LogLevel.Error && e.Message.Contains(id) && e.Exception!.Message == "boom");
        (await CallOkAsync("server_info", new { probe_engines = false })).Text().Should().Contain("McpFlow");
    }

    [Fact]
    public async Task McpException_IsPassedThrough()
    {
        var result = await CallAsync("test_fail", new { kind = "mcp" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Be("test_fail: Already phrased.");
    }

    [Fact]
    public async Task DomainError_EchoesAtMost200CharactersOfAHugeArgument()
    {
        var huge = string.Concat(Enumerable.Range(0, 100_000).Select(i => (char)('a' + i % 26))); // 100,000 characters

        var result = await CallAsync("test_echo_error", new { text = huge });

        result.IsError.Should().BeTrue();
        result.Text().Should().StartWith("test_echo_error: Table '" + huge[..200] + "… [99,800 more characters of an argument not shown]")
            .And.EndWith("does not exist. Hint: Call data_list_tables.");
        result.Text().Length.Should().BeLessThan(400);
    }

    [Fact]
    public async Task UnknownTool_IsAProtocolError_ThatSuggestsTheNearestName_AndNeverEchoesAHugeName()
    {
        var typo = () => CallAsync("server_inf");
        (await typo.Should().ThrowAsync<McpProtocolException>()).Which.Message.Should().Contain("Unknown tool 'server_inf'. Did you mean 'server_info'?");

        var huge = () => CallAsync(new string('x', 100_000));
        (await huge.Should().ThrowAsync<McpProtocolException>()).Which.Message.Length.Should().BeLessThan(400);
        (await CallOkAsync("server_info", new { probe_engines = false })).IsError.Should().NotBe(true);
    }

    [Fact]
    public async Task ResourceFailure_IsReportedByTypeAndLogId_AndDomainErrorsKeepTheirText()
    {
        Func<Task> unexpected = async () => await Client.ReadResourceAsync("test://fail/unexpected");
        var error = (await unexpected.Should().ThrowAsync<McpProtocolException>()).Which;
        error.Message.Should().Contain("Reading resource test://fail/unexpected failed: InvalidOperationException (log id ").And.NotContain("alice");

        Func<Task> domain = async () => await Client.ReadResourceAsync("test://fail/domain");
        (await domain.Should().ThrowAsync<McpProtocolException>()).Which.Message.Should().Contain("No such thing. Hint: Call test_list.");
    }

    [Fact]
    public async Task Prompt_WithoutItsRequiredArgument_IsRefusedNamingIt()
    {
        Func<Task> missing = async () => await Client.GetPromptAsync("test_prompt", new Dictionary<string, object?> { ["goal"] = "churn" });
        var error = (await missing.Should().ThrowAsync<McpProtocolException>()).Which;
        error.ErrorCode.Should().Be(McpErrorCode.InvalidParams);
        error.Message.Should().Contain("'dataset' is required but missing: A file path or workspace table, e.g. \"customers\"");

        Func<Task> unknown = async () => await Client.GetPromptAsync("test_prompt", new Dictionary<string, object?> { ["dataset"] = "x", ["gaol"] = "churn" });
        (await unknown.Should().ThrowAsync<McpProtocolException>()).Which.Message.Should().Contain("'gaol' is not an argument of this prompt; did you mean 'goal'?");

        (await Client.GetPromptAsync("test_prompt", new Dictionary<string, object?> { ["dataset"] = "sales" })).Messages.Should().NotBeEmpty();
    }

    [Fact]
    public async Task ToolCall_WhoseArgumentsAreNotAnObject_IsAnInvalidParamsError_NotABareErrorOccurred()
    {
        var request = new JsonRpcRequest
        {
            Method = RequestMethods.ToolsCall,
            Params = JsonNode.Parse("""{"name": "server_info", "arguments": "probe_engines=false"}"""),
        };

        var send = () => Client.SendRequestAsync(request);

        var error = (await send.Should().ThrowAsync<McpProtocolException>()).Which;
        error.ErrorCode.Should().Be(McpErrorCode.InvalidParams);
        error.Message.Should().Contain("The params of tools/call could not be read (at $.arguments)").And.Contain("arguments a JSON object");
    }
}
