using System.Text;
using McpFlow.Core.Errors;

namespace McpFlow.Experiments.Search;

/// <summary>One <c>order_by</c> clause, e.g. <c>metrics.accuracy DESC</c> or <c>params.`batch size` ASC</c>.</summary>
/// <param name="Entity">metrics, params, tags or attributes.</param>
/// <param name="Key">The key (attribute aliases resolved: <c>created</c> is <c>start_time</c>).</param>
/// <param name="Descending">True for DESC (MLflow's default is ASC).</param>
public sealed record OrderClause(string Entity, string Key, bool Descending)
{
    /// <summary>Parses <c>entity.key [ASC|DESC]</c> as MLflow's <c>SearchUtils._parse_order_by_string</c> does: backticks
    /// become double quotes, the text is split like <c>shlex.split</c> (quotes group words and are removed), and the
    /// identifier is split at its first period (a bare key is an attribute, e.g. <c>start_time DESC</c>).</summary>
    public static OrderClause Parse(string text)
    {
        var parts = ShellSplit(text.Replace('`', '"'));
        if (parts is null || parts.Count is 0 or > 2 || (parts.Count == 2 && !parts[1].Equals("ASC", StringComparison.OrdinalIgnoreCase) && !parts[1].Equals("DESC", StringComparison.OrdinalIgnoreCase)))
            throw Invalid(text, "write e.g. \"metrics.accuracy DESC\", \"attributes.start_time ASC\" or \"params.`batch size` ASC\" (backticks around keys with spaces)");
        var identifier = parts[0];
        var dot = identifier.IndexOf('.', StringComparison.Ordinal);
        var entity = dot < 0 ? "attributes" : identifier[..dot].ToLowerInvariant() switch
        {
            "metrics" or "metric" => "metrics",
            "params" or "param" or "parameter" or "parameters" => "params",
            "tags" or "tag" => "tags",
            "attributes" or "attribute" or "attr" or "run" => "attributes",
            var other => throw Invalid(text, $"unknown entity '{other}'; use metrics., params., tags. or attributes."),
        };
        var key = dot < 0 ? identifier : identifier[(dot + 1)..];
        if (key.Length == 0)
            throw Invalid(text, "the clause names no key");
        if (entity == "attributes" && key is "created" or "Created")
            key = "start_time";
        return new OrderClause(entity, key, parts.Count == 2 && parts[1].Equals("DESC", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>POSIX shell-style words: whitespace separates, single or double quotes group (and are dropped); null when a quote is not closed.</summary>
    private static List<string>? ShellSplit(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                    words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else if (c is '"' or '\'')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0)
                    return null;
                word.Append(text, i + 1, end - i - 1);
                inWord = true;
                i = end;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
            words.Add(word.ToString());
        return words;
    }

    private static McpFlowException Invalid(string text, string reason) => McpFlowException.Invalid(
        $"Invalid order_by clause \"{(text.Length <= 200 ? text : text[..200] + "…")}\": {reason}.",
        "Write e.g. \"metrics.accuracy DESC\", \"attributes.start_time ASC\" or \"params.`batch size` ASC\".");
}
