using System.Globalization;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Tuning;
using McpFlow.Pipelines.Comparison;
using McpFlow.Pipelines.Features;
using McpFlow.Pipelines.Generation;
using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Specs;
using McpFlow.Pipelines.Tracking;

namespace McpFlow.Pipelines.Tuning;

/// <summary>
/// The suggest → train → log loop: each round asks the optimiser for hyperparameters given the finished rounds,
/// cross-validates the trainer on the spec's fixed folds, logs the round as an MLflow run and saves the state, until
/// the target rounds or the time budget (read from <see cref="TimeProvider"/>) are spent. Resumable from the saved state.
/// </summary>
public sealed class HyperparameterTuner(FeatureLoader loader, RunLogger logger, TuneStore store, IHyperparameterOptimizer optimizer, TimeProvider time)
{
    /// <summary>Tool name written on the runs.</summary>
    public const string Tool = "pipeline_tune";

    /// <summary>Checks the request and saves the state of a new tuning (no round run yet).</summary>
    public TuneState Start(PipelineSpec spec, string? trainer, JsonElement? space, int rounds, int seed, string? experiment)
    {
        EnsureAvailable();
        CheckRounds(rounds, 0);
        if (spec.Task is PipelineTask.Clustering or PipelineTask.AnomalyDetection)
            throw McpFlowException.Invalid($"pipeline_tune cross-validates supervised models; this spec is {TaskNames.Name(spec.Task)}.",
                "Generate a classification, regression or forecasting pipeline with a target.");
        var tunable = TuneSpaces.Tunable(TrainerNames.For(spec.Task, spec.Features.FourierPeriod is not null, spec.TimeColumn is not null));
        var name = string.IsNullOrWhiteSpace(trainer) ? tunable[^1] : trainer;
        ModelFactory.EnsureKnown(spec, name);
        if (!tunable.Contains(name))
            throw McpFlowException.Invalid($"trainer '{name}' has no hyperparameters to tune.", $"Use one of: {string.Join(", ", tunable)}.");
        var state = new TuneState(store.NewId(), spec.ToJson(), name, TuneSpaces.For(name, space), seed, rounds,
            string.IsNullOrWhiteSpace(experiment) ? $"pipelines-{spec.Table}" : experiment, []);
        store.Save(state);
        return state;
    }

    /// <summary>The saved state of <paramref name="tuneId"/>, its target raised to <paramref name="rounds"/> when given.</summary>
    public TuneState Resume(string tuneId, int? rounds)
    {
        EnsureAvailable();
        var state = store.Load(tuneId);
        if (rounds is { } r)
        {
            CheckRounds(r, state.Done.Count);
            state = state with { Rounds = r };
        }

        return state;
    }

    /// <summary>Runs the remaining rounds; <paramref name="progress"/> receives (fraction, message, metrics) after each.</summary>
    public async Task<TuneResult> RunAsync(TuneState state, double? maxSeconds, Action<double, string, IReadOnlyDictionary<string, double>> progress,
        CancellationToken cancellationToken)
    {
        CheckBudget(maxSeconds);
        var started = time.GetTimestamp();
        var spec = PipelineSpec.FromJson(state.SpecJson);
        var frame = loader.Load(spec);
        var folds = CrossValidator.Folds(spec, frame);
        var resumedAfter = state.Done.Count;
        var done = state.Done.ToList();
        var stoppedBy = "rounds";
        while (done.Count < state.Rounds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (maxSeconds is { } budget && time.GetElapsedTime(started).TotalSeconds >= budget)
            {
                stoppedBy = "time";
                break;
            }

            var round = await RoundAsync(state, spec, frame, folds, done, cancellationToken);
            done.Add(round);
            store.Save(state with { Done = done });
            var best = Best(done, spec.Maximize);
            progress((double)done.Count / state.Rounds, string.Create(CultureInfo.InvariantCulture,
                $"Round {round.Round}/{state.Rounds}: {spec.PrimaryMetric} {Show(round.Score)}{(round.Improved ? " (new best)" : "")}, best {Show(best?.Score)}"),
                new Dictionary<string, double> { ["round"] = round.Round, ["score"] = round.Score ?? double.NaN, ["best"] = best?.Score ?? double.NaN });
        }

        var folder = store.Folder(state.TuneId);
        var chart = done.Count == 0 ? null : TuneChart.BestSoFar(done, spec.PrimaryMetric, spec.Maximize, folder).Path;
        var result = new TuneResult(state.TuneId, state.Trainer, spec.PrimaryMetric, spec.Maximize, folds.Count, state.Experiment, done.Count, state.Rounds,
            resumedAfter, stoppedBy, Best(done, spec.Maximize), done, chart);
        await File.WriteAllTextAsync(Path.Combine(folder, "leaderboard.json"), JsonSerializer.Serialize(result, Core.Mcp.McpFlowJson.Indented), cancellationToken);
        return result;
    }

