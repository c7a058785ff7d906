using McpFlow.Core.Tuning;

namespace McpFlow.Experiments.Optimization;

/// <summary>
/// The tuning loop's optimiser (<see cref="IHyperparameterOptimizer"/>): the first <see cref="InitialDesign"/> rounds
/// walk one Latin hypercube drawn from the seed (a space-filling start, as tools/bench/experiments measures the engine),
/// every later round asks <see cref="BayesianOptimizer"/> (the engine behind suggest_hyperparams) for one point given all
/// finished rounds. Failed rounds are kept as tried settings but not modelled. Deterministic for a seed.
/// </summary>
public sealed class BayesianTuningOptimizer : IHyperparameterOptimizer
{
    /// <summary>Rounds of the space-filling start (5: the initial design of the BO benchmark in docs/benchmarks.md).</summary>
    public const int InitialDesign = 5;

    /// <inheritdoc />
    public bool IsAvailable => true;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Next(IReadOnlyList<TuningParameter> space, IReadOnlyList<TuningObservation> observations, bool maximize, int seed)
    {
        var search = new SearchSpace(space.Select(p => new ParameterSpec(p.Name, p.IsInteger ? ParameterKind.Int : ParameterKind.Float,
            p.Low, p.High, p.Log, [], "tuning space")).ToList());
        var encoded = observations
            .Select(o => (X: search.Encode(o.Params), Y: o.Score ?? double.NaN))
            .Where(o => o.X is not null)
            .Select(o => (o.X!, o.Y))
            .ToList();
        if (observations.Count < InitialDesign)
        {
            var design = LatinHypercube.Sample(InitialDesign, search.Dimension, new Random(seed));
            return search.Decode(search.Project(design[observations.Count]));
        }

        return BayesianOptimizer.Suggest(search, encoded, maximize, 1, unchecked((seed * 1000) + observations.Count))[0].Params;
    }
}
