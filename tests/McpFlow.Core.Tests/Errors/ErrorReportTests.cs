using McpFlow.Core.Errors;

namespace McpFlow.Core.Tests.Errors;

public sealed class ErrorReportTests
{
    [Fact]
    public void ForClient_KeepsAnMcpFlowExceptionsMessageAndHint()
    {
        ErrorReport.ForClient(McpFlowException.Invalid("limit must be positive.", "Use limit=10."), "job_list")
            .Should().Be("limit must be positive. Hint: Use limit=10.");
    }

    [Fact]
    public void ForClient_ReportsAnyOtherExceptionByTypeAndLogId_NeverByMessage()
    {
        var error = new FormatException("secret,row,4111");

        var text = ErrorReport.ForClient(error, "data_load");

        text.Should().MatchRegex("^data_load failed: FormatException \\(log id [0-9a-f]{8}\\)$").And.NotContain("secret");
        text.Should().Contain(ErrorReport.LogId(error), "the id is assigned once per exception, so every layer names the same one");
    }
}