    private async Task<TuneRound> RoundAsync(TuneState state, PipelineSpec spec, FeatureFrame frame, IReadOnlyList<Splits.Fold> folds, List<TuneRound> done,
        CancellationToken cancellationToken)
    {
        var number = done.Count + 1;
        var observations = done.Select(r => new TuningObservation(r.Params, r.Score)).ToList();
        var suggested = optimizer.Next(state.Space, observations, spec.Maximize, state.Seed);
        double? score = null, std = null;
        string? error = null;
        IReadOnlyDictionary<string, double> metrics = new Dictionary<string, double>();
        try
        {
            var scores = CrossValidator.Evaluate(spec, frame, folds, state.Trainer, Hyperparameters.Parse(state.Trainer, suggested), cancellationToken);
            metrics = scores.Mean.Concat(scores.Std.Where(m => m.Key != "training_seconds").Select(m => KeyValuePair.Create(m.Key + "_std", m.Value)))
                .ToDictionary(m => m.Key, m => m.Value);
            var mean = scores.Mean.GetValueOrDefault(spec.PrimaryMetric, double.NaN);
            if (double.IsFinite(mean))
                (score, std) = (mean, scores.Std.GetValueOrDefault(spec.PrimaryMetric));
            error = score is null ? $"{spec.PrimaryMetric} was not finite" : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A setting the trainer refuses is a failed round, not a failed tuning; the client sees only McpFlow's words.
            error = ex is McpFlowException m ? m.Message : ex.GetType().Name;
        }

        var best = Best(done, spec.Maximize)?.Score;
        var improved = score is { } v && (best is not { } b || (spec.Maximize ? v > b : v < b));
        var parameters = new Dictionary<string, string>(ModelComparer.Params(spec, state.Trainer, folds.Count));
        foreach (var (k, value) in suggested)
            parameters[k] = value;
        var runId = await logger.LogAsync(state.Experiment, $"{spec.Table}-{state.Trainer}-tune-{number}", Tool, parameters, metrics,
            new Dictionary<string, string>
            {
                ["mcpflow.tune_id"] = state.TuneId, ["mcpflow.tune_round"] = number.ToString(CultureInfo.InvariantCulture),
                ["mcpflow.tune_improved"] = improved ? "true" : "false",
            }, [], cancellationToken);
        return new TuneRound(number, suggested, score, std, improved, runId, error);
    }

    /// <summary>The best scored round (earliest on ties), or null.</summary>
    public static TuneRound? Best(IEnumerable<TuneRound> rounds, bool maximize) =>
        rounds.Where(r => r.Score is not null).OrderBy(r => (maximize ? -1 : 1) * r.Score!.Value).ThenBy(r => r.Round).FirstOrDefault();

    /// <summary>Refuses a time budget outside 1-<see cref="TuneLimits.MaxSeconds"/> seconds.</summary>
    public static void CheckBudget(double? maxSeconds)
    {
        if (maxSeconds is { } s && (!double.IsFinite(s) || s < 1 || s > TuneLimits.MaxSeconds))
            throw McpFlowException.Invalid(string.Create(CultureInfo.InvariantCulture, $"max_seconds must be 1-{TuneLimits.MaxSeconds:0}; got {s:G6}."), "e.g. 600.");
    }

    private void EnsureAvailable()
    {
        if (!optimizer.IsAvailable)
            optimizer.Next([], [], true, 0);
    }

    private static void CheckRounds(int rounds, int done)
    {
        if (rounds < 1 || rounds > TuneLimits.MaxRounds)
            throw McpFlowException.Invalid($"rounds must be 1-{TuneLimits.MaxRounds}; got {rounds}.", "e.g. 20.");
        if (rounds < done)
            throw McpFlowException.Invalid($"rounds ({rounds}) is below the {done} rounds already done.", $"Give rounds above {done} to continue, e.g. {Math.Min(TuneLimits.MaxRounds, done + 10)}.");
    }

    private static string Show(double? v) => v is { } x ? x.ToString("G5", CultureInfo.InvariantCulture) : "failed";
}
