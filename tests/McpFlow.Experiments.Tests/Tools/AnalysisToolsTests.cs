using McpFlow.Core.Tracking;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using Xunit.Abstractions;

namespace McpFlow.Experiments.Tests.Tools;

public sealed class AnalysisToolsTests(ITestOutputHelper output) : ExperimentsToolTestBase(output)
{
    [Fact]
    public async Task Analyze_FindsThePlateauAfterEpochSixtyAndTheConstantParams()
    {
        await PlateauRuns.WriteAsync(Services.GetRequiredService<ITrackingWriter>(), Time);

        var result = await CallOkAsync("analyze_mlflow_runs", new { experiment = "cifar", metric = "val_accuracy" });

        var s = result.Structured();
        s.GetProperty("bestRuns")[0].GetProperty("runName").GetString().Should().Be("run-8");
        s.GetProperty("curves").EnumerateArray().Should().OnlyContain(c => c.GetProperty("plateaued").GetBoolean() && c.GetProperty("plateauStep").GetInt64() == 60);
        var constant = s.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("constant").GetBoolean()).Select(p => p.GetProperty("name").GetString());
        constant.Should().BeEquivalentTo("batch_size", "learning_rate");
        s.GetProperty("trend").GetProperty("stalled").GetBoolean().Should().BeTrue("the last five runs lie within 0.003 of 0.92");
        result.Text().Should().Contain("plateau from step 60").And.Contain("learning rate is constant");
        result.Images().Should().HaveCount(2);
    }

    [Fact]
    public async Task Analyze_NamesTheMetricsWhenTheTargetIsMissing()
    {
        await PlateauRuns.WriteAsync(Services.GetRequiredService<ITrackingWriter>(), Time);

        var result = await CallAsync("analyze_mlflow_runs", new { experiment = "cifar", metric = "f1" });
        var unknown = await CallAsync("analyze_mlflow_runs", new { experiment = "nope", metric = "f1" });

        result.Text().Should().Contain("No run of 'cifar' has a finite value of metric 'f1'").And.Contain("train_accuracy, val_accuracy");
        unknown.Text().Should().Contain("No experiment is named or numbered 'nope'");
    }

    [Fact]
    public async Task Explain_PointsAtTheOnlyDifferingParam()
    {
        var ids = await PlateauRuns.WriteAsync(Services.GetRequiredService<ITrackingWriter>(), Time);

        var result = await CallOkAsync("explain_run_difference", new { run_a = ids[0], run_b = ids[1], metric = "val_accuracy" });

        result.Text().Should().Contain("run-2 is better on val_accuracy: 0.8998 vs 0.9098").And.Contain("Only dropout (0.1 → 0.3, ×3) differs");
        result.Structured().GetProperty("curve")[3].GetProperty("gap").GetDouble().Should().BeApproximately(0.01, 1e-9);
        result.Images().Should().ContainSingle();
    }

    [Fact]
    public async Task Explain_RejectsAMetricNeitherRunLogged()
    {
        var ids = await PlateauRuns.WriteAsync(Services.GetRequiredService<ITrackingWriter>(), Time);

        var result = await CallAsync("explain_run_difference", new { run_a = ids[0], run_b = ids[1], metric = "f1" });

        result.Text().Should().Contain("Neither run logged metric 'f1'");
    }

    [Fact]
    public async Task Leaderboard_MarksSuggestedRunsWithTheirExplanation()
    {
        var writer = Services.GetRequiredService<ITrackingWriter>();
        await PlateauRuns.WriteAsync(writer, Time);
        Services.GetRequiredService<ISuggestionStore>().Save(new HyperparameterSuggestion("sug-20261123-101500-ab12cd-1", "cifar", "val_accuracy", true,
            new Dictionary<string, string> { ["learning_rate"] = "0.003" }, 0.95, 0.01, 0.02, "Lower learning rate escapes the plateau.", DateTimeOffset.UnixEpoch));
        await CallOkAsync("mlflow_log_run", new
        {
            experiment = "cifar", run_name = "suggested", suggestion_id = "sug-20261123-101500-ab12cd-1",
            @params = new Dictionary<string, string> { ["learning_rate"] = "0.003" },
            metrics = new Dictionary<string, object> { ["val_accuracy"] = 0.966 },
        });

        var result = await CallOkAsync("mlflow_leaderboard", new { experiment = "cifar", metric = "val_accuracy" });

        // 0.966 vs the best earlier run 0.922 (run-8's ceiling; at epoch 99 it is 0.922 − 0.42·e^(−99/13) ≈ 0.92179): gain ≈ 4.8%.
        var first = result.Structured().GetProperty("rows")[0];
        first.GetProperty("runName").GetString().Should().Be("suggested");
        first.GetProperty("improved").GetBoolean().Should().BeTrue();
        first.GetProperty("relativeGain").GetDouble().Should().BeApproximately((0.966 - PlateauRuns.Accuracy(99, 0.922)) / PlateauRuns.Accuracy(99, 0.922), 1e-9);
        result.Text().Should().Contain("★ 1").And.Contain("Lower learning rate escapes the plateau.");
    }

    [Fact]
    public async Task Leaderboard_ReportsAnUnknownExperiment()
    {
        var result = await CallAsync("mlflow_leaderboard", new { experiment = "ghost", metric = "acc" });

        result.IsError.Should().BeTrue();
        result.Text().Should().Contain("No experiment is named or numbered 'ghost'");
    }

    [Fact]
    public async Task ResourcesAndPrompt_ServeRunsLeaderboardAndWorkflow()
    {
        await PlateauRuns.WriteAsync(Services.GetRequiredService<ITrackingWriter>(), Time);

        var runs = await Client.ReadResourceAsync("mlflow://experiments/cifar/runs");
        var board = await Client.ReadResourceAsync("mlflow://leaderboard/cifar/val_accuracy");
        var prompt = await Client.GetPromptAsync("experiments_plateau_next_steps", new Dictionary<string, object?> { ["experiment"] = "cifar", ["metric"] = "val_accuracy" });

        ((TextResourceContents)runs.Contents[0]).Text.Should().Contain("run-8");
        ((TextResourceContents)board.Contents[0]).Text.Should().Contain("| ★ 1 | **run-8**");
        ((TextContentBlock)prompt.Messages[0].Content).Text.Should().Contain("analyze_mlflow_runs with experiment=\"cifar\"");
    }
}
