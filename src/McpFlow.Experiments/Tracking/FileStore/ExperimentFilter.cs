using System.Text.RegularExpressions;
using McpFlow.Core.Errors;
using McpFlow.Experiments.Search;

namespace McpFlow.Experiments.Tracking.FileStore;

/// <summary>The experiment filter subset McpFlow evaluates locally: <c>name = 'x'</c>, <c>name != 'x'</c>,
/// <c>name LIKE '%x%'</c>, <c>name ILIKE '%x%'</c> (MLflow's search_experiments syntax).</summary>
internal static partial class ExperimentFilter
{
    public static Func<MlflowExperiment, bool> Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
            return e => e.LifecycleStage == "active";
        var m = Pattern().Match(filter);
        if (!m.Success)
            throw McpFlowException.Invalid($"Unsupported experiment filter \"{filter}\".", "Use name = 'x', name != 'x', name LIKE '%x%' or name ILIKE '%x%'.");
        var op = m.Groups[1].Value.ToUpperInvariant();
        var value = m.Groups[2].Value;
        return e => e.LifecycleStage == "active" && op switch
        {
            "=" => e.Name == value,
            "!=" => e.Name != value,
            "LIKE" => FilterEvaluator.Like(e.Name, value, ignoreCase: false),
            _ => FilterEvaluator.Like(e.Name, value, ignoreCase: true),
        };
    }

    [GeneratedRegex("^\\s*(?:attributes?\\.)?name\\s*(=|!=|LIKE|ILIKE)\\s*'([^']*)'\\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
