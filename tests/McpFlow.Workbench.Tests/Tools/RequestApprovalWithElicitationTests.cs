using System.Text.Json;
using McpFlow.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpFlow.Workbench.Tests.Tools;

/// <summary>A client that supports elicitation: its "user" answers with <see cref="Answer"/>.</summary>
public sealed class RequestApprovalWithElicitationTests : WorkbenchServerTestBase
{
    private ElicitResult Answer { get; set; } = new() { Action = "cancel" };

    private ElicitRequestParams? Asked { get; set; }

    protected override McpClientOptions? ClientOptions => new()
    {
        Handlers = new McpClientHandlers
        {
            ElicitationHandler = (request, _) =>
            {
                Asked = request;
                return ValueTask.FromResult(Answer);
            },
        },
    };

    private static ElicitResult Accept(params (string Key, string Value)[] fields) => new()
    {
        Action = "accept",
        Content = fields.ToDictionary(f => f.Key, f => JsonSerializer.SerializeToElement(f.Value)),
    };

    [Fact]
    public async Task Request_ShowsAFormAndRecordsAnApprovalWithEdits()
    {
        var runId = await RecordAsync(summary: "RMSE 1.5 on the holdout.");
        Answer = Accept(("decision", "approve_with_edits"), ("interpretation", "RMSE 1.5; good enough."), ("reviewer", "ana"));
        var result = await CallOkAsync("workbench_request_approval", new { run_id = runId });
        State(result).Should().Be("APPROVED");
        result.Structured().GetProperty("approval").GetProperty("channel").GetString().Should().Be("elicitation");
        result.Structured().GetProperty("approval").GetProperty("reviewer").GetString().Should().Be("ana");
        Asked!.Message.Should().Contain(runId).And.Contain("6/6 checks passed");
        Asked.RequestedSchema!.Properties.Keys.Should().BeEquivalentTo(["decision", "interpretation", "feedback", "reviewer"]);
        Asked.RequestedSchema.Required.Should().Equal("decision");
    }

    [Fact]
    public async Task Request_TreatsAnApprovalWithAnEditedInterpretationAsApproveWithEdits()
    {
        var runId = await RecordAsync(summary: "RMSE 1.5 on the holdout.");
        Answer = Accept(("decision", "approve"), ("interpretation", "RMSE 1.5, acceptable."));
        var result = await CallOkAsync("workbench_request_approval", new { run_id = runId });
        result.Structured().GetProperty("decision").GetString().Should().Be("approve_with_edits");
        result.Structured().GetProperty("approval").GetProperty("interpretation").GetString().Should().Be("RMSE 1.5, acceptable.");
    }

    [Fact]
    public async Task Request_RecordsARejectionWithFeedback()
    {
        var runId = await RecordAsync();
        Answer = Accept(("decision", "reject"), ("feedback", "wrong split"));
        var result = await CallOkAsync("workbench_request_approval", new { run_id = runId });
        State(result).Should().Be("REJECTED");
        result.Text().Should().Contain("Feedback: wrong split");
    }

    [Theory]
    [InlineData("decline", "declined")]
    [InlineData("cancel", "cancelled")]
    public async Task Request_ChangesNothing_WhenTheUserDeclinesOrCancels(string action, string verb)
    {
        var runId = await RecordAsync();
        Answer = new ElicitResult { Action = action };
        var result = await CallOkAsync("workbench_request_approval", new { run_id = runId });
        result.Text().Should().Be($"The user {verb} the approval form; run {runId} stays REVIEWED and nothing was recorded.");
        State(await CallOkAsync("workbench_run_card", new { run_id = runId })).Should().Be("REVIEWED");
        var audit = await CallOkAsync("workbench_audit", new { tool = "workbench_request_approval" });
        audit.Structured().GetProperty("entries").EnumerateArray().Single().GetProperty("decision").GetString().Should().Be("elicitation " + action);
    }

    [Fact]
    public async Task Request_RefusesARejectionWithoutFeedback_LeavingTheRunReviewed()
    {
        var runId = await RecordAsync();
        Answer = Accept(("decision", "reject"));
        var result = await CallAsync("workbench_request_approval", new { run_id = runId });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("A rejection needs feedback");
        State(await CallOkAsync("workbench_run_card", new { run_id = runId })).Should().Be("REVIEWED");
    }

    [Fact]
    public async Task Request_RefusesARunThatIsNotReviewed_WithoutAskingTheUser()
    {
        var runId = await RecordAsync();
        await DecideAsync(runId, "approve");
        var result = await CallAsync("workbench_request_approval", new { run_id = runId });
        result.Text().Should().Contain($"Run {runId} is APPROVED; it cannot become APPROVED.");
        Asked.Should().BeNull();
    }
}
