namespace McpFlow.Pipelines.Tuning;

/// <summary>The leaderboard of a tuning loop.</summary>
/// <param name="TuneId">Id to resume with.</param>
/// <param name="Trainer">Trainer tuned.</param>
/// <param name="Metric">Primary metric (mean over the folds).</param>
/// <param name="Maximize">True when higher is better.</param>
/// <param name="Folds">Cross-validation folds (fixed by the spec's split seed).</param>
/// <param name="Experiment">MLflow experiment of the rounds.</param>
/// <param name="RoundsDone">Rounds finished so far (all calls).</param>
/// <param name="RoundsTarget">Rounds asked for.</param>
/// <param name="ResumedAfter">Rounds that were already done when this call started (0 for a new tuning).</param>
/// <param name="StoppedBy"><c>rounds</c> (target reached) or <c>time</c> (time budget spent).</param>
/// <param name="Best">The best round, or null when every round failed.</param>
/// <param name="Rounds">Every round in order; <see cref="TuneRound.Improved"/> marks the new bests.</param>
/// <param name="Chart">Saved chart of best-so-far against round.</param>
public sealed record TuneResult(string TuneId, string Trainer, string Metric, bool Maximize, int Folds, string Experiment, int RoundsDone, int RoundsTarget,
    int ResumedAfter, string StoppedBy, TuneRound? Best, IReadOnlyList<TuneRound> Rounds, string? Chart);
