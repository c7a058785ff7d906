namespace McpFlow.Experiments.Search;

/// <summary>One <c>entity.key comparator value</c> clause of an MLflow filter string.</summary>
/// <param name="Entity"><c>metrics</c>, <c>params</c>, <c>tags</c> or <c>attributes</c>.</param>
/// <param name="Key">Metric, param, tag or attribute name.</param>
/// <param name="Comparator">Upper-case comparator: = != &gt; &gt;= &lt; &lt;= LIKE ILIKE IN NOT IN.</param>
/// <param name="Values">One value, or several for IN / NOT IN.</param>
/// <param name="IsNumeric">True when the value was an unquoted number.</param>
public sealed record FilterClause(string Entity, string Key, string Comparator, IReadOnlyList<string> Values, bool IsNumeric);
