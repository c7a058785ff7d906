using System.Text.RegularExpressions;
using McpFlow.Core.Errors;

namespace McpFlow.Experiments.Tracking;

/// <summary>MLflow's rules for param, metric and tag names (mlflow/utils/validation.py: alphanumerics,
/// underscores, dashes, periods, spaces and slashes; no path climbing) and for run ids.</summary>
public static partial class TrackingKeys
{
    /// <summary>Throws when <paramref name="key"/> is not a name MLflow accepts.</summary>
    public static void Validate(string key, string what)
    {
        if (string.IsNullOrWhiteSpace(key) || !KeyPattern().IsMatch(key) || key.StartsWith('/')
            || key.Split('/').Any(s => s is "." or ".."))
            throw McpFlowException.Invalid(
                $"Invalid {what} name '{key}'.",
                "MLflow names may contain only letters, digits, underscores, dashes, periods, spaces and slashes, and may not climb with '..'.");
    }

    /// <summary>Throws when <paramref name="runId"/> is not a plausible run id (letters, digits, dashes; up to 64).</summary>
    public static void ValidateRunId(string runId)
    {
        if (string.IsNullOrWhiteSpace(runId) || !RunIdPattern().IsMatch(runId))
            throw McpFlowException.Invalid($"Invalid run id '{runId}'.", "Run ids are 32 hexadecimal characters; call mlflow_search_runs to list them.");
    }

    [GeneratedRegex("^[A-Za-z0-9_\\-\\. /]+\\z")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[A-Za-z0-9_\\-]{1,64}\\z")]
    private static partial Regex RunIdPattern();
}
