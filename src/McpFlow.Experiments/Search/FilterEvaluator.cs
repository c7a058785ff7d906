using System.Globalization;
using System.Text.RegularExpressions;
using McpFlow.Experiments.Tracking;

namespace McpFlow.Experiments.Search;

/// <summary>Evaluates parsed filter clauses against a run, as MLflow's file store does: a run that lacks the
/// metric, param or tag of a clause does not match it.</summary>
public static class FilterEvaluator
{
    /// <summary>True when the run satisfies every clause. <paramref name="nanAsZero"/> compares a NaN metric as 0, as
    /// MLflow's SQL store does (it stores a NaN as value 0 with <c>is_nan</c> set and filters on the value column);
    /// its file store compares the NaN itself, which matches nothing.</summary>
    public static bool Matches(MlflowRun run, IReadOnlyList<FilterClause> clauses, bool nanAsZero = false) => clauses.All(c => Matches(run, c, nanAsZero));

    private static bool Matches(MlflowRun run, FilterClause clause, bool nanAsZero)
    {
        switch (clause.Entity)
        {
            case "metrics":
                if (!run.Metrics.TryGetValue(clause.Key, out var metric))
                    return false;
                var value = nanAsZero && double.IsNaN(metric.Value) ? 0 : metric.Value;
                return CompareNumbers(value, clause.Comparator, double.Parse(clause.Values[0], CultureInfo.InvariantCulture));
            case "params":
                return run.Params.TryGetValue(clause.Key, out var p) && CompareStrings(p, clause);
            case "tags":
                return run.Tags.TryGetValue(clause.Key, out var t) && CompareStrings(t, clause);
            default:
                return MatchesAttribute(run, clause);
        }
    }

    private static bool MatchesAttribute(MlflowRun run, FilterClause clause)
    {
        switch (clause.Key)
        {
            case "start_time" or "created":
                return run.StartTime is { } s && CompareNumbers(s, clause.Comparator, double.Parse(clause.Values[0], CultureInfo.InvariantCulture));
            case "end_time":
                return run.EndTime is { } e && CompareNumbers(e, clause.Comparator, double.Parse(clause.Values[0], CultureInfo.InvariantCulture));
            default:
                var value = clause.Key switch
                {
                    "status" => run.Status,
                    "run_name" => run.RunName,
                    "run_id" => run.RunId,
                    "artifact_uri" => run.ArtifactUri,
                    "user_id" => run.UserId ?? run.Tags.GetValueOrDefault("mlflow.user"),
                    _ => null,
                };
                return value is not null && CompareStrings(value, clause);
        }
    }

    private static bool CompareNumbers(double actual, string comparator, double expected) => comparator switch
    {
        "=" => actual == expected,
        "!=" => actual != expected,
        ">" => actual > expected,
        ">=" => actual >= expected,
        "<" => actual < expected,
        "<=" => actual <= expected,
        _ => false,
    };

    private static bool CompareStrings(string actual, FilterClause clause) => clause.Comparator switch
    {
        "=" => actual == clause.Values[0],
        "!=" => actual != clause.Values[0],
        "LIKE" => Like(actual, clause.Values[0], ignoreCase: false),
        "ILIKE" => Like(actual, clause.Values[0], ignoreCase: true),
        "IN" => clause.Values.Contains(actual),
        "NOT IN" => !clause.Values.Contains(actual),
        _ => false,
    };

    /// <summary>SQL LIKE: % any run of characters, _ one character.</summary>
    public static bool Like(string value, string pattern, bool ignoreCase)
    {
        var regex = "^" + Regex.Escape(pattern).Replace("%", ".*", StringComparison.Ordinal).Replace("_", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(value, regex, (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }
}
