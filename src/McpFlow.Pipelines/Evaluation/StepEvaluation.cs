using McpFlow.Pipelines.Features;

namespace McpFlow.Pipelines.Evaluation;

/// <summary>The outcome of evaluate_pipeline_steps.</summary>
/// <param name="Trainer">Trainer used for the evaluation.</param>
/// <param name="TrainerSource">Why this trainer: "given", the chosen model of the experiment, or the default.</param>
/// <param name="PrimaryMetric">Metric the ablation compares.</param>
/// <param name="Maximize">True when larger is better.</param>
/// <param name="Steps">Per step: rows in and out, features added, nulls left, time.</param>
/// <param name="PerFold">Each fold's metrics.</param>
/// <param name="Mean">Mean over folds.</param>
/// <param name="Std">Standard deviation over folds.</param>
/// <param name="Ablation">One row per optional step.</param>
/// <param name="RunId">Tracking run id.</param>
/// <param name="Experiment">Tracking experiment.</param>
public sealed record StepEvaluation(string Trainer, string TrainerSource, string PrimaryMetric, bool Maximize, IReadOnlyList<StepStats> Steps,
    IReadOnlyList<IReadOnlyDictionary<string, double>> PerFold, IReadOnlyDictionary<string, double> Mean, IReadOnlyDictionary<string, double> Std,
    IReadOnlyList<AblationRow> Ablation, string? RunId, string Experiment);
