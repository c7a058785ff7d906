using System.Globalization;

namespace McpFlow.Experiments.Search;

/// <summary>
/// Parses MLflow's run filter syntax (the subset MLflow's SearchUtils accepts): clauses
/// <c>entity.key comparator value</c> joined by AND; entities metrics/metric, params/param, tags/tag,
/// attributes/attribute/attr/run (a bare name is an attribute); keys with spaces or dots in backticks or double quotes
/// (<c>params.`batch size`</c>); metrics compare with numbers, params and tags with quoted strings (=, !=, LIKE, ILIKE),
/// attributes status/run_name/run_id/start_time/end_time/artifact_uri/user_id, with MLflow's aliases
/// <c>`run name`</c> (run_name) and <c>created</c> (start_time); IN and NOT IN only for run_id.
/// Filters MLflow would reject (OR, unquoted param values, quoted metric values, a list for another attribute than
/// run_id, lifecycle_stage) are rejected with the reason (checked against MLflow 2.12's SearchUtils:
/// tools/mlflow-check).
/// </summary>
public static class FilterParser
{
    private static readonly string[] MetricComparators = ["=", "!=", ">", ">=", "<", "<="];
    private static readonly string[] StringComparators = ["=", "!=", "LIKE", "ILIKE"];

    /// <summary>Parses <paramref name="filter"/>; empty or null gives no clauses.</summary>
    public static IReadOnlyList<FilterClause> Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
            return [];
        var tokens = FilterTokenizer.Tokenize(filter);
        var clauses = new List<FilterClause>();
        var i = 0;
        while (true)
        {
            clauses.Add(ParseClause(filter, tokens, ref i));
            if (i >= tokens.Count)
                break;
            var word = tokens[i];
            if (word.Kind == FilterTokenizer.Kind.Word && word.Text.Equals("OR", StringComparison.OrdinalIgnoreCase))
                throw FilterTokenizer.Invalid(filter, "OR is not supported (MLflow accepts only AND between clauses)");
            if (word.Kind != FilterTokenizer.Kind.Word || !word.Text.Equals("AND", StringComparison.OrdinalIgnoreCase))
                throw FilterTokenizer.Invalid(filter, $"expected AND after a clause, found '{word.Text}'");
            i++;
        }

