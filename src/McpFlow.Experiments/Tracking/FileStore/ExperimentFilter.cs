using System.Globalization;
using System.Text.RegularExpressions;
using McpFlow.Core.Errors;
using McpFlow.Experiments.Search;

namespace McpFlow.Experiments.Tracking.FileStore;

/// <summary>MLflow's search_experiments filter (SearchExperimentsUtils), evaluated locally: clauses joined by AND on
/// the attributes <c>name</c> (=, !=, LIKE, ILIKE with a quoted string), <c>creation_time</c> and
/// <c>last_update_time</c> (=, !=, &gt;, &gt;=, &lt;, &lt;= with a number), written bare or as <c>attribute.name</c> (not
/// <c>attributes.</c>, which MLflow refuses here), and
/// on tags (<c>tags.owner = 'ana'</c>, <c>tags.`a b` LIKE 'x%'</c>; an experiment without the tag matches no tag
/// clause), as checked against MLflow 2.12 in tools/mlflow-check. search_registered_models accepts the name
/// comparisons (<see cref="NameMatcher"/>).</summary>
internal static partial class ExperimentFilter
{
    private static readonly string[] StringComparators = ["=", "!=", "LIKE", "ILIKE"];
    private static readonly string[] NumberComparators = ["=", "!=", ">", ">=", "<", "<="];

    public static Func<MlflowExperiment, bool> Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
            return e => e.LifecycleStage == "active";
        var tokens = FilterTokenizer.Tokenize(filter);
        var clauses = new List<Func<MlflowExperiment, bool>>();
        var i = 0;
        while (true)
        {
            clauses.Add(Clause(filter, tokens, ref i));
            if (i >= tokens.Count)
                break;
            if (tokens[i].Kind != FilterTokenizer.Kind.Word || !tokens[i].Text.Equals("AND", StringComparison.OrdinalIgnoreCase))
                throw FilterTokenizer.Invalid(filter, tokens[i].Text.Equals("OR", StringComparison.OrdinalIgnoreCase)
                    ? "OR is not supported (MLflow accepts only AND between clauses)" : $"expected AND after a clause, found '{tokens[i].Text}'");
            i++;
        }

        return e => e.LifecycleStage == "active" && clauses.All(c => c(e));
    }

    private static Func<MlflowExperiment, bool> Clause(string filter, List<FilterTokenizer.Token> tokens, ref int i)
    {
        if (i + 2 >= tokens.Count || tokens[i].Kind != FilterTokenizer.Kind.Word)
            throw FilterTokenizer.Invalid(filter, "expected a clause such as name LIKE '%cnn%' or tags.owner = 'ana'");
        var identifier = tokens[i].Text;
        var dot = identifier.IndexOf('.', StringComparison.Ordinal);
        var (entity, key) = dot < 0 || identifier.StartsWith('\u0001')
            ? ("attribute", identifier.Replace("\u0001", "", StringComparison.Ordinal))
            : (identifier[..dot].ToLowerInvariant(), identifier[(dot + 1)..].Replace("\u0001", "", StringComparison.Ordinal));
        var comparator = tokens[i + 1].Kind == FilterTokenizer.Kind.Operator ? tokens[i + 1].Text : tokens[i + 1].Text.ToUpperInvariant();
        var value = tokens[i + 2];
        i += 3;
        switch (entity)
        {
            case "tag" or "tags":
                RequireString(filter, comparator, value, "tags." + key);
                return e => e.Tags.TryGetValue(key, out var tag) && CompareStrings(tag, comparator, value.Text);
            case "attribute" when key == "name":
                RequireString(filter, comparator, value, key);
                return e => CompareStrings(e.Name, comparator, value.Text);
            case "attribute" when key is "creation_time" or "last_update_time":
                if (!NumberComparators.Contains(comparator) || value.Kind != FilterTokenizer.Kind.Number
                    || !double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    throw FilterTokenizer.Invalid(filter, $"{key} is compared with a number of Unix milliseconds (= != > >= < <=)");
                return e => (key == "creation_time" ? e.CreationTime : e.LastUpdateTime) is { } t && Compare(t, comparator, number);
            case "attribute":
                throw FilterTokenizer.Invalid(filter, $"unknown experiment attribute '{key}' (valid: name, creation_time, last_update_time)");
            default:
                throw FilterTokenizer.Invalid(filter, $"unknown entity '{entity}' (experiments take attribute, tag or tags, as MLflow)");
        }
    }

    private static void RequireString(string filter, string comparator, FilterTokenizer.Token value, string what)
    {
        if (!StringComparators.Contains(comparator) || value.Kind != FilterTokenizer.Kind.String)
            throw FilterTokenizer.Invalid(filter, $"{what} is compared with a quoted string (= != LIKE ILIKE)");
    }

    private static bool CompareStrings(string actual, string comparator, string expected) => comparator switch
    {
        "=" => actual == expected,
        "!=" => actual != expected,
        "LIKE" => FilterEvaluator.Like(actual, expected, ignoreCase: false),
        _ => FilterEvaluator.Like(actual, expected, ignoreCase: true),
    };

    private static bool Compare(long actual, string comparator, double expected) => comparator switch
    {
        "=" => actual == expected,
        "!=" => actual != expected,
        ">" => actual > expected,
        ">=" => actual >= expected,
        "<" => actual < expected,
        _ => actual <= expected,
    };

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
