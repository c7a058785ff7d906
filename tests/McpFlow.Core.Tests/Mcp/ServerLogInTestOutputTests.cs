using McpFlow.Core.Groups;
using McpFlow.Core.Tests.Support;
using McpFlow.Testing;

namespace McpFlow.Core.Tests.Mcp;

/// <summary>A test class that passes its output helper to the harness sees the server's log: here the error the
/// tool filter logs for an unexpected exception, with the exception, and the SDK's request log.</summary>
public sealed class ServerLogInTestOutputTests() : McpServerTestBase(Output)
{
    // xunit gives each test class instance its own helper; this test records the lines instead to assert on them.
    private static readonly RecordingTestOutput Output = new();

    protected override IReadOnlyList<IToolGroup> Groups => [new TestToolGroup()];

    [Fact]
    public async Task AnUnexpectedToolFailure_IsLoggedIntoTheTestOutput()
    {
        var result = await CallAsync("test_fail", new { kind = "unexpected" });

        result.IsError.Should().BeTrue();
        Output.Lines.Should().Contain(l => l.StartsWith("[server Error]", StringComparison.Ordinal)
            && l.Contains("test_fail") && l.Contains("InvalidOperationException: boom"));
        Output.Lines.Should().Contain(l => l.StartsWith("[server Information]", StringComparison.Ordinal) && l.Contains("tools/call"));
    }
}
