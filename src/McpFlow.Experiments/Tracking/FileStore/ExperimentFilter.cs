using System.Text.RegularExpressions;
using McpFlow.Core.Errors;
using McpFlow.Experiments.Search;

namespace McpFlow.Experiments.Tracking.FileStore;

/// <summary>The experiment filter subset McpFlow evaluates locally: <c>name = 'x'</c>, <c>name != 'x'</c>,
/// <c>name LIKE '%x%'</c>, <c>name ILIKE '%x%'</c> (MLflow's search_experiments syntax; search_registered_models
/// accepts the same name comparisons).</summary>
internal static partial class ExperimentFilter
{
    public static Func<MlflowExperiment, bool> Parse(string? filter)
    {
        var name = NameMatcher(filter, "experiment");
        return e => e.LifecycleStage == "active" && name(e.Name);
    }

    /// <summary>The name comparison of <paramref name="filter"/> (everything matches when it is empty).</summary>
    public static Func<string, bool> NameMatcher(string? filter, string what)
    {
        if (string.IsNullOrWhiteSpace(filter))
            return _ => true;
        var m = Pattern().Match(filter);
        if (!m.Success)
            throw McpFlowException.Invalid($"Unsupported {what} filter \"{filter}\".", "Use name = 'x', name != 'x', name LIKE '%x%' or name ILIKE '%x%'.");
        var op = m.Groups[1].Value.ToUpperInvariant();
        var value = m.Groups[2].Value;
        return name => op switch
        {
            "=" => name == value,
            "!=" => name != value,
            "LIKE" => FilterEvaluator.Like(name, value, ignoreCase: false),
            _ => FilterEvaluator.Like(name, value, ignoreCase: true),
        };
    }

    [GeneratedRegex("^\\s*(?:attributes?\\.)?name\\s*(=|!=|LIKE|ILIKE)\\s*'([^']*)'\\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
