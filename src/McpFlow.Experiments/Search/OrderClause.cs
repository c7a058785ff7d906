using McpFlow.Core.Errors;

namespace McpFlow.Experiments.Search;

/// <summary>One <c>order_by</c> clause, e.g. <c>metrics.accuracy DESC</c>.</summary>
/// <param name="Entity">metrics, params, tags or attributes.</param>
/// <param name="Key">The key.</param>
/// <param name="Descending">True for DESC (MLflow's default is ASC).</param>
public sealed record OrderClause(string Entity, string Key, bool Descending)
{
    /// <summary>Parses <c>entity.key [ASC|DESC]</c> (a bare key is an attribute, e.g. <c>start_time DESC</c>).</summary>
    public static OrderClause Parse(string text)
    {
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 2 || (parts.Length == 2 && !parts[1].Equals("ASC", StringComparison.OrdinalIgnoreCase) && !parts[1].Equals("DESC", StringComparison.OrdinalIgnoreCase)))
            throw McpFlowException.Invalid($"Invalid order_by clause \"{text}\".", "Write e.g. \"metrics.accuracy DESC\" or \"attributes.start_time ASC\".");
        var identifier = parts[0].Replace("`", "", StringComparison.Ordinal);
        var dot = identifier.IndexOf('.', StringComparison.Ordinal);
        var entity = dot < 0 ? "attributes" : identifier[..dot].ToLowerInvariant() switch
        {
            "metrics" or "metric" => "metrics",
            "params" or "param" => "params",
            "tags" or "tag" => "tags",
            "attributes" or "attribute" or "run" => "attributes",
            var other => throw McpFlowException.Invalid($"Invalid order_by clause \"{text}\": unknown entity '{other}'.", "Use metrics., params., tags. or attributes."),
        };
        var key = dot < 0 ? identifier : identifier[(dot + 1)..];
        return new OrderClause(entity, key, parts.Length == 2 && parts[1].Equals("DESC", StringComparison.OrdinalIgnoreCase));
    }
}
