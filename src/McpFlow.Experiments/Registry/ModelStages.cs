using McpFlow.Core.Errors;

namespace McpFlow.Experiments.Registry;

/// <summary>MLflow's legacy model version stages, spelled as MLflow stores them
/// (mlflow/entities/model_registry/model_version_stages.py: <c>STAGE_NONE = "None"</c>, the configured active
/// stages <c>Staging</c> and <c>Production</c>, <c>STAGE_ARCHIVED = "Archived"</c>), matched case-insensitively as
/// <c>get_canonical_stage</c> does.</summary>
public static class ModelStages
{
    /// <summary>A new version's stage.</summary>
    public const string None = "None";

    /// <summary>Active stage for candidates.</summary>
    public const string Staging = "Staging";

    /// <summary>Active stage for the serving version.</summary>
    public const string Production = "Production";

    /// <summary>Retired versions.</summary>
    public const string Archived = "Archived";

    /// <summary>Every stage, in MLflow's <c>ALL_STAGES</c> order.</summary>
    public static readonly IReadOnlyList<string> All = [None, Staging, Production, Archived];

    /// <summary>The stages <c>archive_existing_versions</c> applies to (<c>DEFAULT_STAGES_FOR_GET_LATEST_VERSIONS</c>).</summary>
    public static readonly IReadOnlyList<string> Active = [Staging, Production];

    /// <summary>The canonical spelling of <paramref name="stage"/>, or an error listing the stages.</summary>
    public static string Canonical(string stage) =>
        All.FirstOrDefault(s => string.Equals(s, stage?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw McpFlowException.Invalid($"Invalid model version stage '{Shorten(stage)}'.", $"Stages: {string.Join(", ", All)}.");

    private static string Shorten(string? s) => s is null ? "" : s.Length <= 40 ? s : s[..40] + "…";
}
