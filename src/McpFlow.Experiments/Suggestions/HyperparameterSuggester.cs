using System.Globalization;
using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Tracking;
using McpFlow.Experiments.Analysis;
using McpFlow.Experiments.Optimization;
using McpFlow.Experiments.Tracking;

namespace McpFlow.Experiments.Suggestions;

/// <summary>Turns an experiment's history into explained, stored hyperparameter suggestions.</summary>
public sealed class HyperparameterSuggester(RunLoader loader, ISuggestionStore store, TimeProvider time)
{
    /// <summary>Upper bound on suggestions per call.</summary>
    public const int MaxCount = 10;

    /// <summary>Makes <paramref name="count"/> suggestions.</summary>
    public async Task<SuggestionReport> SuggestAsync(string experiment, string metric, bool maximize, int count, int seed,
        IReadOnlyDictionary<string, JsonElement>? space, CancellationToken cancellationToken)
    {
        if (count is < 1 or > MaxCount)
            throw McpFlowException.Invalid($"count must be between 1 and {MaxCount}, got {count}.");
        var exp = await loader.ResolveExperimentAsync(experiment, cancellationToken);
        var runs = await loader.LoadRunsAsync(exp.ExperimentId, null, cancellationToken);
        var notes = new List<string>();
        var scored = runs.Where(r => r.Metric(metric) is { } v && double.IsFinite(v)).ToList();
        if (runs.Count > scored.Count)
            notes.Add($"{runs.Count - scored.Count} run(s) without a finite {metric} were skipped.");
        if (scored.Count == 0 && space is null)
            throw McpFlowException.Invalid($"No run of '{exp.Name}' has a finite value of '{metric}', so no search space can be inferred.",
                "Give an explicit space (e.g. {\"lr\": {\"type\": \"float\", \"low\": 0.0001, \"high\": 0.1, \"log\": true}}), or log runs first.");
        SearchSpace searchSpace;
        if (space is not null)
        {
            searchSpace = SearchSpaceParser.Parse(space);
        }
        else
        {
            searchSpace = SearchSpaceInference.Infer(scored, out var inferNotes, r => (maximize ? 1 : -1) * r.Metric(metric)!.Value);
            notes.AddRange(inferNotes);
        }

        var observations = new List<(double[] X, double Y)>();
        foreach (var run in scored)
        {
            if (searchSpace.Encode(run.Params) is { } x)
                observations.Add((x, run.Metric(metric)!.Value));
        }

        if (scored.Count > observations.Count)
            notes.Add($"{scored.Count - observations.Count} run(s) lack a param of the space (or hold a value outside it) and were not used.");
        var best = scored.Where(r => searchSpace.Encode(r.Params) is not null).OrderBy(r => (maximize ? -1 : 1) * r.Metric(metric)!.Value).FirstOrDefault();
        var engine = BayesianOptimizer.Suggest(searchSpace, observations, maximize, count, seed);
        var stamp = time.GetUtcNow();
        var tag = new Random(seed).Next(0x100000, 0xFFFFFF).ToString("x6", CultureInfo.InvariantCulture);
        var suggestions = engine.Select((s, i) =>
        {
            var drivers = Drivers(searchSpace, s, best);
            var explanation = Explain(metric, maximize, s, best, drivers, searchSpace);
            var suggestion = new HyperparameterSuggestion($"sug-{stamp:yyyyMMdd-HHmmss}-{tag}-{i + 1}", exp.Name, metric, maximize, s.Params,
                s.PredictedMean, s.PredictedStd, s.ExpectedImprovement, explanation, stamp);
            store.Save(suggestion);
            return new ExplainedSuggestion(suggestion, drivers);
        }).ToList();
        var method = engine[0].Method == "bayesian"
            ? $"Bayesian optimisation: Gaussian process (Matérn 5/2, one length scale per parameter, fitted by marginal likelihood) on {observations.Count} runs; log expected improvement maximised in a trust region around the best run (plus 10% of candidates from the whole space); batch spread by local penalisation; seed {seed}"
            : $"Space-filling Latin hypercube design (only {observations.Count} usable run(s); the surrogate needs {BayesianOptimizer.MinObservationsForModel}); seed {seed}";
        return new SuggestionReport(exp.Name, metric, maximize, method, searchSpace.Parameters.Select(p => p.Describe()).ToList(), notes,
            observations.Count, best?.Metric(metric), best?.DisplayName, suggestions);
    }

    private static List<Driver> Drivers(SearchSpace space, EngineSuggestion s, MlflowRun? best) =>
        space.Parameters.Select(p => new Driver(p.Name, s.Relevance.GetValueOrDefault(p.Name), best?.Params.GetValueOrDefault(p.Name), s.Params[p.Name]))
            .OrderByDescending(d => d.Relevance).ToList();

    private static string Explain(string metric, bool maximize, EngineSuggestion s, MlflowRun? best, List<Driver> drivers, SearchSpace space)
    {
        var parts = new List<string>();
        var bestValue = best?.Metric(metric);
        if (s.Method == "bayesian")
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"Predicted {metric} {s.PredictedMean:G4} ± {s.PredictedStd:G2} (best so far {bestValue:G4}); expected improvement {s.ExpectedImprovement:G3}."));
            var changes = drivers.Where(d => d.BestRunValue != d.SuggestedValue).Select(d => Change(d, space)).ToList();
            if (changes.Count > 0)
                parts.Add($"Compared with the best run ({best?.DisplayName}) it changes " + string.Join(", ", changes) + ".");
            var top = drivers.Where(d => d.Relevance > 0).Take(2).ToList();
            if (top.Count > 0)
                parts.Add("The surrogate finds " + string.Join(" and ", top.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Param} ({d.Relevance:P0} of the relevance)"))) + " matter most.");
            var constant = space.Parameters.Where(p => p.Origin.StartsWith("constant", StringComparison.Ordinal)).Select(p => p.Name).ToList();
            var gainShare = s.PredictedMean is { } m && bestValue is { } b ? (maximize ? m - b : b - m) : 0;
            parts.Add(s.PredictedStd > Math.Abs(gainShare)
                ? "Its uncertainty is larger than the predicted gain, so it mostly explores" + (constant.Count > 0 ? $" settings never tried so far ({string.Join(", ", constant)} were constant)" : " a little-known region") + "."
                : "The predicted gain exceeds its uncertainty, so it exploits what the runs already show.");
        }
        else
        {
            parts.Add("Too few runs for a surrogate model: this point spreads the first trials evenly over the space (Latin hypercube) so the next suggestions can learn from them.");
        }

        return string.Join(" ", parts);
    }

    private static string Change(Driver d, SearchSpace space)
    {
        var spec = space.Parameters.First(p => p.Name == d.Param);
        if (spec.Kind != ParameterKind.Categorical && double.TryParse(d.BestRunValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var from)
            && double.TryParse(d.SuggestedValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var to) && from > 0 && to > 0)
            return string.Create(CultureInfo.InvariantCulture, $"{d.Param} {d.BestRunValue} → {d.SuggestedValue} (×{to / from:G2})");
        return $"{d.Param} {d.BestRunValue ?? "unset"} → {d.SuggestedValue}";
    }
}
