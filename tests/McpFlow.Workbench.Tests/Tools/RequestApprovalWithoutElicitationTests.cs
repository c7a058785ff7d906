using McpFlow.Testing;

namespace McpFlow.Workbench.Tests.Tools;

/// <summary>The default test client declares no elicitation capability.</summary>
public sealed class RequestApprovalWithoutElicitationTests : WorkbenchServerTestBase
{
    [Fact]
    public async Task Request_SaysTheClientCannotShowFormsAndPointsToWorkbenchDecide()
    {
        var runId = await RecordAsync();
        var result = await CallAsync("workbench_request_approval", new { run_id = runId });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("This client does not support elicitation").And.Contain($"workbench_decide run_id=\"{runId}\"");
    }
}
