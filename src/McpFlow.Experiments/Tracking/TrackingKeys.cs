using System.Text;
using McpFlow.Core.Errors;
using McpFlow.Core.Ids;

namespace McpFlow.Experiments.Tracking;

/// <summary>MLflow's rules for param, metric and tag names (mlflow/utils/validation.py, <c>^[/\w.\- ]*$</c> on a Python 3
/// str: Unicode letters and digits, underscores, dashes, periods, spaces and slashes, so <c>精度</c> is a valid name; at
/// most 250 characters; here also no empty, '.' or '..' segment and no leading slash, since the file store turns a name
/// into a path) and for run and experiment ids
/// (<see cref="IdKind.MlflowRun"/> and <see cref="IdKind.MlflowExperiment"/>).</summary>
public static class TrackingKeys
{
    /// <summary>Longest name: MLflow's MAX_ENTITY_KEY_LENGTH (250).</summary>
    public const int MaxKeyLength = 250;

    /// <summary>Throws when <paramref name="key"/> is not a name MLflow accepts.</summary>
    public static void Validate(string key, string what)
    {
        if (string.IsNullOrWhiteSpace(key) || key.EnumerateRunes().Count() > MaxKeyLength || !key.EnumerateRunes().All(IsNameCharacter)
            || key.Split('/').Any(s => s is "" or "." or ".."))
            throw McpFlowException.Invalid(
                $"Invalid {what} name '{(key is null ? "" : key.Length <= 60 ? key : key[..60] + "…")}'.",
                $"MLflow names hold at most {MaxKeyLength} letters (any script), digits, underscores, dashes, periods, spaces and slashes, and no empty, '.' or '..' part between slashes.");
    }

    /// <summary>Returns <paramref name="runId"/> when it has the shape of an MLflow run id, otherwise throws an error naming <paramref name="parameter"/>.</summary>
    public static string RequireRunId(string? runId, string parameter = "run_id") => WorkspaceIds.Require(IdKind.MlflowRun, runId, parameter);

    /// <summary>Returns <paramref name="experimentId"/> when it has the shape of an MLflow experiment id, otherwise throws an error naming <paramref name="parameter"/>.</summary>
    public static string RequireExperimentId(string? experimentId, string parameter = "experiment_id") =>
        WorkspaceIds.Require(IdKind.MlflowExperiment, experimentId, parameter);

    /// <summary>Python's <c>\w</c> on a str is a Unicode letter (L*) or number (N*) or '_' (.NET's <c>\w</c> also
    /// takes marks and connectors, and a regex sees a surrogate pair as two non-letters), plus MLflow's <c>/.- </c>.</summary>
    private static bool IsNameCharacter(Rune r) => Rune.IsLetter(r) || Rune.IsNumber(r) || r.Value is '_' or '-' or '.' or ' ' or '/';
}
