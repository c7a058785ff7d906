using McpFlow.Testing;
using ModelContextProtocol;

namespace McpFlow.Workbench.Tests.Tools;

/// <summary>Every parameter that takes a workbench run id refuses anything but the id's strict shape before any path
/// is built: climbing, absolute paths, an id with a path appended, and a megabyte of text.</summary>
public sealed class WorkbenchIdTests : WorkbenchServerTestBase
{
    public static readonly TheoryData<string> Hostile = new()
    {
        "../../etc",
        "/etc/passwd",
        "run-20261123-101500-ab12cd/../../x",
        "run-20261123-101500-ab12cd/manifest.json",
        "RUN-20261123-101500-AB12CD",
        new string('a', 1 << 20),
    };

    private static string Shown(string id) => id.Length <= 40 ? $"'{id}'" : $"'{id[..40]}…' ({id.Length} characters)";

    private async Task ExpectRefusal(string tool, object arguments, string parameter, string id)
    {
        var result = await CallAsync(tool, arguments);
        result.IsError.Should().BeTrue();
        result.Text().Should().Contain($"{parameter} {Shown(id)} is not a workbench run id; they look like run-20261123-101500-ab12cd.");
        result.Text().Length.Should().BeLessThan(1000);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task EveryRunIdParameter_RefusesAnythingButARunId(string id)
    {
        await ExpectRefusal("workbench_run_card", new { run_id = id }, "run_id", id);
        await ExpectRefusal("workbench_review", new { run_id = id }, "run_id", id);
        await ExpectRefusal("workbench_request_approval", new { run_id = id }, "run_id", id);
        await ExpectRefusal("workbench_decide", new { run_id = id, decision = "approve" }, "run_id", id);
        await ExpectRefusal("workbench_report", new { title = "R", run_ids = new[] { id } }, "run_ids", id);
        await ExpectRefusal("workbench_audit", new { action = "query", run_id = id }, "run_id", id);
        var output = Artifacts.Write(DataRoot, "out.csv", "a\n1\n");
        await ExpectRefusal("workbench_record_run", new { title = "t", output_files = new[] { output }, summary = "s", rerun_of = id }, "rerun_of", id);
        var runs = Path.Combine(WorkspaceRoot, "runs");
        (Directory.Exists(runs) ? Directory.EnumerateFileSystemEntries(runs) : []).Should().BeEmpty();
    }

    [Fact]
    public async Task TheRunCardResourceAndPrompt_RefuseAPathAsRunId()
    {
        var resource = async () => await Client.ReadResourceAsync("mcpflow://workbench/runs/..%2F..%2Fetc/card");
        (await resource.Should().ThrowAsync<McpException>()).Which.Message.Should().Contain("is not a workbench run id");
        var prompt = async () => await Client.GetPromptAsync("workbench_present_run", new Dictionary<string, object?> { ["run_id"] = "/etc/passwd" });
        (await prompt.Should().ThrowAsync<McpException>()).Which.Message.Should().Contain("run_id '/etc/passwd' is not a workbench run id");
    }
}
