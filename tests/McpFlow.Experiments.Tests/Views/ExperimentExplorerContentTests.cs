using System.Globalization;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Tests.Tools;
using McpFlow.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace McpFlow.Experiments.Tests.Views;

/// <summary>The experiment explorer shows what the answers carry: the analysis' and the leaderboard's texts hold every
/// field it shows from their results, and mlflow_get_run's text holds every point of the curves it draws.</summary>
public sealed class ExperimentExplorerContentTests : ExperimentsToolTestBase
{
    [Fact]
    public async Task AnalysisText_CarriesTheRunsParamsAndFindingsTheViewShows()
    {
        await PlateauRuns.WriteAsync(Services.GetRequiredService<ITrackingWriter>(), Time);
        var result = await CallOkAsync("analyze_mlflow_runs", new { experiment = "cifar", metric = "val_accuracy" });
        var text = result.Text();
        var s = result.Structured();

        text.Should().StartWith($"Experiment 'cifar' [{s.GetProperty("experimentId").GetString()}]: {s.GetProperty("runCount").GetInt32()} runs, " +
            $"{s.GetProperty("runsWithMetric").GetInt32()} with val_accuracy (higher is better).");
        foreach (var p in s.GetProperty("parameters").EnumerateArray().Where(p => !p.GetProperty("constant").GetBoolean()))
        {
            // The view's row: name, distinct values, importance (F2, or n/a), ρ (F2) when there is one.
            var importance = p.GetProperty("importance") is { ValueKind: not System.Text.Json.JsonValueKind.Null } i ? i.GetDouble().ToString("F2", CultureInfo.InvariantCulture) : "n/a";
            var line = $"  {p.GetProperty("name").GetString()}: {p.GetProperty("distinctCount").GetInt32()} values, importance {importance}";
            text.Should().Contain(line);
            if (p.GetProperty("correlation").ValueKind != System.Text.Json.JsonValueKind.Null)
                text.Should().Contain(line + $" (ρ = {p.GetProperty("correlation").GetDouble().ToString("F2", CultureInfo.InvariantCulture)})");
        }

        text.Should().Contain("importance = " + s.GetProperty("importanceMethod").GetString());
        foreach (var part in new[] { "overfitting", "failedOrDiverged", "recommendations" })
            foreach (var line in s.GetProperty(part).EnumerateArray())
                text.Should().Contain(line.GetString());
        foreach (var c in s.GetProperty("curves").EnumerateArray().Where(c => c.GetProperty("plateaued").GetBoolean()))
            text.Should().Contain($"  {c.GetProperty("runName").GetString()}: plateau from step {c.GetProperty("plateauStep").GetInt64()}");
    }

    [Fact]
    public async Task LeaderboardText_CarriesEveryRowTheViewShows_WithTheSuggestionMarks()
    {
        await PlateauRuns.WriteAsync(Services.GetRequiredService<ITrackingWriter>(), Time);
        var suggested = (await CallOkAsync("suggest_hyperparams", new { experiment = "cifar", metric = "val_accuracy", count = 1, seed = 3 }))
            .Structured().GetProperty("suggestions")[0].GetProperty("suggestion");
        var id = suggested.GetProperty("id").GetString()!;
        var parameters = suggested.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        // 0.99 is above every plateau run's val_accuracy (ceilings at most 0.922 in PlateauRuns), so the suggested run ranks first.
        await CallOkAsync("mlflow_log_run", new
        {
            experiment = "cifar", run_name = "from-suggestion", @params = parameters,
            metrics = new Dictionary<string, object> { ["val_accuracy"] = new[] { 0.9, 0.99 } }, suggestion_id = id
        });

        var result = await CallOkAsync("mlflow_leaderboard", new { experiment = "cifar", metric = "val_accuracy" });
        var text = result.Text();
        foreach (var r in result.Structured().GetProperty("rows").EnumerateArray())
        {
            // The view's row: rank (★ 1 for the best), run name, value (4 significant digits), status, suggestion mark.
            var best = r.GetProperty("best").GetBoolean();
            var name = r.GetProperty("runName").GetString();
            text.Should().Contain(string.Create(CultureInfo.InvariantCulture,
                $"| {(best ? "★ 1" : r.GetProperty("rank").GetInt32().ToString(CultureInfo.InvariantCulture))} | {(best ? "**" + name + "**" : name)} | {r.GetProperty("value").GetDouble():G4} | {r.GetProperty("status").GetString()} |"));
        }

        text.Should().Contain($"| ★ 1 | **from-suggestion** | 0.99 | FINISHED | suggested ({id}), improved +");
        text.Should().Contain($"from-suggestion came from suggestion {id}: ");
    }

    [Fact]
    public async Task GetRunText_CarriesEveryPointOfTheCurveTheViewDraws()
    {
        var runId = (await CallOkAsync("mlflow_log_run", new
        {
            experiment = "curves", run_name = "r",
            metrics = new Dictionary<string, object> { ["acc"] = new[] { 0.5, 0.625, 0.75 } }
        })).Structured().GetProperty("runId").GetString();

        var result = await CallOkAsync("mlflow_get_run", new { run_id = runId, metric = "acc" });

        // Steps 0, 1, 2 as logged (mlflow_log_run numbers a list's points from 0).
        result.Text().Should().EndWith("Points of acc 1-3 of 3 (step=value): 0=0.5, 1=0.625, 2=0.75");
        var points = result.Structured().GetProperty("points");
        points.GetProperty("steps").EnumerateArray().Select(e => e.GetInt64()).Should().Equal(0, 1, 2);
        points.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).Should().Equal(0.5, 0.625, 0.75);
        points.TryGetProperty("nextOffset", out _).Should().BeFalse("the last page has no next offset (nulls are left out)");
    }
}
