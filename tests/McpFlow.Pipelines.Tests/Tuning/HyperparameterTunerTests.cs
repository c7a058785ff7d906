using McpFlow.Core.Workspace;
using McpFlow.Experiments.Optimization;
using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Tables;
using McpFlow.Pipelines.Tests.TestDoubles;
using McpFlow.Pipelines.Tracking;
using McpFlow.Pipelines.Tuning;
using Microsoft.Extensions.Time.Testing;

namespace McpFlow.Pipelines.Tests.Tuning;

public sealed class HyperparameterTunerTests : IDisposable
{
    private readonly TestData _data = new();
    private readonly InMemoryTrackingWriter _writer = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly PipelineGenerator _generator;

    public HyperparameterTunerTests()
    {
        _data.Execute(TestData.Regression);
        _generator = new PipelineGenerator(new TableInspector(_data.Database));
    }

    [Fact]
    public async Task Run_IsDeterministic_AndItsScoresAreTheTrainersCrossValidatedMeans()
    {
        var spec = _generator.Generate(new GenerateRequest("houses", "price", "regression", null, Folds: 3));
        var first = await RunAsync(Tuner(), spec, rounds: 7, seed: 3);
        var second = await RunAsync(Tuner(), spec, rounds: 7, seed: 3);
        second.Rounds.Select(r => r.Params).Should().BeEquivalentTo(first.Rounds.Select(r => r.Params), o => o.WithStrictOrdering());
        second.Rounds.Select(r => r.Score).Should().Equal(first.Rounds.Select(r => r.Score));
        // Independent check of one round: the same params cross-validated directly on the spec's folds.
        var best = first.Best!;
        var frame = new FeatureLoader(_data.Database).Load(spec);
        var direct = CrossValidator.Evaluate(spec, frame, CrossValidator.Folds(spec, frame), "lightgbm", Hyperparameters.Parse("lightgbm", best.Params), CancellationToken.None);
        best.Score.Should().Be(direct.Mean["rmse"]);
        // rmse is minimised: the best is the smallest score, and a round is marked improved exactly when it beats all earlier ones.
        best.Score.Should().Be(first.Rounds.Min(r => r.Score));
        var running = double.PositiveInfinity;
        foreach (var r in first.Rounds)
        {
            r.Improved.Should().Be(r.Score < running, $"round {r.Round}");
            running = Math.Min(running, r.Score ?? double.PositiveInfinity);
        }

        _writer.Runs.Should().HaveCount(14);
        _writer.Runs.Values.Should().OnlyContain(r => r.Tags["mcpflow.tune_id"] == first.TuneId || r.Tags["mcpflow.tune_id"] == second.TuneId);
        File.Exists(first.Chart).Should().BeTrue();
    }

    [Fact]
    public async Task Run_StopsWhenTheTimeBudgetIsSpent()
    {
        var spec = _generator.Generate(new GenerateRequest("houses", "price", "regression", null, Folds: 3));
        var tuner = Tuner();
        var state = tuner.Start(spec, "sdca", null, rounds: 20, seed: 0, experiment: null);
        // Each round "takes" 10 s of fake time: after 3 rounds 30 s >= 25 s, so the fourth never starts.
        var result = await tuner.RunAsync(state, 25, (_, _, _) => _time.Advance(TimeSpan.FromSeconds(10)), CancellationToken.None);
        result.RoundsDone.Should().Be(3);
        result.StoppedBy.Should().Be("time");
        TuneText.Markdown(result).Should().Contain("3/20 rounds (time budget spent)");
    }

    [Fact]
    public async Task Resume_ContinuesFromTheSavedRounds_WithTheSameProposalsAsAnUninterruptedRun()
    {
        var spec = _generator.Generate(new GenerateRequest("houses", "price", "regression", null, Folds: 3));
        var whole = await RunAsync(Tuner(), spec, rounds: 7, seed: 5);
        var tuner = Tuner();
        var part = await RunAsync(tuner, spec, rounds: 4, seed: 5);
        // A new tuner over the same workspace folder (what a restarted server builds) continues from round 5.
        var resumed = await Tuner().RunAsync(Tuner().Resume(part.TuneId, 7), null, (_, _, _) => { }, CancellationToken.None);
        resumed.ResumedAfter.Should().Be(4);
        resumed.Rounds.Select(r => r.Params).Should().BeEquivalentTo(whole.Rounds.Select(r => r.Params), o => o.WithStrictOrdering());
        resumed.Rounds.Select(r => r.Score).Should().Equal(whole.Rounds.Select(r => r.Score));
    }

    [Fact]
    public void Start_RefusesATrainerWithoutHyperparameters()
    {
        var spec = _generator.Generate(new GenerateRequest("houses", "price", "regression", null, Folds: 3));
        var act = () => Tuner().Start(spec, "ols", null, 5, 0, null);
        act.Should().Throw<Core.Errors.McpFlowException>().WithMessage("trainer 'ols' has no hyperparameters to tune.");
    }

    private HyperparameterTuner Tuner() => new(new FeatureLoader(_data.Database), new RunLogger(_writer, _time),
        new TuneStore(new McpFlowWorkspace(_data.Root), _time), new BayesianTuningOptimizer(), _time);

    private static async Task<TuneResult> RunAsync(HyperparameterTuner tuner, McpFlow.Pipelines.Specs.PipelineSpec spec, int rounds, int seed) =>
        await tuner.RunAsync(tuner.Start(spec, "lightgbm", null, rounds, seed, "exp"), null, (_, _, _) => { }, CancellationToken.None);

    public void Dispose() => _data.Dispose();
}
