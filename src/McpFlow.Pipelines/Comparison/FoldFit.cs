using McpFlow.Pipelines.Models;
using McpFlow.Pipelines.Splits;

namespace McpFlow.Pipelines.Comparison;

/// <summary>One fold's fitted model with its preprocessed held-out rows, as cross-validation scored them.</summary>
/// <param name="Fold">The fold.</param>
/// <param name="Model">The model fitted on the fold's training rows (with its tuned threshold, when one applies).</param>
/// <param name="Test">The fold's test rows, preprocessed with the state fitted on its training rows.</param>
/// <param name="FeatureNames">The names of the columns of <see cref="ModelInput.X"/>.</param>
public sealed record FoldFit(Fold Fold, ITrainedModel Model, ModelInput Test, IReadOnlyList<string> FeatureNames);
