using McpFlow.Core.Configuration;
using McpFlow.Core.Groups;
using McpFlow.Core.Mcp;
using McpFlow.Core.Tests.Support;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace McpFlow.Core.Tests.Mcp;

public sealed class ResultCapFilterTests : McpServerTestBase
{
    private const int PageCap = 2_000;
    private const int Cap = PageCap + ResultCap.Headroom;
    private readonly CapturingLoggerProvider _log = new();

    protected override IReadOnlyList<IToolGroup> Groups => [new TestToolGroup()];

    protected override void ConfigureOptions(McpFlowOptions options) => options.Sql.MaxCharacters = PageCap;

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(_log);

    [Fact]
    public async Task OversizeResult_IsCutToTheCap_InTextAndStructuredContent_AndTheToolIsLogged()
    {
        var result = await CallOkAsync("test_big", new { text_chars = 50_000, structured_chars = 50_000 });

        result.Content.OfType<TextContentBlock>().Sum(t => t.Text.Length).Should().BeLessThanOrEqualTo(Cap);
        result.Text().Should().StartWith("ttt").And.Contain("[Cut: the text of test_big's result was 50,000 characters");
        var structured = result.Structured();
        structured.GetRawText().Length.Should().BeLessThanOrEqualTo(Cap);
        structured.GetProperty("truncated").GetBoolean().Should().BeTrue();
        _log.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains("test_big") && e.Message.Contains("oversize"));
    }

    [Fact]
    public async Task ResultWithinTheCap_IsUnchanged()
    {
        var result = await CallOkAsync("test_big", new { text_chars = Cap, structured_chars = PageCap });

        result.Text().Should().Be(new string('t', Cap));
        result.Structured().GetProperty("rows").GetString().Should().HaveLength(PageCap);
    }
}