        return clauses;
    }

    private static FilterClause ParseClause(string filter, List<FilterTokenizer.Token> tokens, ref int i)
    {
        if (i >= tokens.Count || tokens[i].Kind != FilterTokenizer.Kind.Word)
            throw FilterTokenizer.Invalid(filter, "expected an identifier such as metrics.accuracy");
        var (entity, key) = SplitIdentifier(filter, tokens[i++].Text);
        var comparator = ReadComparator(filter, tokens, ref i);
        var values = new List<string>();
        var numeric = false;
        if (comparator is "IN" or "NOT IN")
        {
            Expect(filter, tokens, i++, FilterTokenizer.Kind.Open, "'(' after IN");
            while (true)
            {
                if (i >= tokens.Count || tokens[i].Kind != FilterTokenizer.Kind.String)
                    throw FilterTokenizer.Invalid(filter, "IN lists hold quoted strings, e.g. attributes.run_id IN ('a1', 'b2')");
                values.Add(tokens[i++].Text);
                if (i < tokens.Count && tokens[i].Kind == FilterTokenizer.Kind.Comma)
                {
                    i++;
                    continue;
                }

                Expect(filter, tokens, i++, FilterTokenizer.Kind.Close, "')' closing the IN list");
                break;
            }
        }
        else
        {
            if (i >= tokens.Count || tokens[i].Kind is not (FilterTokenizer.Kind.String or FilterTokenizer.Kind.Number))
                throw FilterTokenizer.Invalid(filter, $"expected a value after {entity}.{key} {comparator}");
            numeric = tokens[i].Kind == FilterTokenizer.Kind.Number;
            values.Add(tokens[i++].Text);
        }

        Validate(filter, entity, key, comparator, numeric, values);
        return new FilterClause(entity, key, comparator, values, numeric);
    }

    private static void Validate(string filter, string entity, string key, string comparator, bool numeric, List<string> values)
    {
        switch (entity)
        {
            case "metrics":
                if (!MetricComparators.Contains(comparator))
                    throw FilterTokenizer.Invalid(filter, $"metrics support {string.Join(" ", MetricComparators)}, not {comparator}");
                if (!numeric || !double.TryParse(values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    throw FilterTokenizer.Invalid(filter, $"metric '{key}' must be compared with a number, e.g. metrics.{key} > 0.9 (no quotes)");
                break;
            case "params" or "tags":
                if (!StringComparators.Contains(comparator))
                    throw FilterTokenizer.Invalid(filter, $"{entity} support = != LIKE ILIKE, not {comparator}");
                if (numeric)
                    throw FilterTokenizer.Invalid(filter, $"{entity} values are strings and must be quoted, e.g. {entity}.{key} = '{values[0]}'");
                break;
            default:
                ValidateAttribute(filter, key, comparator, numeric);
                break;
        }
    }

    private static void ValidateAttribute(string filter, string key, string comparator, bool numeric)
    {
        switch (key)
        {
            case "start_time" or "end_time" or "created":
                if (!numeric || !MetricComparators.Contains(comparator))
                    throw FilterTokenizer.Invalid(filter, $"attribute {key} is compared with a number of Unix milliseconds");
                break;
            case "status" or "run_name" or "run_id" or "artifact_uri" or "user_id":
                if (numeric)
                    throw FilterTokenizer.Invalid(filter, $"attribute {key} values are strings and must be quoted");
                if (comparator is ">" or ">=" or "<" or "<=")
                    throw FilterTokenizer.Invalid(filter, $"attribute {key} supports = != LIKE ILIKE{(key == "run_id" ? " IN NOT IN" : "")}, not {comparator}");
                if (comparator is "IN" or "NOT IN" && key != "run_id")
                    throw FilterTokenizer.Invalid(filter, $"only the 'run_id' attribute supports comparison with a list of quoted string values (as MLflow), not {key}");
                break;
            default:
                throw FilterTokenizer.Invalid(filter, $"unknown attribute '{key}' (valid: status, run_name, run_id, start_time, end_time, artifact_uri, user_id)");
        }
    }

    private static string ReadComparator(string filter, List<FilterTokenizer.Token> tokens, ref int i)
    {
        if (i >= tokens.Count)
            throw FilterTokenizer.Invalid(filter, "a comparator is missing at the end");
        var t = tokens[i++];
        if (t.Kind == FilterTokenizer.Kind.Operator)
            return t.Text;
        var word = t.Text.ToUpperInvariant();
        if (t.Kind == FilterTokenizer.Kind.Word && word is "LIKE" or "ILIKE" or "IN")
            return word;
        if (t.Kind == FilterTokenizer.Kind.Word && word == "NOT" && i < tokens.Count && tokens[i].Text.Equals("IN", StringComparison.OrdinalIgnoreCase))
        {
            i++;
            return "NOT IN";
        }

        throw FilterTokenizer.Invalid(filter, $"'{t.Text}' is not a comparator (use = != > >= < <= LIKE ILIKE IN)");
    }

    private static (string Entity, string Key) SplitIdentifier(string filter, string identifier)
    {
        var dot = identifier.IndexOf('.', StringComparison.Ordinal);
        string entity;
        string key;
        if (dot < 0 || identifier.StartsWith('\u0001'))
        {
            entity = "attributes";
            key = identifier.TrimStart('\u0001');
        }
        else
        {
            entity = identifier[..dot].ToLowerInvariant() switch
            {
                "metrics" or "metric" => "metrics",
                "params" or "param" or "parameter" or "parameters" => "params",
                "tags" or "tag" => "tags",
                "attributes" or "attribute" or "attr" or "run" => "attributes",
                var other => throw FilterTokenizer.Invalid(filter, $"unknown entity '{other}' (use metrics, params, tags or attributes)"),
            };
            key = identifier[(dot + 1)..].Replace("\u0001", "", StringComparison.Ordinal);
        }

        if (key.Length == 0)
            throw FilterTokenizer.Invalid(filter, $"'{identifier}' names no key");
        return (entity, entity == "attributes" ? AttributeAlias(key) : key);
    }

    /// <summary>MLflow's attribute aliases (SearchUtils.translate_key_alias): "run name" for run_name, "created" for start_time.</summary>
    private static string AttributeAlias(string key) => key switch
    {
        "run name" or "Run name" or "Run Name" => "run_name",
        "created" or "Created" => "start_time",
        _ => key,
    };

    private static void Expect(string filter, List<FilterTokenizer.Token> tokens, int i, FilterTokenizer.Kind kind, string what)
    {
        if (i >= tokens.Count || tokens[i].Kind != kind)
            throw FilterTokenizer.Invalid(filter, "expected " + what);
    }
}
