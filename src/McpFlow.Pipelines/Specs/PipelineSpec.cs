using System.Text.Json;
using McpFlow.Core.Errors;
using McpFlow.Core.Mcp;

namespace McpFlow.Pipelines.Specs;

/// <summary>
/// A versioned, documented pipeline: what each column is for, the steps with their explanations, the split,
/// the candidate models and the metrics. Serialized as JSON (camelCase) by <see cref="ToJson"/>.
/// </summary>
public sealed record PipelineSpec
{
    /// <summary>Version of this format; bumped when fields change meaning.</summary>
    public const string CurrentVersion = "1.0";

    /// <summary>Spec format version (default <see cref="CurrentVersion"/>).</summary>
    public string SpecVersion { get; init; } = CurrentVersion;

    /// <summary>Workspace table the pipeline reads.</summary>
    public required string Table { get; init; }

    /// <summary>Target column; null for clustering and unlabelled anomaly detection.</summary>
    public string? Target { get; init; }

    /// <summary>The task.</summary>
    public required PipelineTask Task { get; init; }

    /// <summary>Time column ordering the rows (forecasting; optional otherwise).</summary>
    public string? TimeColumn { get; init; }

    /// <summary>Rows ahead to forecast (forecasting), default 1.</summary>
    public int Horizon { get; init; } = 1;

    /// <summary>Rows in the table when the spec was made.</summary>
    public long RowCount { get; init; }

    /// <summary>Class labels in order (classification), as text.</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];

    /// <summary>Every column and its role.</summary>
    public required IReadOnlyList<ColumnPlan> Columns { get; init; }

    /// <summary>Validation findings.</summary>
    public IReadOnlyList<ValidationFinding> Findings { get; init; } = [];

    /// <summary>Feature settings.</summary>
    public required FeaturePlan Features { get; init; }

    /// <summary>Steps in order, each explained.</summary>
    public required IReadOnlyList<StepPlan> Steps { get; init; }

    /// <summary>Cross-validation split.</summary>
    public required SplitPlan Split { get; init; }

    /// <summary>Candidate trainers (names of <c>TrainerCatalog</c>), baselines included.</summary>
    public required IReadOnlyList<string> Candidates { get; init; }

    /// <summary>Metrics reported for the task.</summary>
    public required IReadOnlyList<string> Metrics { get; init; }

    /// <summary>Metric that ranks models.</summary>
    public required string PrimaryMetric { get; init; }

    /// <summary>True when a larger primary metric is better.</summary>
    public bool Maximize { get; init; }

    /// <summary>Feature columns (role feature).</summary>
    public IEnumerable<ColumnPlan> FeatureColumns => Columns.Where(c => c.Role == ColumnPlan.FeatureRole);

    /// <summary>True when the named step exists and is enabled.</summary>
    public bool IsEnabled(string step) => Steps.Any(s => s.Name == step && s.Enabled);

    /// <summary>Returns a copy with the named optional step disabled.</summary>
    public PipelineSpec Without(string step) =>
        this with { Steps = Steps.Select(s => s.Name == step ? s with { Enabled = false } : s).ToList() };

    /// <summary>The spec as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, McpFlowJson.Indented);

    /// <summary>Parses a spec, checking its version.</summary>
    public static PipelineSpec FromJson(string json)
    {
        PipelineSpec? spec;
        try
        {
            spec = JsonSerializer.Deserialize<PipelineSpec>(json, McpFlowJson.Options);
        }
        catch (JsonException ex)
        {
            throw McpFlowException.Invalid($"The pipeline spec is not valid JSON for spec version {CurrentVersion} (at {ex.Path ?? "$"}, line {ex.LineNumber + 1}).",
                "Pass the 'spec' object returned by generate_pipeline unchanged (or edit only step 'enabled' flags, candidates and split).");
        }

        if (spec is null)
            throw McpFlowException.Invalid("The pipeline spec is empty.", "Pass the 'spec' object returned by generate_pipeline.");
        if (spec.SpecVersion != CurrentVersion)
            throw McpFlowException.Invalid($"Spec version '{spec.SpecVersion}' is not supported (this server reads {CurrentVersion}).",
                "Generate the spec again with generate_pipeline.");
        SpecValidator.Validate(spec);
        return spec;
    }
}
