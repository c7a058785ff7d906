using System.Text.Json.Nodes;

namespace McpFlow.Security.Tests.Sandbox;

/// <summary>The ids a seeded workspace holds, for valid baseline arguments and as targets.</summary>
internal sealed record SeedIds
{
    public required string Table { get; init; }
    public required string Experiment { get; init; }
    public required string ExperimentId { get; init; }
    public required string MlflowRunA { get; init; }
    public required string MlflowRunB { get; init; }
    public required string WorkbenchRun { get; init; }
    public required string PipelineSpec { get; init; }
    public required JsonObject PipelineSpecJson { get; init; }
    public required string Model { get; init; }
    public required string Suggestion { get; init; }
    public required string TransformSuggestion { get; init; }
    public required string Report { get; init; }
    public required string PinnRun { get; init; }
    public required string PinnJob { get; init; }
    /// <summary>A finished pipeline_compare_models job (two trainers besides the baselines), for pipeline_ensemble.</summary>
    public required string CompareJob { get; init; }
    public required JsonObject PdeSpec { get; init; }
    /// <summary>The MLflow run pipeline_train logged (it has a model to register).</summary>
    public required string ModelRun { get; init; }
    /// <summary>The APPROVED workbench run of that training (register_model is gated by default).</summary>
    public required string ApprovedRun { get; init; }
    /// <summary>The registered model seeded from <see cref="ModelRun"/> (version 1).</summary>
    public required string RegisteredModel { get; init; }
}
