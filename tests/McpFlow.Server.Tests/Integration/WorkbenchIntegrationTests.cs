using System.Text.Json;
using McpFlow.Core.Groups;
using McpFlow.Testing;

namespace McpFlow.Server.Tests.Integration;

/// <summary>Analysis steps of the other groups become workbench runs that a human can approve or reject.</summary>
public sealed class WorkbenchIntegrationTests : McpServerTestBase
{
    protected override IReadOnlyList<IToolGroup> Groups => ToolGroups.All();

    [Fact]
    public async Task AnalyzeDataframe_RecordsReviewedProfileRun_ThatCanBeApproved()
    {
        // 10 rows of a constructed table: x = 1..10, y = 2x (so the profile and its metrics are known exactly).
        var csv = Path.Combine(DataRoot, "pairs.csv");
        await File.WriteAllTextAsync(csv, "x,y\n" + string.Join("\n", Enumerable.Range(1, 10).Select(i => $"{i},{2 * i}")) + "\n");

        var profile = await CallOkAsync("analyze_dataframe", new { path = csv });

        var run = profile.Structured().GetProperty("workbenchRun");
        var runId = run.GetProperty("runId").GetString()!;
        run.GetProperty("state").GetString().Should().Be("REVIEWED");
        run.GetProperty("checksFailed").GetArrayLength().Should().Be(0);
        profile.Text().Should().Contain($"Workbench run {runId}: REVIEWED");
        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(WorkspaceRoot, "runs", runId, "manifest.json"))).RootElement;
        manifest.GetProperty("metrics").GetProperty("row_count").GetDouble().Should().Be(10);
        manifest.GetProperty("metrics").GetProperty("column_count").GetDouble().Should().Be(2);
        manifest.GetProperty("inputs")[0].GetProperty("path").GetString().Should().Be(csv);

        var decided = await CallOkAsync("workbench_decide", new { run_id = runId, decision = "approve" });
        decided.Text().Should().Contain("APPROVED");
    }

    [Fact]
    public async Task PipelineTrain_RecordsTrainingRun_WithCrossValidatedMetrics()
    {
        var iris = Path.Combine(DataRoot, "iris.csv");
        File.Copy(Path.Combine(RepositoryPaths.ExampleData, "iris.csv"), iris);
        var generated = await CallOkAsync("generate_pipeline", new { table = "iris", target = "species", folds = 3, file = iris });
        var specId = generated.Structured().GetProperty("spec_id").GetString()!;

        var trained = await CallUntilFinishedAsync("pipeline_train", new { spec = specId, trainer = "lightgbm", wait_seconds = 45 });

        var result = trained.Structured().GetProperty("result");
        var run = result.GetProperty("workbenchRun");
        run.GetProperty("state").GetString().Should().Be("REVIEWED", trained.Text());
        var accuracy = result.GetProperty("mean").GetProperty("accuracy").GetDouble();
        accuracy.Should().BeInRange(0.85, 1.0, "iris is separable to ~0.95 accuracy by any tree ensemble");
        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(
            Path.Combine(WorkspaceRoot, "runs", run.GetProperty("runId").GetString()!, "manifest.json"))).RootElement;
        manifest.GetProperty("kind").GetString().Should().Be("training");
        manifest.GetProperty("metrics").GetProperty("accuracy").GetDouble().Should().Be(accuracy);
    }
}

/// <summary>With exports gated in workbench.json, data_export cannot publish results of an unapproved run.</summary>
public sealed class ExportGateIntegrationTests : McpServerTestBase
{
    protected override IReadOnlyList<IToolGroup> Groups => ToolGroups.All();

    protected override void ConfigureOptions(McpFlow.Core.Configuration.McpFlowOptions options)
    {
        Directory.CreateDirectory(options.WorkspacePath);
        File.WriteAllText(Path.Combine(options.WorkspacePath, "workbench.json"), """{ "gatedActions": ["export", "final_report"] }""");
    }

    [Fact]
    public async Task DataExport_IsRefused_UntilTheProfileRunIsApproved()
    {
        var csv = Path.Combine(DataRoot, "pairs.csv");
        await File.WriteAllTextAsync(csv, "x,y\n1,2\n2,4\n3,6\n");
        var profile = await CallOkAsync("analyze_dataframe", new { path = csv });
        var table = profile.Structured().GetProperty("table").GetString()!;
        var runId = profile.Structured().GetProperty("workbenchRun").GetProperty("runId").GetString()!;
        var target = Path.Combine(DataRoot, "out.csv");

        var unnamed = await CallAsync("data_export", new { path = target, table });
        unnamed.IsError.Should().BeTrue();
        unnamed.Text().Should().Contain("'export' is gated");
        var unapproved = await CallAsync("data_export", new { path = target, table, run_id = runId });
        unapproved.IsError.Should().BeTrue();
        unapproved.Text().Should().Contain("workbench_request_approval");
        File.Exists(target).Should().BeFalse();

        await CallOkAsync("workbench_decide", new { run_id = runId, decision = "approve" });
        await CallOkAsync("data_export", new { path = target, table, run_id = runId });
        (await File.ReadAllLinesAsync(target)).Should().HaveCount(4);
    }
}
