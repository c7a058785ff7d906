using McpFlow.Core.Tuning;

namespace McpFlow.Pipelines.Tuning;

/// <summary>
/// Everything a tuning needs to continue after a restart, saved after every round in <c>tunes/&lt;id&gt;/state.json</c>:
/// the spec, trainer, space, seed and target, and the finished rounds (the optimiser's observations are their params
/// and scores, so a resumed loop proposes exactly what an uninterrupted one would).
/// </summary>
/// <param name="TuneId">Id, e.g. <c>tune-20261203-101500-ab12cd</c>.</param>
/// <param name="SpecJson">The pipeline spec as JSON.</param>
/// <param name="Trainer">Trainer tuned.</param>
/// <param name="Space">Search space.</param>
/// <param name="Seed">Optimiser seed.</param>
/// <param name="Rounds">Target number of rounds.</param>
/// <param name="Experiment">MLflow experiment the rounds are logged to.</param>
/// <param name="Done">Finished rounds, in order.</param>
public sealed record TuneState(string TuneId, string SpecJson, string Trainer, IReadOnlyList<TuningParameter> Space, int Seed, int Rounds,
    string Experiment, IReadOnlyList<TuneRound> Done);
