using McpFlow.Testing;

namespace McpFlow.Workbench.Tests.Tools;

public sealed class AuditToolTests : WorkbenchServerTestBase
{
    [Fact]
    public async Task Audit_RecordsEveryStateChangingCall_WithRedactedArgumentsAndDecisions_ButNotReadOnlyCalls()
    {
        var input = Artifacts.Write(DataRoot, "train.csv", "x\n1\n");
        var runId = await RecordAsync(parameters: new { password = "hunter2" }, input: input);
        await CallOkAsync("workbench_list_runs");
        await DecideAsync(runId, "reject", feedback: "more data");
        await CallAsync("workbench_decide", new { run_id = runId, decision = "approve" }); // refused: the run is rejected

        var calls = (await CallOkAsync("workbench_audit", new { action = "query", limit = 1000 })).Structured().GetProperty("entries")
            .EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "tool_call").ToList();
        calls.Select(e => e.GetProperty("tool").GetString()).Should().Equal("workbench_record_run", "workbench_decide", "workbench_decide");
        calls[0].GetProperty("arguments").GetProperty("parameters").GetProperty("password").GetString().Should().Be("[redacted]");
        // SHA-256 of "x\n1\n", the input file's content.
        calls[0].GetProperty("inputHashes").GetProperty($"input_files:{input}").GetString().Should()
            .Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("x\n1\n"u8.ToArray())));
        calls[0].GetProperty("runId").GetString().Should().Be(runId);
        calls[1].GetProperty("decision").GetString().Should().Be("reject");
        calls[2].GetProperty("outcome").GetString().Should().StartWith($"error: Run {runId} is REJECTED; it cannot become APPROVED.");
        File.ReadAllText(Path.Combine(WorkspaceRoot, "audit", "audit.jsonl")).Should().NotContain("hunter2");
    }

    [Fact]
    public async Task Audit_VerifiesTheChain_AndNamesTheFirstTamperedEntry()
    {
        await RecordAsync();
        (await CallOkAsync("workbench_audit", new { action = "verify" })).Text().Should().StartWith("Audit trail intact:");
        var path = Path.Combine(WorkspaceRoot, "audit", "audit.jsonl");
        var lines = File.ReadAllLines(path);
        lines[2] = lines[2].Replace("\"outcome\":\"", "\"outcome\":\"x", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);
        var broken = await CallOkAsync("workbench_audit", new { action = "verify" });
        broken.Text().Should().StartWith("Audit trail BROKEN at entry 3: entry 3 was modified after it was written");
        broken.Structured().GetProperty("firstBadSeq").GetInt64().Should().Be(3);
    }

    [Fact]
    public async Task Audit_RefusesAnUnknownAction()
    {
        var result = await CallAsync("workbench_audit", new { action = "delete" });
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("Unknown action 'delete'");
    }
}
